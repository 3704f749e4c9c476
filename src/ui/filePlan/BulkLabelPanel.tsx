import * as React from 'react';
import {
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Subtitle2,
  makeStyles,
  tokens
} from '@fluentui/react-components';
import { ErrorCard } from '../common/ErrorCard';
import type { ApplyDefaultPreview, BulkOutcome, BulkProgress, FilePlanServices, LibrarySummary } from './FilePlanServices';
import { LoadingState } from '../common/LoadingState';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium
  },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, maxHeight: '12em', overflowY: 'auto' }
});

type RunState =
  | { status: 'ready' }
  | { status: 'previewing' }
  | { status: 'confirm'; preview: ApplyDefaultPreview }
  | { status: 'previewError'; error: unknown }
  | { status: 'running'; progress?: BulkProgress; cancelling: boolean }
  | { status: 'finished'; outcome: BulkOutcome; progress?: BulkProgress }
  | { status: 'error'; error: unknown; progress?: BulkProgress };

export interface BulkLabelPanelProps {
  library: LibrarySummary;
  services: FilePlanServices;
  /** The person asked from the table: say what will change and ask before the first write; otherwise offer to resume the run that stopped. */
  autoStart: boolean;
  onFinished: () => void;
  onClose: () => void;
}

/** Percent done, floored so 100% means every item is settled. */
export function percentDone(progress: BulkProgress | undefined): number {
  if (!progress) return 0;
  if (progress.total === 0) return 100;
  return Math.floor((progress.done / progress.total) * 100);
}

/**
 * Applies a library's default label to its existing items, with a progress bar, cancel and resume. Progress is
 * saved on the records site as it goes, so a run stopped by closing the page is offered again (and carries on from
 * where it stopped) the next time the library is shown.
 */
