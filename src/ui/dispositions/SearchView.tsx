import * as React from 'react';
import {
  Button,
  Card,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens
} from '@fluentui/react-components';
import { ErrorCard } from '../common';
import { downloadText } from '../common/downloadText';
import { formatDate } from '../common/dates';
import { plural } from './formatting';
import type { LabelOption } from '../../core/services/disposition/DispositionQueue';
import type { FoundRecords, RecordSearchRequest } from '../../core/services/search/findRecords';
import type { DispositionsServices } from './DispositionsServices';

export interface SearchViewProps {
  services: DispositionsServices;
  labels: LabelOption[];
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  card: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end'
  },
  cell: { overflowWrap: 'anywhere' },
  scroll: { maxHeight: '480px', overflowY: 'auto' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' }
});

/** Rows shown on screen; the export holds every row found. */
const shownRows = 500;

type Form = {
  label: string;
  department: string;
  category: string;
  referenceId: string;
  authority: string;
  assetId: string;
  createdFrom: string;
  createdTo: string;
  modifiedFrom: string;
  modifiedTo: string;
  labelledFrom: string;
  labelledTo: string;
  text: string;
};

const emptyForm: Form = {
  label: '',
  department: '',
  category: '',
  referenceId: '',
  authority: '',
  assetId: '',
  createdFrom: '',
  createdTo: '',
  modifiedFrom: '',
  modifiedTo: '',
  labelledFrom: '',
  labelledTo: '',
  text: ''
};

const range = (from: string, to: string): { from?: string; to?: string } | undefined =>
  from || to ? { ...(from ? { from } : {}), ...(to ? { to } : {}) } : undefined;

/** The form as the service's request: only the conditions given. */
export function searchRequestOf(form: Form): RecordSearchRequest {
  const descriptor = Object.fromEntries(
    (['department', 'category', 'referenceId', 'authority'] as const).filter((k) => form[k].trim()).map((k) => [k, form[k].trim()])
  );
  const dates = {
    created: range(form.createdFrom, form.createdTo),
    modified: range(form.modifiedFrom, form.modifiedTo),
    labelled: range(form.labelledFrom, form.labelledTo)
  };
  return {
    ...(form.label ? { labels: [form.label] } : {}),
    ...(Object.keys(descriptor).length ? { descriptor } : {}),
    ...(form.assetId.trim() ? { assetId: form.assetId.trim() } : {}),
    ...Object.fromEntries(Object.entries(dates).filter(([, v]) => v !== undefined)),
    ...(form.text.trim() ? { text: form.text.trim() } : {})
  };
}

const unique = (values: (string | undefined)[]): string[] =>
  [...new Set(values.filter((v): v is string => !!v))].sort((a, b) => a.localeCompare(b));

