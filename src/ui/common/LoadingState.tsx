import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { Busy } from './Busy';

export interface LoadingStateProps {
  /** What is being loaded, as the user would say it: "Reading the document". */
  label: string;
}

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, overflowWrap: 'anywhere' }
});

/** A spinner with its label, announced politely so screen readers hear what the pane waits for. */
export function LoadingState({ label }: LoadingStateProps): React.ReactElement {
  const styles = useStyles();
  return (
    <div role="status" aria-live="polite" className={styles.root}>
      <Busy />
      <span>{label}</span>
    </div>
  );
}
