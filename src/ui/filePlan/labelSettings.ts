import type { FilePlanLabel } from '../../core/domain/filePlanLabel';
import type { RetentionTrigger } from '../../core/domain/retentionTrigger';
import { durationInWords, endActionInWords } from '../common/labelWords';

/** Purview's "Is record" column: No, Yes, Yes (regulatory). */
export const recordKinds = ['notRecord', 'record', 'regulatory'] as const;
export type RecordKind = (typeof recordKinds)[number];

export const recordKindText: Record<RecordKind, string> = {
  notRecord: 'No',
  record: 'Yes',
  regulatory: 'Yes (regulatory)'
};

export function recordKindOf(label: FilePlanLabel): RecordKind {
  switch (label.retention?.behavior) {
    case 'retainAsRecord':
      return 'record';
    case 'retainAsRegulatoryRecord':
      return 'regulatory';
    default:
      return 'notRecord';
  }
}

const basedOn: Record<RetentionTrigger, string> = {
  dateCreated: 'When created',
  dateModified: 'When last modified',
  dateLabeled: 'When labelled',
  dateOfEvent: 'Event'
};

/** Purview's "Based on" column. */
export function describeBasedOn(label: FilePlanLabel): string {
  const retention = label.retention;
  if (!retention) return 'None';
  return retention.trigger === 'dateOfEvent' && retention.eventTypeName ? `Event: ${retention.eventTypeName}` : basedOn[retention.trigger];
}

/** Purview's "Retention duration": "7 years", "30 days", "Forever", "None". */
export function describeDuration(label: FilePlanLabel): string {
  if (!label.retention) return 'None';
  const words = durationInWords(label.retention.duration);
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Purview's "Disposition type" with the relabel target. */
export function describeEndAction(label: FilePlanLabel): string {
  return endActionInWords(label.retention);
}

/** "Unlocked by default" for record labels that start unlocked; empty otherwise. */
export function describeLockDefault(label: FilePlanLabel): string {
  const retention = label.retention;
  if (!retention || recordKindOf(label) === 'notRecord') return '';
  return retention.defaultRecordBehavior === 'startUnlocked' ? 'Starts unlocked' : 'Starts locked';
}

export interface LabelFilter {
  /** Words that must all appear in the name, descriptions or descriptors. */
  query: string;
  /** Empty means any. */
  department: string;
  category: string;
  recordKind: RecordKind | '';
}

export const noFilter: LabelFilter = { query: '', department: '', category: '', recordKind: '' };

function haystack(label: FilePlanLabel): string {
  const d = label.descriptors;
  return [
    label.name,
    label.descriptionForUsers,
    label.descriptionForAdmins,
    d.referenceId,
    d.department,
    d.category,
    d.subCategory,
    d.authority,
    d.citation?.name,
    d.citation?.jurisdiction
  ]
    .filter((part): part is string => typeof part === 'string')
    .join(' ')
    .toLocaleLowerCase();
}

/**
 * The labels that pass the filter, in name order.
 *
 * @example filterLabels(labels, { ...noFilter, query: 'tax 10' }).map((l) => l.name) // ['Tax Returns - 10 Years']
 */
export function filterLabels<T extends { label: FilePlanLabel }>(entries: readonly T[], filter: LabelFilter): T[] {
  const words = filter.query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  return entries
    .filter(({ label }) => {
      if (filter.department && label.descriptors.department !== filter.department) return false;
      if (filter.category && label.descriptors.category !== filter.category) return false;
      if (filter.recordKind && recordKindOf(label) !== filter.recordKind) return false;
      const text = haystack(label);
      return words.every((word) => text.includes(word));
    })
    .sort((a, b) => a.label.name.localeCompare(b.label.name));
}

/** The distinct non-empty values of one descriptor, sorted, for a filter's options. */
export function descriptorValues(labels: readonly FilePlanLabel[], key: 'department' | 'category'): string[] {
  const values = new Set<string>();
  for (const label of labels) {
    const value = label.descriptors[key];
    if (value) values.add(value);
  }
  return [...values].sort((a, b) => a.localeCompare(b));
}
