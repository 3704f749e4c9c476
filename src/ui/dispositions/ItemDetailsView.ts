import type { DispositionItemDetails } from '../../core/services/disposition/readDispositionItem';
import { retentionInWords } from './retentionInWords';

/** An item as the item panel shows it: the core's details, with the retention in words. */
export type ItemDetailsView = Omit<DispositionItemDetails, 'retention' | 'now'> & {
  /** The retention as the domain decides it, in words: "Ended on 4 Jan 2026, then a disposition review". */
  retention: string;
};

export function itemDetailsView(details: DispositionItemDetails): ItemDetailsView {
  const { retention, now, ...rest } = details;
  return { ...rest, retention: retentionInWords(retention, now) };
}
