import * as React from 'react';
import { Body1, Caption1, Card, CardHeader, Subtitle2, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentBulletListRegular, LibraryRegular, ShieldTaskRegular } from '@fluentui/react-icons';

export interface FilePlanAppProps {
  /** The site whose file plan is shown, e.g. https://contoso.sharepoint.com/sites/finance. */
  siteUrl: string;
  /** Where Custodian keeps its own lists; empty means the same site. */
  recordsSiteUrl?: string;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL, padding: tokens.spacingHorizontalL },
  cards: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))', gap: tokens.spacingHorizontalM }
});

/**
 * The site owner's file plan app, shared by the SPFx web part and the local workbench page.
 * The sections arrive with the web part's issue; this shell fixes the layout and the landmarks.
 */
export function FilePlanApp({ siteUrl, recordsSiteUrl }: FilePlanAppProps): React.ReactElement {
  const styles = useStyles();
  const sections = [
    {
      icon: <ShieldTaskRegular aria-hidden />,
      title: 'File plan',
      text: 'Retention labels available to this site, with their descriptors.'
    },
    { icon: <LibraryRegular aria-hidden />, title: 'Libraries', text: 'Default labels and required metadata per library.' },
    { icon: <DocumentBulletListRegular aria-hidden />, title: 'Coverage', text: 'Labelled, unlabelled and record items per library.' }
  ];
  return (
    <section className={styles.root} aria-labelledby="custodian-file-plan-title">
      <Title2 as="h2" id="custodian-file-plan-title">
        Custodian file plan
      </Title2>
      <Body1>
        Site: <span data-testid="site-url">{siteUrl}</span>
      </Body1>
      <Caption1>Records site: {recordsSiteUrl || 'this site'}</Caption1>
      <div className={styles.cards}>
        {sections.map((section) => (
          <Card key={section.title}>
            <CardHeader
              image={section.icon}
              header={<Subtitle2 as="h3">{section.title}</Subtitle2>}
              description={<Caption1>{section.text}</Caption1>}
            />
          </Card>
        ))}
      </div>
    </section>
  );
}
