import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { RateGovernor } from '../../http/RateGovernor';
import { parseRateLimit } from '../../http/parseRateLimit';
import { throttleWaitMs } from '../../http/throttleWaitMs';
import type { Timing } from '../../http/Timing';
import { policyOf, urlOf } from './contextHelpers';

/**
 * After retry, so every attempt waits for permits: one per request, one per inner request of a `$batch`.
 * Reports each answer back, so the governor slows down on 429s and speeds up when they stop, and passes on
 * SharePoint's RateLimit headers (a `$batch`'s own included), so it slows down before the 429s come.
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
    if (!response) return;
    this.governor.noteQuota(originOf(urlOf(context)), parseRateLimit(response.headers));
    if (settings.feedback !== 'caller' || response.status >= 300) {
      this.governor.record(response.status, throttleWaitMs(response.status, response.headers, this.timing.now()), cost);
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}
