import * as React from 'react';
import {
  Badge,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens
} from '@fluentui/react-components';
import { ArrowUploadRegular } from '@fluentui/react-icons';
import { ErrorCard } from '../common/ErrorCard';
import { LoadingState } from '../common/LoadingState';
import type { FilePlanServices, ImportCheck, ImportOutcome, NotAllowedToCreate } from './FilePlanServices';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  hiddenInput: { display: 'none' },
  tableWrap: { overflowX: 'auto' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL }
});

type ImportState =
  | { status: 'idle' }
  | { status: 'checking'; fileName: string }
  | { status: 'checked'; check: ImportCheck; bytes: Uint8Array }
  | { status: 'creating'; check: ImportCheck; bytes: Uint8Array; created: string[] }
  | { status: 'finished'; check: ImportCheck; outcome: ImportOutcome }
  | { status: 'error'; error: unknown; what: string };

export interface ImportSectionProps {
  services: FilePlanServices;
  /** Called after labels were created, so the list is read again. */
  onImported: () => void;
}

/**
 * Import of Purview's file plan CSV: the file is checked against every rule first and each problem is listed
 * with its row and column; labels are created only from a file without errors, and only when the person asks.
 */
/** What each kind Custodian creates before the labels is called in Purview's file plan. */
const kindInWords: Record<string, string> = {
  eventType: 'event type',
  authority: 'authority type',
  category: 'category',
  citation: 'provision or citation',
  department: 'department',
  filePlanReference: 'reference id'
};

export function ImportSection({ services, onImported }: ImportSectionProps): React.ReactElement {
  const styles = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const [state, setState] = React.useState<ImportState>({ status: 'idle' });

  const onFile = async (file: File): Promise<void> => {
    setState({ status: 'checking', fileName: file.name });
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(file));
    } catch (error) {
      setState({ status: 'error', error, what: `Custodian couldn't read the file '${file.name}'.` });
      return;
    }
    try {
      const check = await services.checkImport({ fileName: file.name, bytes });
      setState({ status: 'checked', check, bytes });
    } catch (error) {
      setState({ status: 'error', error, what: `Custodian couldn't check '${file.name}'.` });
    }
  };

  const create = async (check: ImportCheck, bytes: Uint8Array): Promise<void> => {
    const created: string[] = [];
    setState({ status: 'creating', check, bytes, created });
    try {
      const outcome = await services.importLabels(
        { check, bytes },
        {
          onCreated: (name) => {
            created.push(name);
            setState({ status: 'creating', check, bytes, created: [...created] });
          }
        }
      );
      setState({ status: 'finished', check, outcome });
      if (outcome.status !== 'notAllowed') onImported();
    } catch (error) {
      setState({ status: 'error', error, what: `Custodian couldn't create the labels of '${check.fileName}'.` });
    }
  };

  return (
    <section aria-labelledby="custodian-import-title" className={styles.root}>
      <Subtitle2 as="h3" id="custodian-import-title">
        Import
      </Subtitle2>
      <Caption1>
        Purview&apos;s file plan CSV (one row per label). Custodian checks the whole file first and creates nothing until it has no errors.
      </Caption1>
      <div className={styles.actions}>
        <Button
          icon={<ArrowUploadRegular />}
          onClick={() => input.current?.click()}
          disabledFocusable={state.status === 'checking' || state.status === 'creating'}
        >
          Choose a CSV file to import
        </Button>
        <input
          ref={input}
          className={styles.hiddenInput}
          type="file"
          accept=".csv,text/csv"
          aria-label="File plan CSV to import"
          data-testid="import-file"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void onFile(file);
          }}
        />
      </div>
      {state.status === 'checking' ? <LoadingState label={`Checking ${state.fileName}`} /> : null}
      {state.status === 'error' ? <ErrorCard error={state.error} fallbackWhat={state.what} /> : null}
      {state.status === 'checked' || state.status === 'creating' || state.status === 'finished' ? (
        <CheckReport check={state.check} />
      ) : null}
      {state.status === 'checked' && state.check.ok && state.check.notAllowed ? (
        <NotAllowedView
          {...state.check.notAllowed}
          title="The file is ready, but your account can't create retention labels. Nothing was created."
        />
      ) : null}
      {state.status === 'checked' && state.check.ok && !state.check.notAllowed ? (
        <div className={styles.actions}>
          <Button appearance="primary" onClick={() => void create(state.check, state.bytes)}>
            Create {state.check.labels.length} label{state.check.labels.length === 1 ? '' : 's'}
          </Button>
          <Button onClick={() => setState({ status: 'idle' })}>Cancel</Button>
        </div>
      ) : null}
      {state.status === 'creating' ? (
        <LoadingState label={`Creating labels: ${state.created.length} of ${state.check.labels.length} created`} />
      ) : null}
      {state.status === 'finished' ? <OutcomeView outcome={state.outcome} /> : null}
    </section>
  );
}

