import * as React from 'react';
import { Body1, Title2, makeStyles, tokens } from '@fluentui/react-components';

export interface DispositionsAppProps {
  /** "tab" for the personal or channel tab, "config" for the channel tab's configuration page. */
  view: 'tab' | 'config';
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalXL }
});

/** The records manager's tab: the queue of items whose retention has ended, reviews, holds and proof. */
export function DispositionsApp({ view }: DispositionsAppProps): React.ReactElement {
  const styles = useStyles();
  return (
    <main className={styles.root} aria-labelledby="custodian-dispositions-title">
      <Title2 as="h1" id="custodian-dispositions-title">
        {view === 'config' ? 'Add Custodian dispositions to this channel' : 'Dispositions'}
      </Title2>
      <Body1>
        {view === 'config'
          ? 'The tab shows the items whose retention has ended and that wait for review.'
          : 'Items whose retention has ended and whose label asks for a review appear here.'}
      </Body1>
    </main>
  );
}
