import type { DispositionWorkspace } from '../disposition/dispositionWorkspace';
import { addToHold, type AddToHoldRequest } from './addToHold';
import { createHold, type CreateHoldRequest } from './createHold';
import type { HoldSummary } from './HoldSummary';
import { listHolds } from './listHolds';
import { listLegalHolds, type LegalHoldSummary } from './listLegalHolds';
import { releaseHold, type ReleaseHoldRequest } from './releaseHold';

export interface HoldsService {
  list(): Promise<HoldSummary[]>;
  /** eDiscovery legal holds (managed in Purview), which also block disposal. */
  legal(): Promise<LegalHoldSummary[]>;
  create(request: CreateHoldRequest): Promise<HoldSummary>;
  add(request: AddToHoldRequest): Promise<void>;
  release(request: ReleaseHoldRequest): Promise<void>;
}

/**
 * Custodian's holds over the workspace. Each change adds an entry to the proof register and anchors its head; an
 * active hold blocks approval of disposal of what it covers.
 */
export function createHoldsService(workspace: DispositionWorkspace): HoldsService {
  return {
    list: () => listHolds(workspace),
    legal: () => listLegalHolds(workspace),
    create: (request) => createHold(workspace, request),
    add: (request) => addToHold(workspace, request),
    release: (request) => releaseHold(workspace, request)
  };
}
