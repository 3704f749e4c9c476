import * as React from 'react';
import { Body1, Title2, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalXL }
});

/** The channel tab's configuration page: Teams enables Save once it has loaded (see teamsHost.enableConfigSave). */
export function TabConfig(): React.ReactElement {
  const styles = useStyles();
  return (
    <main className={styles.root} aria-labelledby="custodian-config-title">
      <Title2 as="h1" id="custodian-config-title">
        Add Custodian dispositions to this channel
      </Title2>
      <Body1>
        The tab shows the items whose retention has ended and that wait for review, with holds, retention events and proof of disposal.
      </Body1>
      <Body1>Select Save to add it. Each member sees the items they may review; records managers see every item.</Body1>
    </main>
  );
}
