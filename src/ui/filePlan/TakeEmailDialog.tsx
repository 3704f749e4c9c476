import * as React from 'react';
import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens
} from '@fluentui/react-components';
import { ErrorCard } from '../common/ErrorCard';
import type { FilePlanServices, LibrarySummary, TakeEmailResult } from './FilePlanServices';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  columns: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL }
});

const kindInWords = { text: 'single line of text', dateTime: 'date and time' } as const;

export interface TakeEmailDialogProps {
  open: boolean;
  library: LibrarySummary;
  services: FilePlanServices;
  onDone: (result: TakeEmailResult) => void;
  onCancel: () => void;
}

/**
 * Makes a library take email, after saying what will change: the columns Custodian adds (empty on existing files),
 * and that Outlook users will then find the library when they file a message.
 */
export function TakeEmailDialog({ open, library, services, onDone, onCancel }: TakeEmailDialogProps): React.ReactElement {
  const styles = useStyles();
  const [working, setWorking] = React.useState(false);
  const [error, setError] = React.useState<unknown>(undefined);
  const columns = library.email.missingColumns;

  const confirm = async (): Promise<void> => {
    setWorking(true);
    setError(undefined);
    try {
      onDone(await services.takeEmail(library.id));
    } catch (e) {
      setError(e);
      setWorking(false);
    }
  };

  return (
    <Dialog open={open} modalType="modal" onOpenChange={(_e, data) => (data.open || working ? undefined : onCancel())}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Take email in {library.name}?</DialogTitle>
          <DialogContent className={styles.content}>
            {columns.length > 0 ? (
              <>
                <Body1>
                  Custodian will add {columns.length === 1 ? 'this column' : `these ${columns.length} columns`} to {library.name}, filled
                  for each message filed:
                </Body1>
                <ul className={styles.columns} aria-label="Columns to add">
                  {columns.map((column) => (
                    <li key={column.name}>
                      {column.displayName} ({kindInWords[column.kind]})
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <Body1>{library.name} already has the email columns; Custodian will map it for email.</Body1>
            )}
            {library.email.columnsToIndex.length > 0 ? (
              <Body1>
                Custodian will also index {library.email.columnsToIndex.join(', ')}, so filing can find a message already filed in a large
                library.
              </Body1>
            ) : null}
            <Body1>
              Existing files and the library&apos;s default labels do not change. Outlook users can then file messages into {library.name}.
            </Body1>
            {error !== undefined ? <ErrorCard error={error} fallbackWhat={`Custodian couldn't set ${library.name} up for email.`} /> : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabledFocusable={working} onClick={() => void confirm()}>
              {working
                ? 'Setting up…'
                : columns.length > 0
                  ? `Add ${columns.length} column${columns.length === 1 ? '' : 's'}`
                  : 'Take email'}
            </Button>
            <Button onClick={onCancel} disabledFocusable={working}>
              Cancel
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
