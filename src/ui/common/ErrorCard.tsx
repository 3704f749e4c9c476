import * as React from 'react';
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens
} from '@fluentui/react-components';
import { errorText } from './errorText';

export interface ErrorCardProps {
  /** What was thrown or rejected: a `CustodianError` shows its own what, why and what to do. */
  error: unknown;
  /** Used when the error is not a `CustodianError` and so has no "what" of its own. */
  fallbackWhat?: string;
  /** Offers "Try again" when given. */
  onRetry?: () => void;
  retryLabel?: string;
}

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, overflowWrap: 'anywhere' },
  line: { margin: 0 }
});

/**
 * An error as the user should see it: what failed, why, and what they can do, as text (never HTML, never a
 * serialised object). Announced to screen readers as an alert.
 */
export function ErrorCard({ error, fallbackWhat, onRetry, retryLabel = 'Try again' }: ErrorCardProps): React.ReactElement {
  const styles = useStyles();
  const text = errorText(error, fallbackWhat);
  return (
    <MessageBar intent="error" layout="multiline" role="alert" data-testid="error-card">
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>{text.what}</MessageBarTitle>
        <p className={styles.line}>{text.why}</p>
        <p className={styles.line}>
          <strong>What you can do: </strong>
          {text.whatToDo}
        </p>
        {text.requestId ? <Caption1>Request id for support: {text.requestId}</Caption1> : null}
      </MessageBarBody>
      {onRetry ? (
        <MessageBarActions>
          <Button onClick={onRetry}>{retryLabel}</Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
