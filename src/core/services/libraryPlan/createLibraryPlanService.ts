import type { CallOptions } from '../../graph/GraphCall';
import { applyLibraryPlan, type LibraryPlanChange } from './applyLibraryPlan';
import { readLibraries, type LibrariesSnapshot } from './readLibraries';
import type { SiteScope } from './siteScope';
import type { LibrarySummary } from './summariseLibrary';
import { takeEmail, type TakeEmailResult } from './takeEmail';

/** A site's libraries as their owner plans them: defaults, required metadata, stopped bulk runs. */
export interface LibraryPlanService {
  loadLibraries(options?: CallOptions): Promise<LibrariesSnapshot>;
  /** Saves a library's plan and sets its default retention label; answers the library as saved. */
  applyLibraryPlan(change: LibraryPlanChange, options?: CallOptions): Promise<LibrarySummary>;
  /** Adds the email columns a library lacks and maps it in a plan, so Outlook users can file email into it. */
  takeEmail(libraryId: string, options?: CallOptions): Promise<TakeEmailResult>;
}

export function createLibraryPlanService(scope: SiteScope): LibraryPlanService {
  return {
    loadLibraries: (options) => readLibraries(scope, options),
    applyLibraryPlan: (change, options) => applyLibraryPlan(scope, change, options),
    takeEmail: (libraryId, options) => takeEmail(scope, libraryId, options)
  };
}
