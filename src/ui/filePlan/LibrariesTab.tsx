import * as React from 'react';
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
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
import { AsyncView } from '../common/AsyncView';
import { EmptyState } from '../common/EmptyState';
import { ErrorCard } from '../common/ErrorCard';
import { useAsync } from '../common/useAsync';
import { BulkLabelPanel } from './BulkLabelPanel';
import type { FilePlanServices, LibrariesSnapshot, LibrarySummary } from './FilePlanServices';
import { LibraryPlanDialog } from './LibraryPlanDialog';
import { TakeEmailDialog } from './TakeEmailDialog';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  tableWrap: { overflowX: 'auto' },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  library: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS }
});

export interface LibrariesTabProps {
  services: FilePlanServices;
  /** Called when items were labelled, so coverage is read again. */
  onLabelsChanged: () => void;
}

/** Each library's plan (default labels, required metadata) and the bulk labelling of its existing items. */
export function LibrariesTab({ services, onLabelsChanged }: LibrariesTabProps): React.ReactElement {
  const styles = useStyles();
  const [state, reload] = useAsync((signal) => services.loadLibraries({ signal }), [services]);
  return (
    <div className={styles.root}>
      <Subtitle2 as="h3">Libraries</Subtitle2>
      <Caption1>
        A library&apos;s default retention label is applied to new files. Applying it to existing files labels those without a label; files
        with another label keep it, and records change only by hand.
      </Caption1>
      <AsyncView
        state={state}
        loadingLabel="Reading the libraries"
        errorWhat="Custodian couldn't read the site's libraries."
        onRetry={reload}
      >
        {(snapshot) => <LibrariesView snapshot={snapshot} services={services} onLabelsChanged={onLabelsChanged} />}
      </AsyncView>
    </div>
  );
}

