import * as React from 'react';
import { Body1, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircleRegular, CircleRegular, DismissCircleRegular, SubtractCircleRegular } from '@fluentui/react-icons';
import { Busy } from '../common/Busy';
import { ErrorCard } from '../common/ErrorCard';
import type { StepProgress, StepState } from './model';

export interface StepListProps {
  steps: readonly StepProgress[];
  /** The list's accessible name: "Declaring the record". */
  label: string;
}

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  row: { display: 'grid', gridTemplateColumns: '20px minmax(0, 1fr)', columnGap: tokens.spacingHorizontalS, alignItems: 'start' },
  text: { display: 'flex', flexDirection: 'column', overflowWrap: 'anywhere', minWidth: 0 },
  done: { color: tokens.colorPaletteGreenForeground1 },
  failed: { color: tokens.colorPaletteRedForeground1 },
  muted: { color: tokens.colorNeutralForeground3 }
});

const stateText: Record<StepState, string> = {
  pending: 'Waiting',
  running: 'In progress',
  done: 'Done',
  failed: 'Failed',
  skipped: 'Skipped'
};

/** Each step of declaring or filing with its state, and a failed step's error with what to do. */
export function StepList({ steps, label }: StepListProps): React.ReactElement {
  const styles = useStyles();
  return (
    <ol className={styles.list} aria-label={label} data-testid="step-list">
      {steps.map((step) => (
        <li key={step.id} className={styles.row}>
          <span aria-hidden>
            {step.state === 'running' ? (
              <Busy size="small" />
            ) : step.state === 'done' ? (
              <CheckmarkCircleRegular className={styles.done} />
            ) : step.state === 'failed' ? (
              <DismissCircleRegular className={styles.failed} />
            ) : step.state === 'skipped' ? (
              <SubtractCircleRegular className={styles.muted} />
            ) : (
              <CircleRegular className={styles.muted} />
            )}
          </span>
          <span className={styles.text}>
            <Body1>
              {step.label}: {stateText[step.state]}
            </Body1>
            {step.detail ? <Caption1>{step.detail}</Caption1> : null}
            {step.state === 'failed' && step.error !== undefined ? <ErrorCard error={step.error} /> : null}
          </span>
        </li>
      ))}
    </ol>
  );
}