function readFile(file: File): Promise<ArrayBuffer> {
  // Blob.arrayBuffer is missing in some embedded browsers; FileReader is everywhere.
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('The browser could not read the file.'));
    reader.readAsArrayBuffer(file);
  });
}

function CheckReport({ check }: { check: ImportCheck }): React.ReactElement {
  const styles = useStyles();
  const errors = check.issues.filter((issue) => issue.severity === 'error');
  const warnings = check.issues.filter((issue) => issue.severity === 'warning');
  const rows = new Set(errors.map((issue) => issue.row));
  return (
    <div className={styles.root} data-testid="import-report">
      <MessageBar intent={check.ok ? (warnings.length ? 'warning' : 'success') : 'error'} layout="multiline" role="status">
        <MessageBarBody>
          <MessageBarTitle>
            {check.ok
              ? `${check.fileName} is ready: ${check.labels.length} label${check.labels.length === 1 ? '' : 's'} to create.`
              : `${check.fileName} has ${errors.length} error${errors.length === 1 ? '' : 's'} in ${rows.size} row${rows.size === 1 ? '' : 's'}.`}
          </MessageBarTitle>
          {check.ok ? 'Nothing has been created yet.' : 'Nothing has been created. Fix every error in the file, then choose it again.'}
        </MessageBarBody>
      </MessageBar>
      {check.issues.length > 0 ? (
        <div className={styles.tableWrap}>
          <Table aria-label={`Problems found in ${check.fileName}`} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Row</TableHeaderCell>
                <TableHeaderCell>Column</TableHeaderCell>
                <TableHeaderCell>Severity</TableHeaderCell>
                <TableHeaderCell>Problem</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {check.issues.map((issue, i) => (
                <TableRow key={`${issue.row}-${issue.column ?? ''}-${issue.rule}-${i}`}>
                  <TableCell>{issue.row}</TableCell>
                  <TableCell>{issue.column ?? '(whole row)'}</TableCell>
                  <TableCell>
                    <Badge appearance="tint" color={issue.severity === 'error' ? 'danger' : 'warning'}>
                      {issue.severity === 'error' ? 'Error' : 'Warning'}
                    </Badge>
                  </TableCell>
                  <TableCell>{issue.message}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
      {check.skipped.length > 0 ? <Caption1>Not checked: {check.skipped.map((s) => s.reason).join(' ')}</Caption1> : null}
      {check.ok && check.templatesToCreate.length > 0 ? (
        <Caption1>
          Your tenant does not have {check.templatesToCreate.length === 1 ? 'this' : 'these'} yet; Custodian creates{' '}
          {check.templatesToCreate.length === 1 ? 'it' : 'them'} first:{' '}
          {check.templatesToCreate.map((t) => `the ${kindInWords[t.kind] ?? t.kind} '${t.name}'`).join(', ')}.
        </Caption1>
      ) : null}
      {check.ok ? (
        <ul className={styles.list} aria-label="Labels to create">
          {check.labels.map((label) => (
            <li key={label.rowNumber}>
              Row {label.rowNumber}: {label.name}
              {label.warnings.length ? ` (${label.warnings.join(' ')})` : ''}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function OutcomeView({ outcome }: { outcome: ImportOutcome }): React.ReactElement {
  switch (outcome.status) {
    case 'created':
      return (
        <MessageBar intent="success" layout="multiline" role="status">
          <MessageBarBody>
            <MessageBarTitle>
              Created {outcome.created.length} label{outcome.created.length === 1 ? '' : 's'}.
            </MessageBarTitle>
            {outcome.created.join(', ')}. Publish them to sites in Purview (label policies) before people can use them.
          </MessageBarBody>
        </MessageBar>
      );
    case 'notAllowed':
      return <NotAllowedView {...outcome} title="Your account can't create retention labels. Nothing was created." />;
    case 'partial':
      return (
        <div>
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>
                Created {outcome.created.length} label{outcome.created.length === 1 ? '' : 's'}, then stopped at &apos;{outcome.failedLabel}
                &apos;.
              </MessageBarTitle>
              {outcome.created.length ? `Created: ${outcome.created.join(', ')}. ` : ''}Remove the created rows from the file before
              importing it again.
            </MessageBarBody>
          </MessageBar>
          <ErrorCard error={outcome.error} fallbackWhat={`Custodian couldn't create '${outcome.failedLabel}'.`} />
        </div>
      );
  }
}

/** Who can create labels and what to do meanwhile: before anything is offered when the sign-in says so, else after Graph refused. */
function NotAllowedView({ title, whoCan, whatToDo }: NotAllowedToCreate & { title: string }): React.ReactElement {
  return (
    <MessageBar intent="warning" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        <p>Who can: {whoCan}</p>
        <p>What you can do: {whatToDo}</p>
      </MessageBarBody>
    </MessageBar>
  );
}
