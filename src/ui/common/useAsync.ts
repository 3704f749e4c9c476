import * as React from 'react';

/** The three states of anything loaded: a view renders each one, never only the happy path. */
export type AsyncState<T> = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; data: T };

/**
 * Runs `load` when `deps` change and tracks its state; `reload` runs it again. A result that arrives after
 * the inputs changed (or after unmount) is dropped and its signal aborted, so an old answer never replaces a
 * newer one.
 */
export function useAsync<T>(load: (signal: AbortSignal) => Promise<T>, deps: React.DependencyList): [AsyncState<T>, () => void] {
  const [state, setState] = React.useState<AsyncState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = React.useState(0);
  const loadRef = React.useRef(load);
  loadRef.current = load;

  React.useEffect(() => {
    const controller = new AbortController();
    let current = true;
    setState({ status: 'loading' });
    loadRef.current(controller.signal).then(
      (data) => {
        if (current) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (current) setState({ status: 'error', error });
      }
    );
    return () => {
      current = false;
      controller.abort();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller's deps decide when to load again
  }, [...deps, attempt]);

  const reload = React.useCallback(() => setAttempt((n) => n + 1), []);
  return [state, reload];
}
