import * as React from 'react';
import {
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  SearchBox,
  Select,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
  useRestoreFocusTarget
} from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { AsyncView } from '../common/AsyncView';
import { EmptyState } from '../common/EmptyState';
import { ErrorCard } from '../common/ErrorCard';
import { useAsync } from '../common/useAsync';
import { downloadText } from '../common/downloadText';
import type { FilePlanServices, FilePlanSnapshot, SiteLabel } from './FilePlanServices';
import { ImportSection } from './ImportSection';
import { LabelDetailsDialog } from './LabelDetailsDialog';
import {
  describeBasedOn,
  describeDuration,
  describeEndAction,
  descriptorValues,
  filterLabels,
  noFilter,
  recordKindOf,
  recordKindText,
  recordKinds,
  type LabelFilter,
  type RecordKind
} from './labelSettings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  toolbar: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS, alignItems: 'end' },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  tableWrap: { overflowX: 'auto' },
  description: { color: tokens.colorNeutralForeground2 },
  name: { justifyContent: 'flex-start', textAlign: 'left', paddingLeft: 0, minWidth: 0, fontWeight: tokens.fontWeightSemibold }
});

export interface FilePlanTabProps {
  services: FilePlanServices;
}

/** The labels available to the site, searchable and filterable, with Purview CSV import and export. */
export function FilePlanTab({ services }: FilePlanTabProps): React.ReactElement {
  const styles = useStyles();
  const [state, reload] = useAsync((signal) => services.loadFilePlan({ signal }), [services]);
  return (
    <div className={styles.root}>
      <Subtitle2 as="h3">Retention labels available to this site</Subtitle2>
      <AsyncView state={state} loadingLabel="Reading the file plan" errorWhat="Custodian couldn't read the file plan." onRetry={reload}>
        {(snapshot) => <LabelsView snapshot={snapshot} />}
      </AsyncView>
      <ExportSection services={services} />
      <ImportSection services={services} onImported={reload} />
    </div>
  );
}

