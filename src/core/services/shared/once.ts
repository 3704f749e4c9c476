/**
 * Remembers a promise; forgets it when it rejects, so the next call asks again (a look-up that failed on a dropped
 * connection is not failed for the rest of the session).
 */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    if (!pending) {
      pending = load();
      pending.catch(() => (pending = undefined));
    }
    return pending;
  };
}
