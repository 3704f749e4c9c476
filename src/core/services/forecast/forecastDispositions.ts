import type { DispositionWorkspace } from '../disposition/dispositionWorkspace';

export interface ForecastRequest {
  /** How many months, from the tenant's current month. */
  months: number;
  signal?: AbortSignal;
}

/** Items reaching the end of retention in one month, by what happens to them then. */
export interface DispositionForecastMonth {
  /** `YYYY-MM`. */
  month: string;
  total: number;
  review: number;
  delete: number;
  none: number;
}

/** Items reaching the end of retention per month, from the index (read once if this session has not yet). */
export async function forecastDispositions(workspace: DispositionWorkspace, request: ForecastRequest): Promise<DispositionForecastMonth[]> {
  const s = await workspace.ready();
  const now = await workspace.now();
  if (!s.index.facts()) await s.index.refresh({ now, signal: request.signal });
  return s.index
    .forecast(now, request.months)
    .map((m) => ({ month: m.month, total: m.total, review: m.startDispositionReview, delete: m.delete, none: m.none }));
}
