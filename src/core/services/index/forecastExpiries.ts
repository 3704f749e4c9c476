import { parseUtcInstant, type InstantInput } from '../../domain/utcInstant';
import type { ItemRetention } from './itemRetention';

/** Items whose retention ends in one calendar month (UTC). */
export interface ForecastMonth {
  /** `YYYY-MM`. */
  month: string;
  total: number;
  /** By what happens at the end: a review (Custodian's queue), deletion, or nothing. */
  startDispositionReview: number;
  delete: number;
  none: number;
}

/**
 * Counts items reaching the end of retention per UTC calendar month, from the month of `now` for `months` months,
 * counting only ends still ahead of `now` (ended items are the queue's, not the forecast's).
 *
 * @example forecastExpiries(retentions, '2026-01-15T00:00:00Z')[0] // { month: '2026-01', total: 3, ... }
 */
export function forecastExpiries(retentions: Iterable<ItemRetention>, now: InstantInput, months = 12): ForecastMonth[] {
  const time = parseUtcInstant(now);
  if (time === undefined) throw new RangeError('The current time is not a valid date with a time zone.');
  const start = new Date(time);
  const out: ForecastMonth[] = [];
  for (let i = 0; i < months; i++) {
    const month = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + i, 1));
    out.push({ month: month.toISOString().slice(0, 7), total: 0, startDispositionReview: 0, delete: 0, none: 0 });
  }
  const end = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, 1);
  for (const retention of retentions) {
    if (!retention.ok || retention.kind !== 'date') continue;
    const at = Date.parse(retention.endsAt);
    if (at < time || at >= end) continue;
    const date = new Date(at);
    const bucket = out[(date.getUTCFullYear() - start.getUTCFullYear()) * 12 + date.getUTCMonth() - start.getUTCMonth()];
    bucket.total += 1;
    bucket[retention.action] += 1;
  }
  return out;
}