/** Information requests (FOI, subject access, audit): search records by label, descriptor, asset id, dates and text; export. */
export function SearchView({ services, labels }: SearchViewProps): React.ReactElement {
  const styles = useStyles();
  const [form, setForm] = React.useState<Form>(emptyForm);
  const [busy, setBusy] = React.useState(false);
  const [failure, setFailure] = React.useState<unknown>();
  const [result, setResult] = React.useState<FoundRecords | undefined>();
  const set = (change: Partial<Form>): void => setForm((f) => ({ ...f, ...change }));
  const departments = React.useMemo(() => unique(labels.map((l) => l.descriptors.department)), [labels]);
  const categories = React.useMemo(() => unique(labels.map((l) => l.descriptors.category)), [labels]);

  const submit = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setFailure(undefined);
    try {
      setResult(await services.search(searchRequestOf(form)));
    } catch (e) {
      setFailure(e);
      setResult(undefined);
    } finally {
      setBusy(false);
    }
  };

  const dateField = (label: string, key: keyof Form): React.ReactElement => (
    <Field label={label}>
      <Input type="date" value={form[key]} onChange={(_, data) => set({ [key]: data.value } as Partial<Form>)} />
    </Field>
  );

  return (
    <div className={styles.root}>
      <Card className={styles.card}>
        <Subtitle2 as="h2">Search records</Subtitle2>
        <form className={styles.form} onSubmit={(e) => void submit(e)} noValidate aria-label="Search records">
          <Field label="Words of the title or file name" hint="The last word may be the start of one: inv finds Invoice.">
            <Input value={form.text} onChange={(_, data) => set({ text: data.value })} />
          </Field>
          <Field label="Retention label">
            <Select value={form.label} onChange={(_, data) => set({ label: data.value })}>
              <option value="">Any label</option>
              {labels.map((l) => (
                <option key={l.name} value={l.name}>
                  {l.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Department (descriptor)">
            <Select value={form.department} onChange={(_, data) => set({ department: data.value })}>
              <option value="">Any department</option>
              {departments.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Category (descriptor)">
            <Select value={form.category} onChange={(_, data) => set({ category: data.value })}>
              <option value="">Any category</option>
              {categories.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Reference id (descriptor)">
            <Input value={form.referenceId} onChange={(_, data) => set({ referenceId: data.value })} />
          </Field>
          <Field label="Asset id">
            <Input value={form.assetId} onChange={(_, data) => set({ assetId: data.value })} />
          </Field>
          {dateField('Created from', 'createdFrom')}
          {dateField('Created to', 'createdTo')}
          {dateField('Modified from', 'modifiedFrom')}
          {dateField('Modified to', 'modifiedTo')}
          {dateField('Labelled from', 'labelledFrom')}
          {dateField('Labelled to', 'labelledTo')}
          <div className={styles.actions}>
            <Button appearance="primary" type="submit" disabled={busy}>
              {busy ? 'Searching…' : 'Search'}
            </Button>
            <Button onClick={() => setForm(emptyForm)}>Clear</Button>
          </div>
        </form>
      </Card>
      {failure ? <ErrorCard error={failure} fallbackWhat="Custodian could not search the records." /> : null}
      {result ? (
        <Card className={styles.card} data-testid="search-results">
          <div className={styles.actions}>
            <Text
              role="status"
              weight="semibold"
            >{`${plural(result.rows.length, 'record')} found${result.truncated ? ' (the first ones only; narrow the search)' : ''}.`}</Text>
            <Button onClick={() => downloadText('custodian-information-request.csv', result.csv)} disabled={result.rows.length === 0}>
              Export to CSV
            </Button>
          </div>
          {result.note ? (
            <MessageBar intent="info">
              <MessageBarBody>{result.note}</MessageBarBody>
            </MessageBar>
          ) : null}
          {result.rows.length > shownRows ? (
            <Text>{`The first ${shownRows} are shown; the export holds all ${result.rows.length}.`}</Text>
          ) : null}
          {result.rows.length ? (
            <div className={styles.scroll} role="region" aria-label="Records found, scrollable" tabIndex={0}>
              <Table aria-label="Records found" size="small">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Name</TableHeaderCell>
                    <TableHeaderCell>Label</TableHeaderCell>
                    <TableHeaderCell>Site</TableHeaderCell>
                    <TableHeaderCell>Asset id</TableHeaderCell>
                    <TableHeaderCell>Created</TableHeaderCell>
                    <TableHeaderCell>Record</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {result.rows.slice(0, shownRows).map((row) => (
                    <TableRow key={row.key}>
                      <TableCell className={styles.cell}>{row.name}</TableCell>
                      <TableCell className={styles.cell}>{row.labelName}</TableCell>
                      <TableCell className={styles.cell}>{row.siteName}</TableCell>
                      <TableCell className={styles.cell}>{row.assetId}</TableCell>
                      <TableCell>{formatDate(row.created)}</TableCell>
                      <TableCell>{row.isRecord ? 'Yes' : 'No'}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          ) : null}
        </Card>
      ) : null}
    </div>
  );
}
