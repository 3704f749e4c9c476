import type { DecisionOutcome } from '../../core/services/disposition/decideDispositions';
import type { ReviewDecision } from '../../core/services/disposition/createDispositionReview';
import type { QueueSnapshot } from '../../core/services/disposition/DispositionQueue';
import type { ProofRegisterReport } from '../../core/services/disposition/readProofRegister';
import type { FiredEvent } from '../../core/services/events/fireEvent';
import type { EventTypeOption } from '../../core/services/events/listEventTypeOptions';
import type { PreviewedEvent } from '../../core/services/events/previewEvent';
import type { RetentionEventRequest } from '../../core/services/events/previewRetentionEvent';
import type { DispositionForecastMonth } from '../../core/services/forecast/forecastDispositions';
import type { AddToHoldRequest } from '../../core/services/holds/addToHold';
import type { CreateHoldRequest } from '../../core/services/holds/createHold';
import type { HoldSummary } from '../../core/services/holds/HoldSummary';
import type { LegalHoldSummary } from '../../core/services/holds/listLegalHolds';
import type { ReleaseHoldRequest } from '../../core/services/holds/releaseHold';
import type { FoundRecords, RecordSearchRequest } from '../../core/services/search/findRecords';
import type { DemoControls } from './DemoControls';
import type { ItemDetailsView } from './ItemDetailsView';

/**
 * What the Dispositions app asks of the core: one object, composed by `composeDispositionsServices` from the core's
 * disposition, holds, events, forecast and search services (built by src/teams/index.tsx), so the app and its
 * tests never see a gateway, a URL or fetch. Component tests pass a fake of it.
 */
export interface DispositionsServices {
  /** Brings the index up to date and gives the queue at the tenant's current time. */
  loadQueue(signal?: AbortSignal): Promise<QueueSnapshot>;
  /** The queue as last read, kept on this device: shown at once, marked with its time, while `loadQueue` runs. */
  lastQueue?(): Promise<QueueSnapshot | undefined>;
  /** One item by key (deep links), with its history from the register. */
  item(key: string, signal?: AbortSignal): Promise<ItemDetailsView | undefined>;
  /** Records one decision per item, one after another, reporting each as it is made. */
  decide(keys: readonly string[], decision: ReviewDecision, onResult?: (result: DecisionOutcome) => void): Promise<DecisionOutcome[]>;
  holds(signal?: AbortSignal): Promise<HoldSummary[]>;
  /** eDiscovery legal holds from Purview, shown beside Custodian's own (they are changed in Purview only). */
  legalHolds(signal?: AbortSignal): Promise<LegalHoldSummary[]>;
  createHold(input: CreateHoldRequest): Promise<HoldSummary>;
  addToHold(input: AddToHoldRequest): Promise<void>;
  releaseHold(input: ReleaseHoldRequest): Promise<void>;
  eventTypes(signal?: AbortSignal): Promise<EventTypeOption[]>;
  previewEvent(request: RetentionEventRequest): Promise<PreviewedEvent>;
  /** Fires a previewed event; `confirmedCount` must be the preview's count. Cannot be undone. */
  fireEvent(previewId: string, confirmedCount: number): Promise<FiredEvent>;
  /** The proof register, verified against its anchored head. */
  register(signal?: AbortSignal): Promise<ProofRegisterReport>;
  /** Items reaching the end of retention per month, for `months` months from the tenant's current month. */
  forecast(months: number, signal?: AbortSignal): Promise<DispositionForecastMonth[]>;
  search(request: RecordSearchRequest, signal?: AbortSignal): Promise<FoundRecords>;
  /** Present in demo mode only. */
  demo?: DemoControls;
}
