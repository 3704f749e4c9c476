import * as React from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStaticStyles, makeStyles, tokens } from '@fluentui/react-components';
import { isRecordBehavior } from '../../core/domain/behaviorDuringRetentionPeriod';
import type { FilePlanLabel } from '../../core/domain/filePlanLabel';
import { checkRecordAction, type RecordState, type RecordsTenantSettings } from '../../core/domain/recordRestrictions';
import type { RetentionEndResult } from '../../core/domain/retentionEnd';
import { Busy } from '../common/Busy';
import { ErrorCard } from '../common/ErrorCard';
import type { DeclareRequest } from '../../core/services/declare/DeclareRequest';
import { draftOf, validateFields, type FieldSpec, type FieldValues } from './fields';
import { describeRetentionEnd } from './formatting';
import { JustificationDialog } from './JustificationDialog';
import { LabelPicker } from './LabelPicker';
import { MetadataForm } from './MetadataForm';
import { isSensitivityDowngrade, type SensitivityOption, type StepProgress } from './model';
import { RestrictionsNotice } from './RestrictionsNotice';
import { startsLocked } from './restrictions';
import { SensitivityPicker } from './SensitivityPicker';
import { StepList } from './StepList';
import { actionWords } from './actionWords';
import { RecordActions } from './RecordActions';
import { recentLabelNames, rememberLabelName } from './recentLabels';

export type { DeclareRequest } from '../../core/services/declare/DeclareRequest';

/** What a request changes, as the form knows it before sending: the label, and the lock beyond the label's default. */
export interface PlannedChange {
  label: boolean;
  lock?: 'lock' | 'unlock';
}

/** What the pane says once it is done. */
export interface DeclareResultView {
  /** One sentence: "Declared 'Plan.docx' a record with the label 'Contracts - 7 Years'." */
  summary: string;
  retentionEnd?: RetentionEndResult;
  /** Steps as they ended. */
  steps: StepProgress[];
  /** Where the result is (the filed copy): shown as a link after the summary. */
  link?: { text: string; href: string };
}

export interface DeclareFormProps {
  noun?: 'document' | 'email';
  labels: readonly FilePlanLabel[];
  /** The label preselected (the item's, or the library plan's default). */
  initialLabelName?: string;
  currentLabelName?: string;
  /** The item's record state now: a refused relabel is explained before any request. */
  currentState: RecordState;
  settings?: RecordsTenantSettings;
  actor?: { isContainerAdmin: boolean };
  /** The classification control; absent where the host cannot set one. */
  sensitivity?: { options: readonly SensitivityOption[]; currentId?: string };
  specs: readonly FieldSpec[];
  initialValues?: FieldValues;
  /** Where the columns come from: "the Contracts library". */
  columnsSource?: string;
  /** False where the service cannot lock (filing email): the lock choice is not offered. Default true. */
  lockable?: boolean;
  /** Options of the host's own, shown above the button (filing attachments too); given whether the form is busy. */
  extraOptions?: (busy: boolean) => React.ReactNode;
  /** The steps before anything runs, each pending, given what changes. */
  plannedSteps: (request: DeclareRequest, change: PlannedChange) => StepProgress[];
  /** Runs the declaration, reporting each step; rejects only for a failure before any step ran. */
  onSubmit: (request: DeclareRequest, onProgress: (steps: StepProgress[]) => void) => Promise<DeclareResultView>;
}

// A field reached with Tab scrolls into view above the button bar, not under it (WCAG 2.4.11, focus not obscured).
const useScrollClearOfActions = makeStaticStyles({ html: { scrollPaddingBottom: '120px' } });

