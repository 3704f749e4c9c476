import type { CallOptions } from '../../graph/GraphCall';
import type { SiteScope } from '../libraryPlan/siteScope';
import { readCoverage, type LibraryCoverage } from './readCoverage';

/** Coverage and drift of a site's libraries, as their owner reviews them. */
export interface CoverageService {
  loadCoverage(options?: CallOptions): Promise<LibraryCoverage[]>;
}

export function createCoverageService(scope: Pick<SiteScope, 'graph' | 'site' | 'siteId'>): CoverageService {
  return { loadCoverage: (options) => readCoverage(scope, options) };
}
