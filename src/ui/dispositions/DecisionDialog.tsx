import * as React from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  Textarea,
  makeStyles,
  tokens
} from '@fluentui/react-components';
import { errorText } from '../common';
import { inWords, isoDay, outcomeWords, plural } from './formatting';
import { approvalImpact, type ApprovalImpact } from './approvalImpact';
import type { LabelOption, QueueItem } from '../../core/services/disposition/DispositionQueue';
import type { ReviewDecision } from '../../core/services/disposition/createDispositionReview';
import type { DecisionOutcome } from '../../core/services/disposition/decideDispositions';
import type { DispositionsServices } from './DispositionsServices';

export type DecisionKind = ReviewDecision['kind'];

export interface DecisionDialogProps {
  kind: DecisionKind;
  items: QueueItem[];
  labels: LabelOption[];
  /** The tenant's current time: an extension must end after it. */
  now: string;
  services: DispositionsServices;
  /** `changed` when at least one decision was recorded. */
  onClose(changed: boolean): void;
  /** False once closed: the dialog stays mounted while Fluent closes it, so it can undo its modal and give focus back. */
  open?: boolean;
}

const titles: Record<DecisionKind, string> = {
  approve: 'Approve disposal',
  relabel: 'Relabel',
  extend: 'Extend retention',
  addReviewer: 'Add a reviewer'
};

const submitLabels: Record<DecisionKind, string> = {
  approve: 'Approve',
  relabel: 'Relabel',
  extend: 'Extend',
  addReviewer: 'Add reviewer'
};

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  // The lists that scroll take focus (tabIndex 0), so that the keyboard can scroll them (WCAG 2.1.1).
  results: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: '240px', overflowY: 'auto', overflowWrap: 'anywhere' },
  impact: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, margin: 0, paddingLeft: tokens.spacingHorizontalL },
  // However many are held, the list scrolls inside the dialog instead of pushing its buttons off screen.
  heldList: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: '160px', overflowY: 'auto', overflowWrap: 'anywhere' },
  failed: { color: tokens.colorPaletteRedForeground1 }
});

/**
 * One decision on one item or a selection, with its required justification: approve (the next stage, or disposal
 * at the last), relabel, extend until a date, or add a reviewer. Each item's result is shown as it comes back; a
 * refusal (on hold, not a reviewer of this stage) says why, in the domain's words.
 */
