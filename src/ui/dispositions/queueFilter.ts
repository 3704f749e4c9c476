import type { QueueItem } from '../../core/services/disposition/DispositionQueue';

/** The queue's filters; an empty value means "any". */
export interface QueueFilter {
  label: string;
  siteId: string;
  /** A 1-based stage number as text, or ''. */
  stage: string;
  /** Retention ended on or after this date (`YYYY-MM-DD`, UTC). */
  endedFrom: string;
  /** Retention ended on or before this date (`YYYY-MM-DD`, UTC, the whole day). */
  endedTo: string;
  hold: '' | 'held' | 'notHeld';
  /** Words that must all appear in the name, title, label, location, asset id or business columns. */
  text: string;
}

export const emptyQueueFilter: QueueFilter = { label: '', siteId: '', stage: '', endedFrom: '', endedTo: '', hold: '', text: '' };

/** The queue prepared once per load, so each filter pass is a scan of plain strings and numbers. */
export interface PreparedQueue {
  items: readonly QueueItem[];
  /** Lower-case text searched by `text`, per item. */
  haystacks: readonly string[];
  /** Retention end as epoch milliseconds, per item. */
  endedAt: Float64Array;
}

export function prepareQueue(items: readonly QueueItem[]): PreparedQueue {
  const haystacks = items.map((item) =>
    [item.name, item.title ?? '', item.labelName, item.siteName, item.libraryName, item.assetId ?? '', ...Object.values(item.columns)]
      .join('\u0000')
      .toLowerCase()
  );
  const endedAt = new Float64Array(items.length);
  items.forEach((item, i) => (endedAt[i] = Date.parse(item.retentionEndedAt)));
  return { items, haystacks, endedAt };
}

const dayStart = (date: string): number => (/^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00Z`) : NaN);

/**
 * The positions (into `prepared.items`) of the items that pass every filter, in queue order.
 *
 * @example filterQueue(prepareQueue(items), { ...emptyQueueFilter, hold: 'held' }) // [3, 17]
 */
export function filterQueue(prepared: PreparedQueue, filter: QueueFilter): number[] {
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  const from = dayStart(filter.endedFrom);
  const to = dayStart(filter.endedTo) + 86_399_999;
  const stage = filter.stage === '' ? undefined : Number(filter.stage);
  const label = filter.label.toLowerCase();
  const out: number[] = [];
  const { items, haystacks, endedAt } = prepared;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (label && item.labelName.toLowerCase() !== label) continue;
    if (filter.siteId && item.siteId !== filter.siteId) continue;
    if (stage !== undefined && item.currentStage !== stage) continue;
    if (filter.hold === 'held' && item.holds.length === 0) continue;
    if (filter.hold === 'notHeld' && item.holds.length > 0) continue;
    if (!Number.isNaN(from) && !(endedAt[i] >= from)) continue;
    if (!Number.isNaN(to) && !(endedAt[i] <= to)) continue;
    if (words.length) {
      const hay = haystacks[i];
      let all = true;
      for (const word of words)
        if (!hay.includes(word)) {
          all = false;
          break;
        }
      if (!all) continue;
    }
    out.push(i);
  }
  return out;
}

/** The choices the filters offer for this queue: labels and sites present, and the largest stage count. */
export function queueFacets(items: readonly QueueItem[]): { labels: string[]; sites: { id: string; name: string }[]; maxStage: number } {
  const labels = new Set<string>();
  const sites = new Map<string, string>();
  let maxStage = 1;
  for (const item of items) {
    labels.add(item.labelName);
    sites.set(item.siteId, item.siteName);
    if (item.stages.length > maxStage) maxStage = item.stages.length;
  }
  return {
    labels: [...labels].sort((a, b) => a.localeCompare(b)),
    sites: [...sites].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
    maxStage
  };
}