function LabelsView({ snapshot }: { snapshot: FilePlanSnapshot }): React.ReactElement {
  const styles = useStyles();
  const [filter, setFilter] = React.useState<LabelFilter>(noFilter);
  // The dialog stays mounted after it closes, so Fluent can finish closing it (and undo its modal) itself.
  const [details, setDetails] = React.useState<{ entry: SiteLabel; open: boolean } | undefined>(undefined);
  // The details dialog is opened from outside it (no DialogTrigger): this marks the buttons that open it, so that
  // Fluent gives focus back to the one that did when it closes.
  const opensDialog = useRestoreFocusTarget();
  const all = snapshot.labels.map((entry) => entry.label);
  const departments = descriptorValues(all, 'department');
  const categories = descriptorValues(all, 'category');
  const shown = filterLabels(snapshot.labels, filter);

  if (snapshot.labels.length === 0) {
    return (
      <EmptyState title="No retention labels yet" headingLevel={4}>
        The tenant&apos;s file plan has no retention labels. Import Purview&apos;s CSV below, or ask your records manager to create them.
      </EmptyState>
    );
  }
  return (
    <>
      <div className={styles.toolbar} role="search" aria-label="Find labels">
        <Field label="Search labels">
          <SearchBox
            value={filter.query}
            onChange={(_e, data) => setFilter({ ...filter, query: data.value })}
            placeholder="Name, description or descriptor"
          />
        </Field>
        <Field label="Department">
          <Select value={filter.department} onChange={(_e, data) => setFilter({ ...filter, department: data.value })}>
            <option value="">All departments</option>
            {departments.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Category">
          <Select value={filter.category} onChange={(_e, data) => setFilter({ ...filter, category: data.value })}>
            <option value="">All categories</option>
            {categories.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Is record">
          <Select value={filter.recordKind} onChange={(_e, data) => setFilter({ ...filter, recordKind: data.value as RecordKind | '' })}>
            <option value="">Any</option>
            {recordKinds.map((kind) => (
              <option key={kind} value={kind}>
                {recordKindText[kind]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Caption1 role="status" aria-live="polite">
        {shown.length === snapshot.labels.length
          ? `${shown.length} label${shown.length === 1 ? '' : 's'}`
          : `${shown.length} of ${snapshot.labels.length} labels match`}
      </Caption1>
      {snapshot.unreadable.length > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Some labels could not be read</MessageBarTitle>
            {snapshot.unreadable.map((u) => `${u.name}: ${u.reasons.join(' ')}`).join(' · ')}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.tableWrap}>
        <Table aria-label="Retention labels" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Name</TableHeaderCell>
              <TableHeaderCell>Based on</TableHeaderCell>
              <TableHeaderCell>Is record</TableHeaderCell>
              <TableHeaderCell>Retention duration</TableHeaderCell>
              <TableHeaderCell>Disposition</TableHeaderCell>
              <TableHeaderCell>Department</TableHeaderCell>
              <TableHeaderCell>Category</TableHeaderCell>
              <TableHeaderCell>Reference ID</TableHeaderCell>
              <TableHeaderCell>Description for users</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map((entry) => {
              const { label } = entry;
              return (
                <TableRow key={label.id ?? label.name}>
                  <TableCell>
                    <Button
                      {...opensDialog}
                      appearance="transparent"
                      className={styles.name}
                      onClick={() => setDetails({ entry, open: true })}
                      aria-label={`${label.name}: details`}
                    >
                      {label.name}
                    </Button>
                    {entry.availableToSite ? null : <Caption1> (not published to this site)</Caption1>}
                  </TableCell>
                  <TableCell>{describeBasedOn(label)}</TableCell>
                  <TableCell>{recordKindText[recordKindOf(label)]}</TableCell>
                  <TableCell>{describeDuration(label)}</TableCell>
                  <TableCell>{describeEndAction(label)}</TableCell>
                  <TableCell>{label.descriptors.department ?? ''}</TableCell>
                  <TableCell>
                    {label.descriptors.category ?? ''}
                    {label.descriptors.subCategory ? ` / ${label.descriptors.subCategory}` : ''}
                  </TableCell>
                  <TableCell>{label.descriptors.referenceId ?? ''}</TableCell>
                  <TableCell className={styles.description}>{label.descriptionForUsers ?? ''}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
      {shown.length === 0 ? (
        <EmptyState
          title="No label matches"
          headingLevel={4}
          action={<Button onClick={() => setFilter(noFilter)}>Clear the filters</Button>}
        >
          Try fewer words, or another department or category.
        </EmptyState>
      ) : null}
      {details ? (
        <LabelDetailsDialog entry={details.entry} open={details.open} onClose={() => setDetails({ ...details, open: false })} />
      ) : null}
    </>
  );
}

function ExportSection({ services }: { services: FilePlanServices }): React.ReactElement {
  const styles = useStyles();
  const [state, setState] = React.useState<
    { status: 'idle' } | { status: 'busy' } | { status: 'done'; warnings: string[] } | { status: 'error'; error: unknown }
  >({ status: 'idle' });
  const exportNow = async (): Promise<void> => {
    setState({ status: 'busy' });
    try {
      const result = await services.exportFilePlan();
      downloadText('file-plan.csv', result.text, 'text/csv;charset=utf-8');
      setState({ status: 'done', warnings: result.warnings });
    } catch (error) {
      setState({ status: 'error', error });
    }
  };
  return (
    <section aria-labelledby="custodian-export-title" className={styles.root}>
      <Subtitle2 as="h3" id="custodian-export-title">
        Export
      </Subtitle2>
      <Caption1>Every label of the file plan as Purview&apos;s import CSV, to review offline or import into another tenant.</Caption1>
      <div className={styles.actions}>
        <Button icon={<ArrowDownloadRegular />} onClick={() => void exportNow()} disabledFocusable={state.status === 'busy'}>
          {state.status === 'busy' ? 'Exporting…' : 'Export the file plan as CSV'}
        </Button>
      </div>
      {state.status === 'error' ? <ErrorCard error={state.error} fallbackWhat="Custodian couldn't export the file plan." /> : null}
      {state.status === 'done' ? (
        <MessageBar intent={state.warnings.length ? 'warning' : 'success'} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Exported file-plan.csv</MessageBarTitle>
            {state.warnings.length ? `What the CSV cannot hold: ${state.warnings.join(' ')}` : 'Every label and setting is in the file.'}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}
