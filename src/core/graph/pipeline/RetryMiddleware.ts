import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { isReplayableBody } from '../../http/isReplayableBody';
import { isIdempotentMethod, type RetryPolicy } from '../../http/retryRules';
import { sendWithRetry } from '../../http/sendWithRetry';
import type { Timing } from '../../http/Timing';
import { methodOf, policyOf } from './contextHelpers';

/**
 * Repeats a request the rules in `decideRetry` allow: 429 and 503-with-Retry-After for any replayable request,
 * 503/504 and dropped connections for idempotent ones; waits Retry-After (seconds or date) or jittered
 * exponential backoff, capped; never an aborted request, never a stream body.
 */
export class RetryMiddleware implements Middleware {
  private next?: Middleware;

  constructor(
    private readonly timing: Timing,
    private readonly policy?: RetryPolicy
  ) {}

  async execute(context: Context): Promise<void> {
    const next = this.next;
    if (!next) throw new Error('RetryMiddleware must not be last in the chain.');
    const settings = policyOf(context);
    const method = methodOf(context);
    const signal = context.options?.signal ?? undefined;
    if (settings.retry === false) {
      await next.execute(context);
      return;
    }
    context.response = await sendWithRetry(
      async () => {
        context.response = undefined;
        await next.execute(context);
        if (!context.response) throw new Error('The middleware chain ended without a response.');
        return context.response;
      },
      {
        idempotent: settings.idempotent ?? isIdempotentMethod(method),
        replayableBody: isReplayableBody(context.options?.body),
        signal,
        timing: this.timing,
        policy: this.policy
      }
    );
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
