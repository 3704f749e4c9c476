import * as React from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { ErrorCard } from '../ui/common/ErrorCard';
import { JustificationDialog } from '../ui/declare/JustificationDialog';
import { isSensitivityDowngrade } from '../ui/declare/model';
import { SensitivityPicker } from '../ui/declare/SensitivityPicker';
import type { DraftSubject, HostAdapter } from './hosts/HostAdapter';

export interface DraftViewProps {
  draft: DraftSubject;
  host: HostAdapter;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0, overflowWrap: 'anywhere' }
});

type Phase = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; name: string } | { kind: 'failed'; error: unknown };

/**
 * A message being written: its classification, set through Outlook (Mailbox 1.13) where the host allows it,
 * with a reason asked before it is lowered; elsewhere a note of why the pane cannot set it and what to use.
 */
export function DraftView({ draft, host }: DraftViewProps): React.ReactElement {
  const styles = useStyles();
  const labelling = draft.labelling;
  const [current, setCurrent] = React.useState(labelling.kind === 'available' ? labelling.currentId : undefined);
  const [chosen, setChosen] = React.useState(current ?? '');
  const [asking, setAsking] = React.useState(false);
  const [phase, setPhase] = React.useState<Phase>({ kind: 'idle' });

  if (labelling.kind === 'unavailable' || !host.setSensitivityLabel) {
    return (
      <section className={styles.root} aria-labelledby="custodian-draft-title">
        <Subtitle2 as="h2" id="custodian-draft-title">
          Classification of this draft
        </Subtitle2>
        <MessageBar intent="info" layout="multiline" data-testid="labelling-unavailable">
          <MessageBarBody>
            <MessageBarTitle>Custodian cannot set the classification here.</MessageBarTitle>{' '}
            {labelling.kind === 'unavailable' ? labelling.reason : 'This host does not let add-ins set it.'}{' '}
            <strong>What you can do: </strong>
            {labelling.kind === 'unavailable' ? labelling.whatToDo : "Use Outlook's own Sensitivity button."}
          </MessageBarBody>
        </MessageBar>
        <p>Records are filed once the email is sent: open the sent message and use Custodian there.</p>
      </section>
    );
  }

  const setLabel = host.setSensitivityLabel.bind(host);
  const from = labelling.options.find((o) => o.id === current);
  const to = labelling.options.find((o) => o.id === chosen);
  const apply = (justification?: string): void => {
    setPhase({ kind: 'saving' });
    setLabel(chosen, justification).then(
      () => {
        setCurrent(chosen);
        setPhase({ kind: 'saved', name: to?.name ?? 'None' });
      },
      (error: unknown) => setPhase({ kind: 'failed', error })
    );
  };

  return (
    <section className={styles.root} aria-labelledby="custodian-draft-title">
      <Subtitle2 as="h2" id="custodian-draft-title">
        Classification of this draft
      </Subtitle2>
      <p>Draft: {draft.subject || '(no subject yet)'}</p>
      <SensitivityPicker
        options={labelling.options}
        value={chosen}
        currentId={current}
        onChange={(id) => {
          setChosen(id);
          setPhase({ kind: 'idle' });
        }}
        disabled={phase.kind === 'saving'}
        hint="Outlook applies it to the message before it is sent."
      />
      <Button
        appearance="primary"
        disabledFocusable={phase.kind === 'saving' || chosen === (current ?? '') || chosen === ''}
        onClick={() => (isSensitivityDowngrade(from, to ?? null) ? setAsking(true) : apply())}
      >
        {phase.kind === 'saving' ? 'Applying…' : 'Apply classification'}
      </Button>
      {phase.kind === 'saved' ? (
        <MessageBar intent="success" layout="multiline" role="status">
          <MessageBarBody>The draft is now classified &quot;{phase.name}&quot;.</MessageBarBody>
        </MessageBar>
      ) : null}
      {phase.kind === 'failed' ? <ErrorCard error={phase.error} /> : null}
      {asking ? (
        <JustificationDialog
          open
          fromName={from?.name ?? 'the current label'}
          toName={to?.name}
          onCancel={() => setAsking(false)}
          onConfirm={(reason) => {
            setAsking(false);
            apply(reason);
          }}
        />
      ) : null}
    </section>
  );
}
