import * as React from 'react';
import { Body1, Caption1, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentBulletListRegular, LibraryRegular, ShieldTaskRegular } from '@fluentui/react-icons';
import { CoverageTab } from './CoverageTab';
import type { FilePlanServices } from './FilePlanServices';
import { FilePlanTab } from './FilePlanTab';
import { LibrariesTab } from './LibrariesTab';
import { Tabs } from '../common/Tabs';

export interface FilePlanAppProps {
  /** The site whose file plan is shown, e.g. https://contoso.sharepoint.com/sites/finance. */
  siteUrl: string;
  /** Where Custodian keeps its own lists; empty means the same site. */
  recordsSiteUrl?: string;
  /** Built by the composition root (the web part or the workbench) for `siteUrl`. */
  services: FilePlanServices;
  /** The section shown first. */
  initialSection?: SectionId;
}

export const sectionIds = ['filePlan', 'libraries', 'coverage'] as const;
export type SectionId = (typeof sectionIds)[number];

const sections = [
  { value: 'filePlan', title: 'File plan', icon: <ShieldTaskRegular /> },
  { value: 'libraries', title: 'Libraries', icon: <LibraryRegular /> },
  { value: 'coverage', title: 'Coverage', icon: <DocumentBulletListRegular /> }
] as const;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
  header: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, overflowWrap: 'anywhere' },
  panel: { paddingTop: tokens.spacingVerticalS }
});

/**
 * The site owner's file plan app, shared by the SPFx web part and the local workbench page: the labels available
 * to the site (search, filter, import and export of Purview's CSV), each library's defaults with bulk labelling,
 * and coverage. A section is loaded when first shown and kept while another is shown, so a bulk labelling run
 * carries on when the person looks at coverage.
 */
export function FilePlanApp({ siteUrl, recordsSiteUrl, services, initialSection = 'filePlan' }: FilePlanAppProps): React.ReactElement {
  const styles = useStyles();
  const [selected, setSelected] = React.useState<SectionId>(initialSection);
  const [visited, setVisited] = React.useState<ReadonlySet<SectionId>>(() => new Set([initialSection]));
  // Bumped when labels change in bulk, so coverage reads the tenant again.
  const [labelsVersion, setLabelsVersion] = React.useState(0);
  const onLabelsChanged = React.useCallback(() => setLabelsVersion((n) => n + 1), []);

  const onSelect = (id: SectionId): void => {
    setSelected(id);
    setVisited((previous) => (previous.has(id) ? previous : new Set([...previous, id])));
  };

  return (
    <section className={styles.root} aria-labelledby="custodian-file-plan-title">
      <div className={styles.header}>
        <Title2 as="h2" id="custodian-file-plan-title">
          Custodian file plan
        </Title2>
        <Body1>
          Site: <span data-testid="site-url">{siteUrl}</span>
        </Body1>
        <Caption1>Custodian keeps its records (library plans, bulk job progress) on {recordsSiteUrl || 'this site'}.</Caption1>
      </div>
      <Tabs label="File plan sections" tabs={sections} selected={selected} onSelect={onSelect} idPrefix="custodian-file-plan" />
      {sectionIds.map((id) => (
        <div
          key={id}
          id={`custodian-file-plan-panel-${id}`}
          role="tabpanel"
          aria-labelledby={`custodian-file-plan-tab-${id}`}
          hidden={selected !== id}
          className={styles.panel}
        >
          {visited.has(id) ? (
            id === 'filePlan' ? (
              <FilePlanTab services={services} />
            ) : id === 'libraries' ? (
              <LibrariesTab services={services} onLabelsChanged={onLabelsChanged} />
            ) : (
              <CoverageTab services={services} version={labelsVersion} />
            )
          ) : null}
        </div>
      ))}
    </section>
  );
}