function LibrariesView({
  snapshot,
  services,
  onLabelsChanged
}: {
  snapshot: LibrariesSnapshot;
  services: FilePlanServices;
  onLabelsChanged: () => void;
}): React.ReactElement {
  const styles = useStyles();
  const [libraries, setLibraries] = React.useState(snapshot.libraries);
  // The dialog stays mounted after it closes, so Fluent can finish closing it (and undo its modal) itself; `opened`
  // counts openings so each one starts from the library as it is.
  const [editing, setEditing] = React.useState<{ library: LibrarySummary; open: boolean; opened: number } | undefined>(undefined);
  // Which library's bulk panel is open (a run carries on while it is open, even when another is chosen).
  // Value: whether the run starts at once (the person asked) or is offered for resuming (found unfinished).
  const [bulkFor, setBulkFor] = React.useState<ReadonlyMap<string, 'start' | 'offer'>>(
    () => new Map(snapshot.libraries.filter((l) => l.unfinishedJob).map((l) => [l.id, 'offer']))
  );
  const editButtons = React.useRef(new Map<string, HTMLElement | null>());
  const [emailFor, setEmailFor] = React.useState<{ library: LibrarySummary; open: boolean; opened: number } | undefined>(undefined);
  const emailButtons = React.useRef(new Map<string, HTMLElement | null>());
  const [emailDone, setEmailDone] = React.useState<string | undefined>(undefined);

  React.useEffect(() => setLibraries(snapshot.libraries), [snapshot]);

  if (libraries.length === 0) {
    return (
      <EmptyState title="This site has no document libraries" headingLevel={4}>
        Create a document library in SharePoint, then come back to set its default labels.
      </EmptyState>
    );
  }
  const closeEditor = (): void => {
    const id = editing?.library.id;
    setEditing(editing && { ...editing, open: false });
    // Focus returns to the button that opened the dialog.
    if (id) setTimeout(() => editButtons.current.get(id)?.focus(), 0);
  };
  const closeEmail = (focusOn: Map<string, HTMLElement | null>): void => {
    const id = emailFor?.library.id;
    setEmailFor(emailFor && { ...emailFor, open: false });
    if (id) setTimeout(() => focusOn.get(id)?.focus(), 0);
  };
  return (
    <>
      {emailDone ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody role="status">{emailDone}</MessageBarBody>
        </MessageBar>
      ) : null}
      {snapshot.recordsSiteError !== undefined ? (
        <div className={styles.library}>
          <Caption1>Required metadata and stopped bulk runs are kept on the records site and are not shown:</Caption1>
          <ErrorCard error={snapshot.recordsSiteError} fallbackWhat="Custodian couldn't read its records site." />
        </div>
      ) : null}
      <div className={styles.tableWrap}>
        <Table aria-label="Libraries and their plans" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Library</TableHeaderCell>
              <TableHeaderCell>Default retention label</TableHeaderCell>
              <TableHeaderCell>Default sensitivity label</TableHeaderCell>
              <TableHeaderCell>Required metadata</TableHeaderCell>
              <TableHeaderCell>Email</TableHeaderCell>
              <TableHeaderCell>Actions</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {libraries.map((library) => (
              <TableRow key={library.id} data-testid={`library-${library.name}`}>
                <TableCell>{library.name}</TableCell>
                <TableCell>{library.defaultRetentionLabel ?? 'None'}</TableCell>
                <TableCell>{library.defaultSensitivityLabel?.name ?? 'None'}</TableCell>
                <TableCell>
                  {library.requiredColumns.length
                    ? library.requiredColumns.map((name) => library.columns.find((c) => c.name === name)?.displayName ?? name).join(', ')
                    : 'None'}
                </TableCell>
                <TableCell>{library.email.takesEmail ? 'Takes email' : 'No'}</TableCell>
                <TableCell>
                  <div className={styles.actions}>
                    <Button
                      size="small"
                      ref={(button) => editButtons.current.set(library.id, button)}
                      onClick={() => setEditing({ library, open: true, opened: (editing?.opened ?? 0) + 1 })}
                      aria-label={`Edit plan: ${library.name}`}
                    >
                      Edit plan
                    </Button>
                    <Button
                      size="small"
                      disabled={!library.defaultRetentionLabel || bulkFor.get(library.id) === 'start'}
                      onClick={() => setBulkFor(new Map([...bulkFor, [library.id, 'start']]))}
                      aria-label={`Apply to existing items: ${library.name}`}
                    >
                      Apply to existing items
                    </Button>
                    {library.email.takesEmail ? null : (
                      <Button
                        size="small"
                        ref={(button) => emailButtons.current.set(library.id, button)}
                        onClick={() => setEmailFor({ library, open: true, opened: (emailFor?.opened ?? 0) + 1 })}
                        aria-label={`Take email: ${library.name}`}
                      >
                        Take email
                      </Button>
                    )}
                  </div>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {libraries
        .filter((library) => bulkFor.has(library.id) && library.defaultRetentionLabel)
        .map((library) => (
          <BulkLabelPanel
            key={`${library.id} ${library.defaultRetentionLabel ?? ''}`}
            library={library}
            services={services}
            autoStart={bulkFor.get(library.id) === 'start'}
            onFinished={onLabelsChanged}
            onClose={() => {
              const next = new Map(bulkFor);
              next.delete(library.id);
              setBulkFor(next);
            }}
          />
        ))}
      {emailFor ? (
        <TakeEmailDialog
          key={`email-${emailFor.opened}`}
          open={emailFor.open}
          library={emailFor.library}
          services={services}
          onDone={({ addedColumns, library: updated }) => {
            setLibraries((all) => all.map((l) => (l.id === updated.id ? updated : l)));
            setEmailDone(
              `${updated.name} now takes email${
                addedColumns.length
                  ? `: Custodian added ${addedColumns.length} column${addedColumns.length === 1 ? '' : 's'} (${addedColumns.join(', ')})`
                  : ''
              }. Outlook users can file messages into it.`
            );
            // Its "Take email" button is gone: focus goes to the library's "Edit plan", on the same row.
            closeEmail(editButtons.current);
          }}
          onCancel={() => closeEmail(emailButtons.current)}
        />
      ) : null}
      {editing ? (
        <LibraryPlanDialog
          key={`plan-${editing.opened}`}
          open={editing.open}
          library={editing.library}
          snapshot={snapshot}
          services={services}
          onSaved={(saved) => {
            setLibraries((all) => all.map((l) => (l.id === saved.id ? saved : l)));
            onLabelsChanged();
            closeEditor();
          }}
          onCancel={closeEditor}
        />
      ) : null}
    </>
  );
}
