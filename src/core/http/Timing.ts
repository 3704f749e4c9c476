/**
 * The clock, sleep and randomness the pipeline uses, injectable so tests are deterministic
 * (a test passes a fake whose `sleep` advances a virtual clock instead of waiting).
 */
export interface Timing {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`; rejects with an `AbortError` as soon as `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Uniform in [0, 1). */
  random(): number;
}

/** An `AbortError` as fetch raises it, so callers test one shape. */
export function abortError(signal?: AbortSignal): Error {
  const reason: unknown = signal?.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  const e = new Error('The operation was aborted.');
  e.name = 'AbortError';
  return e;
}

export const systemTiming: Timing = {
  now: () => Date.now(),
  random: () => Math.random(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortError(signal));
        return;
      }
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(abortError(signal));
      };
      const timer = setTimeout(
        () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        Math.max(0, ms)
      );
      signal?.addEventListener('abort', onAbort, { once: true });
    })
};