export function DecisionDialog(props: DecisionDialogProps): React.ReactElement {
  const { kind, items, services } = props;
  const styles = useStyles();
  const [justification, setJustification] = React.useState('');
  const [labelName, setLabelName] = React.useState('');
  const [until, setUntil] = React.useState('');
  const [reviewer, setReviewer] = React.useState('');
  const [tried, setTried] = React.useState(false);
  const [running, setRunning] = React.useState(false);
  const [results, setResults] = React.useState<DecisionOutcome[] | undefined>();
  const [failure, setFailure] = React.useState<unknown>();

  const impact = kind === 'approve' ? approvalImpact(items, props.labels) : undefined;
  const today = isoDay(props.now);
  const problems = {
    justification: justification.trim() === '' ? 'Write why you decide this; it is kept with the decision as proof.' : undefined,
    labelName: kind === 'relabel' && labelName === '' ? 'Choose the new label.' : undefined,
    until: kind === 'extend' && (until === '' || until <= today) ? `Choose a date after ${today}.` : undefined,
    reviewer:
      kind === 'addReviewer' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(reviewer.trim()) ? 'Enter the reviewer’s email address.' : undefined
  };
  const invalid = Object.values(problems).some(Boolean);
  const changed = results?.some((r) => r.ok) ?? false;

  const submit = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault();
    setTried(true);
    if (invalid || running) return;
    const text = justification.trim();
    const decision: ReviewDecision =
      kind === 'approve'
        ? { kind, justification: text }
        : kind === 'relabel'
          ? { kind, justification: text, labelName }
          : kind === 'extend'
            ? { kind, justification: text, until: `${until}T00:00:00Z` }
            : { kind, justification: text, reviewer: reviewer.trim() };
    setRunning(true);
    setFailure(undefined);
    const collected: DecisionOutcome[] = [];
    try {
      await services.decide(
        items.map((i) => i.key),
        decision,
        (result) => {
          collected.push(result);
          setResults([...collected]);
        }
      );
    } catch (e) {
      setFailure(e);
    } finally {
      setRunning(false);
    }
  };

  const done = results !== undefined && !running;
  const title = `${titles[kind]}: ${items.length === 1 ? items[0].name : plural(items.length, 'item')}`;

  return (
    <Dialog open={props.open ?? true} modalType="modal" onOpenChange={(_, data) => !data.open && !running && props.onClose(changed)}>
      <DialogSurface aria-describedby={undefined}>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.content}>
              {impact ? <ApprovalImpactView impact={impact} /> : null}
              {kind === 'relabel' ? (
                <Field label="New retention label" required validationMessage={tried ? problems.labelName : undefined}>
                  <Select value={labelName} onChange={(_, data) => setLabelName(data.value)}>
                    <option value="">Choose a label</option>
                    {props.labels.map((label) => (
                      <option key={label.name} value={label.name}>
                        {label.name}
                      </option>
                    ))}
                  </Select>
                </Field>
              ) : null}
              {kind === 'extend' ? (
                <Field
                  label="Extend until"
                  required
                  hint="The review restarts at stage 1 on that date."
                  validationMessage={tried ? problems.until : undefined}
                >
                  <Input type="date" min={today} value={until} onChange={(_, data) => setUntil(data.value)} />
                </Field>
              ) : null}
              {kind === 'addReviewer' ? (
                <Field label="Reviewer’s email address" required validationMessage={tried ? problems.reviewer : undefined}>
                  <Input type="email" value={reviewer} onChange={(_, data) => setReviewer(data.value)} />
                </Field>
              ) : null}
              <Field
                label="Justification"
                required
                hint="Kept with the decision in the proof register."
                validationMessage={tried ? problems.justification : undefined}
              >
                <Textarea value={justification} onChange={(_, data) => setJustification(data.value)} resize="vertical" />
              </Field>
              {results ? (
                <div role="status" aria-live="polite">
                  <Text weight="semibold">{`${results.filter((r) => r.ok).length} of ${items.length} recorded`}</Text>
                  <ul className={styles.results} data-testid="decision-results" aria-label="Outcome for each item" tabIndex={0}>
                    {results.map((result) => (
                      <li key={result.key} className={result.ok ? undefined : styles.failed}>
                        {result.ok
                          ? `${result.name}: ${inWords(outcomeWords, result.outcome)} (proof entry ${result.sequence}).`
                          : `${result.name}: not recorded. ${errorText(result.error).why}`}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              {failure ? (
                <MessageBar intent="error" layout="multiline">
                  <MessageBarBody>{`${errorText(failure).what} ${errorText(failure).why}`}</MessageBarBody>
                </MessageBar>
              ) : null}
            </DialogContent>
            <DialogActions>
              {done ? (
                <Button appearance="primary" onClick={() => props.onClose(changed)}>
                  Close
                </Button>
              ) : (
                <>
                  <Button appearance="primary" type="submit" disabledFocusable={running}>
                    {running ? 'Recording…' : submitLabels[kind]}
                  </Button>
                  <Button onClick={() => props.onClose(changed)} disabledFocusable={running}>
                    Cancel
                  </Button>
                </>
              )}
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

/** How many items approving destroys, moves on and refuses, with the held ones in a list that opens on demand. */
function ApprovalImpactView({ impact }: { impact: ApprovalImpact }): React.ReactElement {
  const styles = useStyles();
  return (
    <MessageBar intent={impact.destroyed.length > 0 ? 'warning' : 'info'} layout="multiline">
      <MessageBarBody>
        <ul className={styles.impact} aria-label="What approving does" data-testid="approval-impact">
          {impact.destroyed.length > 0 ? (
            <li>
              <strong>{plural(impact.destroyed.length, 'item')} will be destroyed</strong>: deleted from SharePoint, with a proof entry
              each. This cannot be undone.
            </li>
          ) : null}
          {impact.nextStage.length > 0 ? (
            <li>{`${plural(impact.nextStage.length, 'item')} ${impact.nextStage.length === 1 ? 'moves on to its' : 'move on to their'} next review stage.`}</li>
          ) : null}
          {impact.held.length > 0 ? (
            <li>{`${plural(impact.held.length, 'item')} on hold will be refused; nothing is recorded for ${impact.held.length === 1 ? 'it' : 'them'}.`}</li>
          ) : null}
          {impact.regulatory.length > 0 ? (
            <li>{`${plural(impact.regulatory.length, 'regulatory record')} will be refused: only Purview disposes of regulatory records; review ${impact.regulatory.length === 1 ? 'it' : 'them'} in the Purview portal.`}</li>
          ) : null}
        </ul>
        {impact.held.length > 0 ? (
          <details>
            <summary>Show the items on hold</summary>
            <ul className={styles.heldList} aria-label="Items on hold" tabIndex={0}>
              {impact.held.map((item) => (
                <li key={item.key}>
                  {item.name} ({item.holds.map((hold) => hold.name).join(', ')})
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </MessageBarBody>
    </MessageBar>
  );
}
