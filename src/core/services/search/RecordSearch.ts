import type { FilePlanDescriptors } from '../../domain/filePlanLabel';

/** An information request: every condition given must hold (and); text compares as Microsoft Search does, ignoring case. */
export interface RecordSearch {
  /** Retention label names; an item with any of them matches. */
  labels?: readonly string[];
  /** File plan descriptors: the labels whose descriptors equal every one given (ignoring case). */
  descriptor?: Partial<Omit<FilePlanDescriptors, 'citation'>> & { citation?: string };
  /** `ComplianceAssetId`, exactly. */
  assetId?: string;
  /** Date ranges, inclusive, as ISO 8601 instants or dates. */
  created?: DateRange;
  modified?: DateRange;
  labelled?: DateRange;
  /** Matches the start of the title or the file name (Graph's list filters offer `startswith`, not `contains`). */
  text?: string;
}

export interface DateRange {
  from?: string;
  to?: string;
}

/** One result, flat, ready for a table or an export. */
export interface RecordSearchRow {
  key: string;
  siteId: string;
  listId: string;
  itemId: string;
  name: string;
  title: string;
  webUrl: string;
  labelName: string;
  department: string;
  category: string;
  referenceId: string;
  assetId: string;
  created: string;
  modified: string;
  labelledAt: string;
  isRecord: boolean;
}
