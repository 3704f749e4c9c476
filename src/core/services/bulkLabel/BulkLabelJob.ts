import type { GraphGateway } from '../../graph/GraphGateway';
import type { SharePointSite } from '../../sharepoint/createSharePoint';
import type { CheckpointStore } from '../jobs/CheckpointStore';
import type { JobFailure } from '../jobs/JobCheckpoint';
import type { BulkReadBack } from './readBackBulkResult';

/** Library files labelled through Graph: `PATCH /drives/{d}/items/{i}/retentionLabel`, 20 to a `$batch`. */
export interface DriveItemsTarget {
  kind: 'driveItems';
  items: readonly { driveId: string; itemId: string; name?: string }[];
}

/**
 * List items labelled through SharePoint: `SetComplianceTagOnBulkItems`, 100 ids a call. Give the site the Graph
 * gateway's governor (`createSharePoint(url, { tokens, governor: graph.governor })`) so one pace governs both.
 */
export interface ListItemsTarget {
  kind: 'listItems';
  site: SharePointSite;
  /** Absolute URL of the list or library root folder. */
  listUrl: string;
  items: readonly { id: number; name?: string }[];
}

export interface BulkLabelJob {
  /** Names the job's checkpoint: the same id resumes where the last run stopped. */
  jobId: string;
  /** The retention label's display name. */
  label: string;
  target: DriveItemsTarget | ListItemsTarget;
}

export interface BulkLabelProgress {
  total: number;
  /** Items whose outcome is settled (labelled or failed), including those settled by earlier runs. */
  done: number;
  labelled: number;
  failed: number;
  /** Chunks running now, and how many may run at once (it follows throttling). */
  inFlight: number;
  concurrency: number;
  /** The rate governor's requests per second. */
  rate: number;
}

export interface BulkLabelRun {
  /** Its rate governor paces every request and feeds the concurrency. */
  graph: GraphGateway;
  checkpoints: CheckpointStore;
  /** The clock, for the checkpoint's dates and how often it is saved. */
  now: () => number;
  signal?: AbortSignal;
  onProgress?: (progress: BulkLabelProgress) => void;
  /** Chunks in flight at most (default 16). */
  maxConcurrency?: number;
  /** How often the checkpoint is saved while running (default every 2 s; always at the end). */
  checkpointIntervalMs?: number;
  /** Further tries for items that failed only because the service stayed busy (default 3). */
  transientPasses?: number;
}

export interface BulkLabelFailure extends JobFailure {
  name?: string;
}

/** Every item once: labelled, failed with its reason, or (when cancelled) not done yet. */
export interface BulkLabelReport {
  jobId: string;
  status: 'completed' | 'cancelled';
  total: number;
  labelled: string[];
  failed: BulkLabelFailure[];
  notDone: string[];
  /** True when the run started from a saved checkpoint. */
  resumed: boolean;
  /** List items: what was read back to tell which items carry the label, in this run (`readBackBulkResult`). */
  readBack?: BulkReadBack;
}
