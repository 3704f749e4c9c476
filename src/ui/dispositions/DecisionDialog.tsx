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
import { isoDay, outcomeWords, plural } from './formatting';
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
  results: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: '240px', overflowY: 'auto', overflowWrap: 'anywhere' },
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

  const held = kind === 'approve' ? items.filter((i) => i.holds.length > 0) : [];
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
    <Dialog open modalType="modal" onOpenChange={(_, data) => !data.open && !running && props.onClose(changed)}>
      <DialogSurface aria-describedby={undefined}>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.content}>
              {kind === 'approve' ? (
                <Text>
                  {items.some((i) => i.currentStage === i.stages.length)
                    ? 'Approving at the last stage disposes of the item: it is deleted from SharePoint and a proof entry is recorded. This cannot be undone.'
                    : 'Approving moves each item to its label’s next review stage.'}
                </Text>
              ) : null}
              {held.length > 0 ? (
                <MessageBar intent="warning" layout="multiline">
                  <MessageBarBody>{`${plural(held.length, 'item')} on hold cannot be approved and will be refused: ${held.map((i) => i.name).join(', ')}.`}</MessageBarBody>
                </MessageBar>
              ) : null}
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
                  <ul className={styles.results} data-testid="decision-results">
                    {results.map((result) => (
                      <li key={result.key} className={result.ok ? undefined : styles.failed}>
                        {result.ok
                          ? `${result.name}: ${outcomeWords[result.outcome] ?? result.outcome} (proof entry ${result.sequence}).`
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
                  <Button appearance="primary" type="submit" disabled={running}>
                    {running ? 'Recording…' : submitLabels[kind]}
                  </Button>
                  <Button onClick={() => props.onClose(changed)} disabled={running}>
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
