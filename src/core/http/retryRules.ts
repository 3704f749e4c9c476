import { backoffDelay, defaultBackoff, type BackoffPolicy } from './backoffDelay';

/** Methods a client may repeat without changing the outcome (RFC 9110 §9.2.2). */
export const idempotentMethods = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'] as const;

export function isIdempotentMethod(method: string): boolean {
  return (idempotentMethods as readonly string[]).includes(method.toUpperCase());
}

export interface RetryPolicy extends BackoffPolicy {
  /** Retries after the first attempt (so `maxRetries + 1` attempts at most). */
  maxRetries: number;
}

export const defaultRetryPolicy: RetryPolicy = { ...defaultBackoff, maxRetries: 6 };

/** What happened to one attempt. */
export type AttemptOutcome = { kind: 'response'; status: number; retryAfterMs?: number } | { kind: 'network' } | { kind: 'aborted' };

export interface RetryInput {
  outcome: AttemptOutcome;
  /** Retries already made for this request (0 after the first attempt). */
  retriesSoFar: number;
  /** GET/HEAD/OPTIONS/PUT/DELETE, or a request the operation declares safe to repeat (setting a label). */
  idempotent: boolean;
  /** False for a body that can be read once (a stream). */
  replayableBody: boolean;
}

export type RetryDecision = { retry: true; delayMs: number } | { retry: false; reason: RetryRefusal };

export type RetryRefusal = 'not-retryable' | 'aborted' | 'unreplayable-body' | 'not-idempotent' | 'exhausted';

/**
 * The one place that says whether a failed attempt is tried again, and when.
 * - 429, and 503 with Retry-After: the service refused before doing anything (Graph and SharePoint throttling),
 *   so any request may be repeated once the wait is over.
 * - 503 without Retry-After, 504, and a dropped connection: the request may have run, so only an idempotent one.
 * - Never an aborted request, never a body that cannot be read twice, never past `maxRetries`.
 * The wait is the server's Retry-After when given, else jittered exponential backoff; both capped at `maxDelayMs`.
 */
export function decideRetry(input: RetryInput, random: number, policy: RetryPolicy = defaultRetryPolicy): RetryDecision {
  const { outcome } = input;
  if (outcome.kind === 'aborted') return { retry: false, reason: 'aborted' };
  let serverSaysSafe = false;
  let retryAfterMs: number | undefined;
  if (outcome.kind === 'response') {
    const { status } = outcome;
    retryAfterMs = outcome.retryAfterMs;
    if (status === 429 || (status === 503 && retryAfterMs !== undefined)) serverSaysSafe = true;
    else if (status !== 503 && status !== 504) return { retry: false, reason: 'not-retryable' };
  }
  if (!serverSaysSafe && !input.idempotent) return { retry: false, reason: 'not-idempotent' };
  if (!input.replayableBody) return { retry: false, reason: 'unreplayable-body' };
  if (input.retriesSoFar >= policy.maxRetries) return { retry: false, reason: 'exhausted' };
  const computed = backoffDelay(input.retriesSoFar + 1, random, policy);
  const delayMs = Math.min(policy.maxDelayMs, retryAfterMs ?? computed);
  return { retry: true, delayMs };
}