const useStyles = makeStyles({
  // Room at the end for the button bar fixed over it (below).
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL, minWidth: 0, paddingBottom: '64px' },
  // The button bar is fixed to the pane's foot, so the button is in sight however long the page (the item's card, a
  // file plan, a library's columns): at 320 px it was about 1,640 px down. Sticky would not do: it cannot leave the
  // form, which starts below the fold. The form keeps room for the bar at its end, and the page keeps the focused field
  // clear of it (scroll-padding above).
  actions: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    alignItems: 'stretch',
    position: 'fixed',
    left: 0,
    right: 0,
    bottom: 0,
    zIndex: 1,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`
  },
  // A native checkbox: Fluent's adds 9 KB to a pane with a 250 KB budget, and the platform's is keyboard-ready.
  lock: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'flex-start', cursor: 'pointer' },
  lockBox: { width: '16px', height: '16px', marginTop: '2px', flexShrink: 0, accentColor: tokens.colorBrandBackground }
});

type Phase =
  | { kind: 'editing' }
  | { kind: 'running'; steps: StepProgress[] }
  | { kind: 'done'; result: DeclareResultView }
  | { kind: 'failed'; error: unknown; steps: StepProgress[] };

/**
 * The declare (or file) form: classification, retention label with what it will block, the lock, the
 * library's metadata, and the button with a progress state per step and the result. Everything is checked
 * before anything is sent: a refused relabel, a missing required field or an unexplained downgrade stops here.
 */
export function DeclareForm(props: DeclareFormProps): React.ReactElement {
  const { noun = 'document', labels, currentState, settings, actor, sensitivity, specs, lockable = true } = props;
  const styles = useStyles();
  useScrollClearOfActions();
  const [labelName, setLabelName] = React.useState<string | undefined>(
    props.initialLabelName && labels.some((l) => l.name === props.initialLabelName) ? props.initialLabelName : undefined
  );
  const chosen = labels.find((l) => l.name === labelName);
  const [lockChoice, setLockChoice] = React.useState<boolean | undefined>(undefined);
  const isRecordNow = currentState.behavior === 'retainAsRecord' || currentState.behavior === 'retainAsRegulatoryRecord';
  // Keeping its label, a record keeps its lock state: Lock and Unlock are actions of their own (RecordActions).
  const keepsLabel = chosen !== undefined && props.currentLabelName?.toLowerCase() === chosen.name.toLowerCase();
  const lock = chosen
    ? chosen.retention?.behavior === 'retainAsRegulatoryRecord'
      ? true
      : keepsLabel && isRecordNow
        ? currentState.isLocked
        : (lockChoice ?? startsLocked(chosen))
    : false;
  const [sensitivityId, setSensitivityId] = React.useState(sensitivity?.currentId ?? '');
  const [drafts, setDrafts] = React.useState<Record<string, string>>(() =>
    Object.fromEntries(specs.map((spec) => [spec.name, draftOf(spec, props.initialValues?.[spec.name])]))
  );
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  // The library's default first, then the labels this person applied last (read once, when the form opens).
  const [suggestedNames] = React.useState(() => [...(props.initialLabelName ? [props.initialLabelName] : []), ...recentLabelNames()]);
  const [pending, setPending] = React.useState<{ request: DeclareRequest; change: PlannedChange } | undefined>(undefined);
  const [phase, setPhase] = React.useState<Phase>({ kind: 'editing' });
  const mounted = React.useRef(true);
  React.useEffect(
    () => () => {
      mounted.current = false;
    },
    []
  );

  const relabelling = currentState.behavior !== null && labelName !== undefined && labelName !== props.currentLabelName;
  const refusal = relabelling ? checkRecordAction('relabel', currentState, settings, actor) : { allowed: true as const };
  const regulatoryNow = currentState.behavior === 'retainAsRegulatoryRecord';
  const busy = phase.kind === 'running';
  const isRecordLabel = chosen?.retention ? isRecordBehavior(chosen.retention.behavior) : false;

  const words = actionWords(noun, chosen, props.currentLabelName);

  const run = (request: DeclareRequest, change: PlannedChange): void => {
    const planned = props.plannedSteps(request, change);
    setPhase({ kind: 'running', steps: planned });
    let latest = planned;
    props
      .onSubmit(request, (steps) => {
        latest = steps;
        if (mounted.current) setPhase({ kind: 'running', steps });
      })
      .then(
        (result) => {
          if (!result.steps.some((s) => s.state === 'failed')) rememberLabelName(request.retentionLabel);
          if (mounted.current) setPhase({ kind: 'done', result });
        },
        (error: unknown) => {
          if (mounted.current) setPhase({ kind: 'failed', error, steps: latest });
        }
      );
  };

  const submit = (): void => {
    if (!chosen) {
      setErrors({ ...errors, '#label': 'Choose a retention label.' });
      return;
    }
    if (!refusal.allowed) return;
    const check = validateFields(specs, drafts);
    if (!check.ok) {
      setErrors(check.errors);
      const first = specs.find((s) => check.errors[s.name]);
      if (first) document.getElementsByName(first.name)[0]?.focus();
      return;
    }
    setErrors({});
    const current = sensitivity?.options.find((o) => o.id === sensitivity.currentId);
    const next = sensitivity?.options.find((o) => o.id === sensitivityId);
    const changed = sensitivity !== undefined && sensitivityId !== (sensitivity.currentId ?? '');
    const request: DeclareRequest = {
      retentionLabel: chosen.name,
      fields: check.values,
      lock: lockable && isRecordLabel && lock,
      ...(changed ? { sensitivityLabelId: sensitivityId } : {})
    };
    const defaultLock = keepsLabel ? currentState.isLocked : startsLocked(chosen);
    const change: PlannedChange = {
      label: !keepsLabel,
      ...(request.lock !== defaultLock && isRecordLabel ? { lock: request.lock ? 'lock' : 'unlock' } : {})
    };
    if (changed && isSensitivityDowngrade(current, next ?? null)) setPending({ request, change });
    else run(request, change);
  };

  const lockOrUnlock = (wanted: boolean): void => {
    if (!props.currentLabelName) return;
    run({ retentionLabel: props.currentLabelName, fields: {}, lock: wanted }, { label: false, lock: wanted ? 'lock' : 'unlock' });
  };

  const downgradeFrom = sensitivity?.options.find((o) => o.id === sensitivity.currentId);
  const downgradeTo = sensitivity?.options.find((o) => o.id === sensitivityId);

  return (
    <div className={styles.root}>
      {regulatoryNow ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>This {noun} is a regulatory record.</MessageBarTitle>{' '}
            {checkRecordAction('relabel', currentState, settings, actor).allowed
              ? null
              : 'A regulatory record cannot be relabelled, not even by an administrator. Custodian will not send a change Microsoft 365 would refuse.'}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {lockable && isRecordNow && props.currentLabelName ? (
        <RecordActions state={currentState} settings={settings} actor={actor} noun={noun} disabled={busy} onLock={lockOrUnlock} />
      ) : null}
      {sensitivity ? (
        <SensitivityPicker
          options={sensitivity.options}
          value={sensitivityId}
          currentId={sensitivity.currentId}
          onChange={setSensitivityId}
          disabled={busy}
        />
      ) : null}
      <LabelPicker
        labels={labels}
        value={labelName}
        currentLabelName={props.currentLabelName}
        suggestedNames={suggestedNames}
        disabled={busy}
        onChange={(name) => {
          setLabelName(name);
          setLockChoice(undefined);
          const { ['#label']: _removed, ...rest } = errors;
          setErrors(rest);
        }}
      />
      {errors['#label'] ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{errors['#label']}</MessageBarBody>
        </MessageBar>
      ) : null}
      {!refusal.allowed ? (
        <MessageBar intent="error" layout="multiline" role="alert" data-testid="relabel-refusal">
          <MessageBarBody>
            <MessageBarTitle>This label cannot be applied.</MessageBarTitle>
            {refusal.reason} Nothing was sent.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {chosen && refusal.allowed ? <RestrictionsNotice label={chosen} lock={lock} settings={settings} actor={actor} noun={noun} /> : null}
      {lockable &&
      chosen &&
      refusal.allowed &&
      isRecordLabel &&
      !(keepsLabel && isRecordNow) &&
      chosen.retention?.behavior !== 'retainAsRegulatoryRecord' ? (
        <label className={styles.lock}>
          <input
            type="checkbox"
            className={styles.lockBox}
            checked={lock}
            disabled={busy}
            onChange={(e) => setLockChoice(e.target.checked)}
          />
          <span>Lock the record now (a locked record&apos;s content cannot be edited)</span>
        </label>
      ) : null}
      <MetadataForm
        specs={specs}
        drafts={drafts}
        errors={errors}
        disabled={busy}
        source={props.columnsSource}
        onChange={(name, text) => {
          setDrafts((d) => ({ ...d, [name]: text }));
          if (errors[name]) {
            const { [name]: _removed, ...rest } = errors;
            setErrors(rest);
          }
        }}
      />
      {props.extraOptions ? props.extraOptions(busy) : null}
      <div className={styles.actions}>
        {Object.keys(errors).some((k) => k !== '#label') ? (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              Fill in {Object.keys(errors).filter((k) => k !== '#label').length === 1 ? 'the field' : 'the fields'} marked above first:{' '}
              {specs
                .filter((s) => errors[s.name])
                .map((s) => s.displayName)
                .join(', ')}
              .
            </MessageBarBody>
          </MessageBar>
        ) : null}
        <Button
          appearance="primary"
          data-testid="declare-action"
          disabledFocusable={busy || !refusal.allowed}
          icon={busy ? <Busy size="small" /> : undefined}
          onClick={submit}
        >
          {busy ? words.busy : words.action}
        </Button>
      </div>
      {phase.kind === 'running' ? <StepList steps={phase.steps} label="Progress" /> : null}
      {phase.kind === 'failed' ? (
        <>
          <StepList steps={phase.steps} label="Progress" />
          <ErrorCard error={phase.error} />
        </>
      ) : null}
      {phase.kind === 'done' ? (
        <>
          <StepList steps={phase.result.steps} label="Progress" />
          <MessageBar
            intent={phase.result.steps.some((s) => s.state === 'failed') ? 'warning' : 'success'}
            layout="multiline"
            role="status"
            data-testid="declare-result"
          >
            <MessageBarBody>
              <MessageBarTitle>{phase.result.summary}</MessageBarTitle>
              {phase.result.retentionEnd ? ` Retention ends: ${describeRetentionEnd(phase.result.retentionEnd)}` : null}
              {phase.result.link ? (
                <>
                  {' '}
                  <a href={phase.result.link.href} target="_blank" rel="noreferrer">
                    {phase.result.link.text}
                  </a>
                </>
              ) : null}
            </MessageBarBody>
          </MessageBar>
        </>
      ) : null}
      {pending !== undefined ? (
        // Mounted only while asked: a closed Fluent dialog still plants focus traps in the page.
        <JustificationDialog
          open
          fromName={downgradeFrom?.name ?? 'the current label'}
          toName={downgradeTo?.name}
          onCancel={() => setPending(undefined)}
          onConfirm={(justification) => {
            setPending(undefined);
            run({ ...pending.request, justification }, pending.change);
          }}
        />
      ) : null}
    </div>
  );
}
