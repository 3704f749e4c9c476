import * as React from 'react';
import { Body1, Caption1, Title2, makeStyles, tokens } from '@fluentui/react-components';

export interface TaskPaneAppProps {
  /** "Word", "Outlook", or "Demo" in a plain browser tab. */
  hostName: string;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, maxWidth: '100%' }
});

/** The office worker's pane: what this document or message is, and declaring it a record. */
export function TaskPaneApp({ hostName }: TaskPaneAppProps): React.ReactElement {
  const styles = useStyles();
  return (
    <main className={styles.root} aria-labelledby="custodian-pane-title">
      <Title2 as="h1" id="custodian-pane-title">
        Custodian
      </Title2>
      <Body1>
        Declare this item a record: a classification, a retention label from the file plan and the metadata its library requires.
      </Body1>
      <Caption1>
        Host: <span data-testid="host-name">{hostName}</span>
      </Caption1>
    </main>
  );
}
