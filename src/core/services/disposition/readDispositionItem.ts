import type { ItemRetention } from '../index/itemRetention';
import type { QueueItem } from './DispositionQueue';
import type { DispositionDeps } from './DispositionDeps';
import { proofEntrySummary, type ProofEntrySummary } from './ProofEntrySummary';
import { readRegister } from './proofRegister';
import { itemFacts, type ItemFacts } from './ItemFacts';

export interface ReadItemRequest {
  /** `siteId|listId|itemId`. */
  key: string;
  signal?: AbortSignal;
}

/** An item as the index knows it, in the queue or not (a deep link may name any item). */
export interface DispositionItemDetails extends ItemFacts {
  labelName?: string;
  /** The retention as the domain decides it. */
  retention: ItemRetention;
  /** The tenant's current time the retention is judged at (an end date is past or to come). */
  now: string;
  /** The item's entry in the queue, when it waits for review. */
  queued?: QueueItem;
  /** Decisions on the item, from the proof register, oldest first. */
  history: ProofEntrySummary[];
}

/** One item by key (deep links), with its history from the register; undefined when the index does not hold it. */
export async function readDispositionItem(deps: DispositionDeps, request: ReadItemRequest): Promise<DispositionItemDetails | undefined> {
  const { workspace, memory } = deps;
  const { key } = request;
  const s = await workspace.ready();
  const entry = s.index.entry(key);
  const [register, now] = await Promise.all([readRegister(s.site), workspace.now()]);
  const history = register.filter((e) => e.payload.subject === key).map(proofEntrySummary);
  if (!entry) return undefined;
  const { item } = entry;
  const queued = memory.items.get(key);
  return {
    ...itemFacts(key, item, s.placeOf(key)),
    ...(item.labelName ? { labelName: item.labelName } : {}),
    retention: entry.retention,
    now,
    ...(queued ? { queued } : {}),
    history
  };
}
