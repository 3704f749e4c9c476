import type { DispositionWorkspace } from '../disposition/dispositionWorkspace';
import { findRecords, type FindRecordsOptions, type FoundRecords, type RecordSearchRequest } from './findRecords';

export interface SearchService {
  find(request: RecordSearchRequest, options?: FindRecordsOptions): Promise<FoundRecords>;
}

/** Record search for information requests over the workspace's indexed libraries. */
export function createSearchService(workspace: DispositionWorkspace): SearchService {
  return { find: (request, options) => findRecords(workspace, request, options) };
}
