import type { SiteScope } from '../libraryPlan/siteScope';
import { readCoverage, type LibraryCoverage, type ReadCoverageOptions } from './readCoverage';

/** Coverage and drift of a site's libraries, as their owner reviews them. */
export interface CoverageService {
  loadCoverage(options?: ReadCoverageOptions): Promise<LibraryCoverage[]>;
}

export function createCoverageService(scope: Pick<SiteScope, 'graph' | 'site' | 'siteId'>): CoverageService {
  return { loadCoverage: (options) => readCoverage(scope, options) };
}