export function BulkLabelPanel({ library, services, autoStart, onFinished, onClose }: BulkLabelPanelProps): React.ReactElement {
  const styles = useStyles();
  const label = library.defaultRetentionLabel ?? '';
  const [state, setState] = React.useState<RunState>({ status: 'ready' });
  const controller = React.useRef<AbortController | undefined>(undefined);
  const mounted = React.useRef(true);
  const titleId = `custodian-bulk-${library.id}`;

  React.useEffect(
    () => () => {
      mounted.current = false;
      controller.current?.abort();
    },
    []
  );

  const run = React.useCallback(async (): Promise<void> => {
    const abort = new AbortController();
    controller.current = abort;
    let last: BulkProgress | undefined;
    setState({ status: 'running', cancelling: false });
    try {
      const outcome = await services.applyDefaultToExistingItems(
        { libraryId: library.id },
        {
          signal: abort.signal,
          onProgress: (progress) => {
            last = progress;
            if (mounted.current) setState((s) => (s.status === 'running' ? { ...s, progress } : s));
          }
        }
      );
      if (!mounted.current) return;
      setState({ status: 'finished', outcome, progress: last });
      onFinished();
    } catch (error) {
      if (mounted.current) setState({ status: 'error', error, progress: last });
    }
  }, [library.id, services, onFinished]);

  const preview = React.useCallback(async (): Promise<void> => {
    setState({ status: 'previewing' });
    try {
      const found = await services.previewApplyDefault({ libraryId: library.id });
      if (mounted.current) setState({ status: 'confirm', preview: found });
    } catch (error) {
      if (mounted.current) setState({ status: 'previewError', error });
    }
  }, [library.id, services]);

  const started = React.useRef(false);
  const section = React.useRef<HTMLElement>(null);
  React.useEffect(() => {
    if (autoStart && !started.current) {
      started.current = true;
      // The person asked from the table: take them to what will happen, which they confirm before anything is written.
      section.current?.focus();
      void preview();
    }
  }, [autoStart, preview]);

  const progress = state.status === 'running' || state.status === 'finished' || state.status === 'error' ? state.progress : undefined;
  const percent = percentDone(progress);
  const unfinished = library.unfinishedJob;

  return (
    <section ref={section} tabIndex={-1} className={styles.root} aria-labelledby={titleId} data-testid="bulk-panel">
      <Subtitle2 as="h4" id={titleId}>
        Apply &apos;{label}&apos; to the existing items of {library.name}
      </Subtitle2>
      {state.status === 'ready' && unfinished ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Labelling stopped before it finished</MessageBarTitle>
            <span>
              {unfinished.done} of {unfinished.total} items were done with &apos;{unfinished.label}&apos;. Resume to carry on from there.
            </span>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {state.status === 'previewing' ? <LoadingState label={`Counting the items of ${library.name}`} /> : null}
      {state.status === 'previewError' ? (
        <>
          <ErrorCard error={state.error} fallbackWhat={`Custodian couldn't count the items of ${library.name}.`} />
          <div className={styles.actions}>
            <Button appearance="primary" onClick={() => void preview()}>
              Try again
            </Button>
            <Button onClick={onClose}>Close</Button>
          </div>
        </>
      ) : null}
      {state.status === 'confirm' ? <ImpactView preview={state.preview} onConfirm={() => void run()} onCancel={onClose} /> : null}
      {state.status === 'running' || state.status === 'finished' || state.status === 'error' ? (
        <Field
          label={`Labelling progress in ${library.name}`}
          validationState="none"
          hint={
            progress
              ? `${progress.done} of ${progress.total} items (${percent}%): ${progress.labelled} labelled, ${progress.failed} failed${
                  progress.alreadyCarried ? `; ${progress.alreadyCarried} of them already carried the label` : ''
                }`
              : 'Finding the items to label…'
          }
        >
          <ProgressBar value={progress ? percent : undefined} max={100} thickness="large" aria-valuetext={`${percent}%`} />
        </Field>
      ) : null}
      {state.status === 'running' ? (
        <div className={styles.actions}>
          <Button
            disabledFocusable={state.cancelling}
            onClick={() => {
              setState({ ...state, cancelling: true });
              controller.current?.abort();
            }}
          >
            {state.cancelling ? 'Cancelling…' : 'Cancel'}
          </Button>
        </div>
      ) : null}
      {state.status === 'finished' ? <OutcomeView outcome={state.outcome} /> : null}
      {state.status === 'error' ? (
        <ErrorCard error={state.error} fallbackWhat={`Custodian couldn't label the items of ${library.name}.`} />
      ) : null}
      {state.status === 'ready' || state.status === 'finished' || state.status === 'error' ? (
        <div className={styles.actions}>
          {state.status === 'ready' ? (
            <Button appearance="primary" onClick={() => void run()}>
              {unfinished ? 'Resume' : 'Start'}
            </Button>
          ) : null}
          {(state.status === 'finished' && state.outcome.status === 'cancelled') || state.status === 'error' ? (
            <Button appearance="primary" onClick={() => void run()}>
              Resume
            </Button>
          ) : null}
          <Button onClick={onClose}>Close</Button>
        </div>
      ) : null}
    </section>
  );
}

function OutcomeView({ outcome }: { outcome: BulkOutcome }): React.ReactElement {
  const styles = useStyles();
  const done = outcome.labelled + outcome.alreadyCarried + outcome.failed.length;
  const carried = outcome.alreadyCarried ? ` ${outcome.alreadyCarried} already carried it and are unchanged.` : '';
  return (
    <MessageBar
      intent={outcome.status === 'cancelled' ? 'info' : outcome.failed.length ? 'warning' : 'success'}
      layout="multiline"
      role="status"
    >
      <MessageBarBody>
        <MessageBarTitle>
          {outcome.status === 'cancelled'
            ? `Cancelled: ${done} of ${outcome.total} items done, ${outcome.notDone} left.`
            : `Done: ${outcome.labelled} item${outcome.labelled === 1 ? '' : 's'} labelled${outcome.failed.length ? `, ${outcome.failed.length} failed` : ''}.${carried}`}
        </MessageBarTitle>
        {outcome.resumed ? <Caption1>Carried on from where the last run stopped.</Caption1> : null}
        {outcome.checked ? <Caption1>{checkedInWords(outcome.checked)}</Caption1> : null}
        {outcome.status === 'cancelled' ? <Caption1>Resume to label the rest; what was done stays done.</Caption1> : null}
        {outcome.failed.length ? (
          <ul className={styles.list} aria-label="Items that were not labelled">
            {outcome.failed.map((f) => (
              <li key={f.id}>
                {f.name ?? `Item ${f.id}`}: {f.reason}
              </li>
            ))}
          </ul>
        ) : null}
      </MessageBarBody>
    </MessageBar>
  );
}

/** "Checked by reading 4 items back from SharePoint; the other 96 were judged by them." */
function checkedInWords({ read, inferred, unverified }: NonNullable<BulkOutcome['checked']>): string {
  const items = (n: number): string => `${n} item${n === 1 ? '' : 's'}`;
  return [
    `Checked by reading ${items(read)} back from SharePoint`,
    inferred ? `; the other ${items(inferred)} of the same answers were judged by them` : '',
    unverified ? `; ${items(unverified)} could not be read back, so SharePoint's answer was taken for them` : '',
    '.'
  ].join('');
}

const dueActionInWords: Record<ApplyDefaultPreview['dueAtOnce']['action'], string> = {
  delete: 'they are deleted',
  startDispositionReview: 'they go to disposition review',
  none: 'their retention ends (nothing is deleted)',
  unknown: "what happens depends on the label's settings, which Custodian couldn't read"
};

/** What labelling the library will change, and the confirmation asked before the first write. */
function ImpactView({
  preview,
  onConfirm,
  onCancel
}: {
  preview: ApplyDefaultPreview;
  onConfirm: () => void;
  onCancel: () => void;
}): React.ReactElement {
  const styles = useStyles();
  const items = (n: number): string => `${n} item${n === 1 ? '' : 's'}`;
  const { dueAtOnce } = preview;
  return (
    <>
      <MessageBar intent={dueAtOnce.count > 0 ? 'warning' : 'info'} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>
            {preview.toLabel > 0
              ? `Label ${items(preview.toLabel)} in ${preview.libraryName} with '${preview.label}'?`
              : `No item of ${preview.libraryName} is without a label: there is nothing to label.`}
          </MessageBarTitle>
          <p>
            {items(preview.alreadyLabelled)} already carry &apos;{preview.label}&apos;; {items(preview.keepOwnLabel)} keep their own label.
          </p>
          {preview.toLabel > 0 ? (
            dueAtOnce.count > 0 ? (
              <>
                <p>
                  {dueAtOnce.count} of them {dueAtOnce.count === 1 ? 'is' : 'are'} already past the label&apos;s retention period: once
                  labelled, {dueActionInWords[dueAtOnce.action]} at once (SharePoint acts within 7 days).
                </p>
                <ul className={styles.list} aria-label="Past their retention period, for example">
                  {dueAtOnce.names.map((name) => (
                    <li key={name}>{name}</li>
                  ))}
                </ul>
              </>
            ) : (
              <p>None of them is past the label&apos;s retention period yet.</p>
            )
          ) : null}
        </MessageBarBody>
      </MessageBar>
      <div className={styles.actions}>
        {preview.toLabel > 0 ? (
          <Button appearance="primary" onClick={onConfirm}>
            Label {items(preview.toLabel)}
          </Button>
        ) : null}
        <Button onClick={onCancel}>{preview.toLabel > 0 ? 'Cancel' : 'Close'}</Button>
      </div>
    </>
  );
}
