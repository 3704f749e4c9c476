import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { RateGovernor } from '../../http/RateGovernor';
import { parseRetryAfter } from '../../http/parseRetryAfter';
import type { Timing } from '../../http/Timing';
import { policyOf } from './contextHelpers';

/**
 * After retry, so every attempt waits for permits: one per request, one per inner request of a `$batch`.
 * Reports each answer back, so the governor slows down on 429s and speeds up when they stop.
 */
export class GovernorMiddleware implements Middleware {
  private next?: Middleware;

  constructor(
    private readonly governor: RateGovernor,
    private readonly timing: Timing
  ) {}

  async execute(context: Context): Promise<void> {
    const next = this.next;
    if (!next) throw new Error('GovernorMiddleware must not be last in the chain.');
    const settings = policyOf(context);
    const cost = settings.cost ?? 1;
    await this.governor.acquire(cost, context.options?.signal ?? undefined);
    await next.execute(context);
    const response = context.response;
    if (response && (settings.feedback !== 'caller' || response.status >= 300)) {
      this.governor.record(response.status, parseRetryAfter(response.headers.get('retry-after'), this.timing.now()), cost);
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
