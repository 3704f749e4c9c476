import { purviewLimits } from './purviewLimits';

export type RetentionPeriodInDaysResult = { ok: true; days: number } | { ok: false; reason: string };

/**
 * Converts a period as a person states it into the days Graph stores. Purview counts a month as
 * 30 days and a year as 365 days (Graph's own example stores "retain for 7 years" as 2555 days), and
 * accepts at most 36,525 days; anything longer has to be "forever".
 *
 * @example retentionPeriodInDays({ years: 7 }) // { ok: true, days: 2555 }
 * @example retentionPeriodInDays({ months: 6 }) // { ok: true, days: 180 }
 */
export function retentionPeriodInDays(period: { years?: number; months?: number; days?: number }): RetentionPeriodInDaysResult {
  const parts = [period.years ?? 0, period.months ?? 0, period.days ?? 0];
  if (parts.some((part) => !Number.isSafeInteger(part) || part < 0)) {
    return { ok: false, reason: 'Years, months and days must be whole numbers of zero or more.' };
  }
  const days = parts[0] * 365 + parts[1] * 30 + parts[2];
  if (days < 1) {
    return { ok: false, reason: 'A retention period must last at least one day.' };
  }
  if (days > purviewLimits.retentionDaysMax) {
    return {
      ok: false,
      reason: `A retention period can be at most ${purviewLimits.retentionDaysMax} days (100 years); choose "forever" for longer.`
    };
  }
  return { ok: true, days };
}
