import * as React from 'react';
import { Body1, Button, Caption1, Field, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { NativeSelect } from '../ui/common/NativeSelect';
import { devTenantPersonas, type DevTenantPersona } from '../core/services/demo/personas';
import { demoDocuments, type DemoChoice } from './hosts/demo';

export interface DemoToolbarProps {
  persona: DevTenantPersona;
  onPersonaChange: (persona: DevTenantPersona) => void;
  choice: DemoChoice | undefined;
  onOpen: (choice: DemoChoice) => void;
  /** Whether a demo email can be opened in this build. */
  canOpenMessage: boolean;
}

const personaNames: Record<DevTenantPersona, string> = {
  'office-worker': 'Ana Ortiz, office worker',
  'site-owner': 'Sam Okafor, site owner',
  'records-manager': 'Priya Raman, records manager',
  admin: 'Dev tenant admin'
};

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0
  },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  item: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', rowGap: tokens.spacingVerticalXXS, minWidth: 0 }
});

/**
 * Demo mode, in a plain browser tab: who is signed in (a dev tenant persona) and which demo document or email
 * the pane opens in place of Office's. Nothing is requested until an item is opened.
 */
export function DemoToolbar({ persona, onPersonaChange, choice, onOpen, canOpenMessage }: DemoToolbarProps): React.ReactElement {
  const styles = useStyles();
  const isOpen = (c: DemoChoice): boolean => JSON.stringify(c) === JSON.stringify(choice);
  return (
    <section className={styles.root} aria-labelledby="custodian-demo-title">
      <Subtitle2 as="h2" id="custodian-demo-title">
        Demo mode
      </Subtitle2>
      <Body1>Outside Word and Outlook, Custodian works on the local dev tenant. Choose who you are and what to open.</Body1>
      <Field label="Signed in as">
        {(fieldProps) => (
          <NativeSelect {...fieldProps} value={persona} onChange={(e) => onPersonaChange(e.target.value as DevTenantPersona)}>
            {devTenantPersonas.map((p) => (
              <option key={p} value={p}>
                {personaNames[p]}
              </option>
            ))}
          </NativeSelect>
        )}
      </Field>
      <ul className={styles.list} aria-label="Demo items">
        {demoDocuments.map((doc) => {
          const c: DemoChoice = { kind: 'document', id: doc.id };
          return (
            <li key={doc.id} className={styles.item}>
              <Button appearance={isOpen(c) ? 'primary' : 'secondary'} aria-pressed={isOpen(c)} onClick={() => onOpen(c)}>
                Open {doc.title}
              </Button>
              <Caption1>{doc.description}</Caption1>
            </li>
          );
        })}
        {canOpenMessage ? (
          <li className={styles.item}>
            <Button
              appearance={isOpen({ kind: 'message' }) ? 'primary' : 'secondary'}
              aria-pressed={isOpen({ kind: 'message' })}
              onClick={() => onOpen({ kind: 'message' })}
            >
              Open a demo email
            </Button>
            <Caption1>The newest email in the persona&apos;s mailbox: file it as a record.</Caption1>
          </li>
        ) : null}
      </ul>
    </section>
  );
}
