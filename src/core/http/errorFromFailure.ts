import { CustodianError } from './CustodianError';
import { describeFailure } from './describeFailure';

/** True for the error fetch raises when its signal aborts (a DOMException in browsers, an Error in Node). */
export function isAbortError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'AbortError';
}

/**
 * Wraps what fetch throws when no answer came (an abort, a dropped connection, no network) as a
 * `CustodianError` with status 0. A `CustodianError` passes through unchanged.
 */
export function errorFromFailure(e: unknown, action?: string): CustodianError {
  if (e instanceof CustodianError) return e;
  const aborted = isAbortError(e);
  const code = aborted ? 'aborted' : 'networkError';
  const message = e instanceof Error ? e.message : String(e);
  return new CustodianError({
    status: 0,
    code,
    serviceMessage: message,
    source: aborted ? 'client' : 'network',
    cause: e,
    ...describeFailure({ status: 0, code, action })
  });
}
