import * as React from 'react';
import { ErrorCard } from './ErrorCard';
import { LoadingState } from './LoadingState';
import type { AsyncState } from './useAsync';

export interface AsyncViewProps<T> {
  state: AsyncState<T>;
  /** What is loading, as the user would say it: "Reading the document". */
  loadingLabel: string;
  /** Shown above the cause when the error has no "what" of its own. */
  errorWhat?: string;
  onRetry?: () => void;
  children: (data: T) => React.ReactNode;
}

/** Loading, error (with its cause and what to do) or the data: every data view goes through this. */
export function AsyncView<T>({ state, loadingLabel, errorWhat, onRetry, children }: AsyncViewProps<T>): React.ReactElement {
  switch (state.status) {
    case 'loading':
      return <LoadingState label={loadingLabel} />;
    case 'error':
      return <ErrorCard error={state.error} fallbackWhat={errorWhat} onRetry={onRetry} />;
    case 'ready':
      return <>{children(state.data)}</>;
  }
}
