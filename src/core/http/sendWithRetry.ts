import { isAbortError } from './errorFromFailure';
import { throttleWaitMs } from './throttleWaitMs';
import { decideRetry, defaultRetryPolicy, type AttemptOutcome, type RetryPolicy } from './retryRules';
import { abortError, type Timing } from './Timing';

export interface RetryContext {
  /** Settled by the rules in `decideRetry`: a GET may be repeated after a dropped connection, a POST may not. */
  idempotent: boolean;
  replayableBody: boolean;
  signal?: AbortSignal;
  timing: Timing;
  policy?: RetryPolicy;
  /** Told before each wait, for progress reporting and tests. */
  onRetry?: (info: { retry: number; delayMs: number; outcome: AttemptOutcome }) => void;
}

async function discard(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // Nothing to free.
  }
}

/**
 * Runs `attempt` until it gives an answer worth keeping, following `decideRetry`. Returns the last response
 * (a 429 included, when retries ran out: the caller turns it into an error); rethrows what fetch threw when no
 * answer came and the rules forbid another try. Shared by the Graph middleware and the SharePoint behaviour.
 */
export async function sendWithRetry(attempt: () => Promise<Response>, ctx: RetryContext): Promise<Response> {
  const policy = ctx.policy ?? defaultRetryPolicy;
  for (let retries = 0; ; retries++) {
    if (ctx.signal?.aborted) throw abortError(ctx.signal);
    let response: Response | undefined;
    let failure: unknown;
    let outcome: AttemptOutcome;
    try {
      response = await attempt();
      outcome = {
        kind: 'response',
        status: response.status,
        retryAfterMs: throttleWaitMs(response.status, response.headers, ctx.timing.now())
      };
    } catch (e) {
      failure = e;
      outcome = isAbortError(e) || ctx.signal?.aborted ? { kind: 'aborted' } : { kind: 'network' };
    }
    if (response && response.status < 400) return response;
    const decision = decideRetry(
      { outcome, retriesSoFar: retries, idempotent: ctx.idempotent, replayableBody: ctx.replayableBody },
      ctx.timing.random(),
      policy
    );
    if (!decision.retry) {
      if (response) return response;
      throw failure;
    }
    if (response) await discard(response);
    ctx.onRetry?.({ retry: retries + 1, delayMs: decision.delayMs, outcome });
    await ctx.timing.sleep(decision.delayMs, ctx.signal);
  }
}
