import type { QueueItem } from './DispositionQueue';

/** What one session of the disposition service remembers between calls. */
export interface QueueMemory {
  /** The queue as last loaded, by key: an item's details show its queue entry, a decision names the item. */
  items: Map<string, QueueItem>;
  /** The anchor label is checked once per session, after the index first read the file plan. */
  anchorChecked: boolean;
}

export const emptyQueueMemory = (): QueueMemory => ({ items: new Map(), anchorChecked: false });
