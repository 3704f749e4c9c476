import type { FilePlanLabel } from '../../core/domain/filePlanLabel';
import type { FilePlanCsvIssue, SkippedFilePlanCsvRule } from '../../core/domain/filePlanCsvRules';

/** A retention label as the site sees it. */
export interface SiteLabel {
  label: FilePlanLabel;
  /** Published to this site (SharePoint's GetAvailableTagsForSite); only those can be a library's default. */
  availableToSite: boolean;
}

export interface FilePlanSnapshot {
  labels: SiteLabel[];
  /** Labels Graph describes in a way Custodian cannot read faithfully, with why; shown, never guessed. */
  unreadable: { name: string; reasons: string[] }[];
}

/** An import file checked against Purview's rules and the tenant, before anything is created. */
export interface ImportCheck {
  fileName: string;
  /** Every error and warning with its spreadsheet row and column. */
  issues: FilePlanCsvIssue[];
  /** Tenant rules that could not run, with why. */
  skipped: SkippedFilePlanCsvRule[];
  /** The labels the file creates, in the order they would be created; empty while it has errors. */
  labels: { rowNumber: number; name: string; warnings: string[] }[];
  /** Descriptor templates (departments, categories, ...) Custodian creates first. */
  templatesToCreate: { kind: string; name: string }[];
  /** True when the whole file can be imported (Purview's import is all or nothing). */
  ok: boolean;
}

export type ImportOutcome =
  | { status: 'created'; created: string[] }
  | {
      status: 'notAllowed';
      /** Who can create labels, in the user's terms. */
      whoCan: string;
      /** What the user can do meanwhile (hand over the file, use Purview's own import). */
      whatToDo: string;
    }
  | {
      /** Some labels were created before Graph refused one: said exactly, never hidden. */
      status: 'partial';
      created: string[];
      failedLabel: string;
      error: unknown;
    };

export interface LabelOption {
  name: string;
  isRecord: boolean;
}

export interface SensitivityOption {
  id: string;
  name: string;
}

export interface ColumnOption {
  name: string;
  displayName: string;
}

/** A bulk labelling run that stopped before it finished (page closed, cancelled, or failed). */
export interface UnfinishedJob {
  label: string;
  total: number;
  /** Items settled (labelled or failed) before it stopped. */
  done: number;
  status: 'running' | 'cancelled';
  /** ISO 8601: when it last saved its progress. */
  updatedAt: string;
}

export interface LibrarySummary {
  /** The list's id (a GUID). */
  id: string;
  name: string;
  webUrl: string;
  defaultRetentionLabel: string | null;
  defaultSensitivityLabel: SensitivityOption | null;
  /** Internal names of the columns a person must fill in when declaring into it. */
  requiredColumns: string[];
  /** Columns that can be made required. */
  columns: ColumnOption[];
  unfinishedJob?: UnfinishedJob;
}

export interface LibrariesSnapshot {
  libraries: LibrarySummary[];
  /**
   * Why Custodian's own state on the records site (required metadata, stopped bulk runs) could
   * not be read; the libraries still show SharePoint's default labels.
   */
  recordsSiteError?: unknown;
  retentionLabels: LabelOption[];
  sensitivityLabels: SensitivityOption[];
}

export interface LibraryPlanChange {
  libraryId: string;
  /** The default retention label's name; null clears it. */
  retentionLabel: string | null;
  sensitivityLabelId: string | null;
  requiredColumns: string[];
}

export interface BulkProgress {
  total: number;
  /** Labelled or failed so far, counting what earlier runs did. */
  done: number;
  labelled: number;
  failed: number;
}

export interface BulkOutcome {
  status: 'completed' | 'cancelled';
  total: number;
  labelled: number;
  failed: { id: string; name?: string; reason: string }[];
  notDone: number;
  /** True when it carried on from a run that had stopped. */
  resumed: boolean;
}

export interface LibraryCoverage {
  libraryId: string;
  name: string;
  defaultRetentionLabel: string | null;
  /** Files (folders are not counted). */
  items: number;
  labelled: number;
  unlabelled: number;
  records: number;
  lockedRecords: number;
  /** Items whose label is not the library's default (unlabelled ones included); 0 when it has no default. */
  drift: number;
}

export interface CallOptions {
  signal?: AbortSignal;
}

/**
 * What the file plan app asks of Microsoft 365, for one site. The composition roots build it (the web part from
 * SPFx's context, the workbench on the dev tenant), so the app and its tests never see a gateway, a URL or fetch.
 * Every method rejects with a `CustodianError` (what, why, what to do) when the service refuses or cannot be reached.
 */
export interface FilePlanServices {
  /** The retention labels available to the site, with descriptors, settings and user descriptions. */
  loadFilePlan(options?: CallOptions): Promise<FilePlanSnapshot>;
  /** Every label of the file plan written as Purview's import CSV (what the template cannot hold is in `warnings`). */
  exportFilePlan(options?: CallOptions): Promise<{ text: string; warnings: string[] }>;
  /** Checks an import file (bytes as read from disk) against every rule and the tenant's labels and event types. */
  checkImport(fileName: string, bytes: Uint8Array, options?: CallOptions): Promise<ImportCheck>;
  /** Creates the labels of a checked file through Graph, in order; `notAllowed` when the account may not. */
  importLabels(check: ImportCheck, bytes: Uint8Array, onCreated?: (name: string) => void, options?: CallOptions): Promise<ImportOutcome>;
  loadLibraries(options?: CallOptions): Promise<LibrariesSnapshot>;
  /** Saves a library's plan and sets its default retention label; answers the library as saved. */
  applyLibraryPlan(change: LibraryPlanChange, options?: CallOptions): Promise<LibrarySummary>;
  /**
   * Labels the library's existing items with its default label (items with no label, or already carrying it;
   * items labelled otherwise keep their label). Resumes a run that stopped; cancelled through `signal`.
   */
  applyDefaultToExistingItems(libraryId: string, onProgress: (progress: BulkProgress) => void, options?: CallOptions): Promise<BulkOutcome>;
  loadCoverage(options?: CallOptions): Promise<LibraryCoverage[]>;
}
