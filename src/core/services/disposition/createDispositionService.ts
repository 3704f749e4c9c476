import { decideDispositions, type DecideOptions, type DecideRequest, type DecisionOutcome } from './decideDispositions';
import type { QueueSnapshot } from './DispositionQueue';
import type { DispositionWorkspace } from './dispositionWorkspace';
import { lastDispositionQueue, loadDispositionQueue, type LoadQueueRequest } from './loadDispositionQueue';
import { emptyQueueMemory } from './QueueMemory';
import { readDispositionItem, type DispositionItemDetails, type ReadItemRequest } from './readDispositionItem';
import { readProofRegister, type ProofRegisterReport } from './readProofRegister';

export interface DispositionService {
  loadQueue(request?: LoadQueueRequest): Promise<QueueSnapshot>;
  /** The queue as last read, without a request (undefined the first time): shown while `loadQueue` runs. */
  lastQueue(): Promise<QueueSnapshot | undefined>;
  item(request: ReadItemRequest): Promise<DispositionItemDetails | undefined>;
  decide(request: DecideRequest, options?: DecideOptions): Promise<DecisionOutcome[]>;
  /** The proof register, verified against its anchored head. */
  register(): Promise<ProofRegisterReport>;
}

/** The disposition review over the workspace: the queue, an item's details, decisions and the proof register. */
export function createDispositionService(workspace: DispositionWorkspace): DispositionService {
  const deps = { workspace, memory: emptyQueueMemory() };
  return {
    loadQueue: (request) => loadDispositionQueue(deps, request),
    lastQueue: () => lastDispositionQueue(deps),
    item: (request) => readDispositionItem(deps, request),
    decide: (request, options) => decideDispositions(deps, request, options),
    register: () => readProofRegister(workspace)
  };
}
