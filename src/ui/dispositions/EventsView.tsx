import * as React from 'react';
import {
  Button,
  Card,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
  makeStyles,
  tokens
} from '@fluentui/react-components';
import { AsyncView, ErrorCard, useAsync } from '../common';
import { formatDate } from '../common/dates';
import { plural } from './formatting';
import type { FiredEvent } from '../../core/services/events/fireEvent';
import type { EventPreviewItem, PreviewedEvent } from '../../core/services/events/previewEvent';
import type { DispositionsServices } from './DispositionsServices';

export interface EventsViewProps {
  services: DispositionsServices;
  /** An event was fired: the queue and forecast change. */
  onChanged(): void;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  card: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'start'
  },
  wide: { gridColumn: '1 / -1' },
  cell: { overflowWrap: 'anywhere' },
  scroll: { maxHeight: '320px', overflowY: 'auto' }
});

/**
 * Text that reads as Purview's own query (`ComplianceAssetId:4815 OR ComplianceAssetId:4816`, as the Purview portal
 * and New-ComplianceRetentionEvent take it) rather than a list of ids: a property name, then a colon.
 */
export function looksLikeEventQuery(text: string): boolean {
  return /(^|\s)[A-Za-z_][A-Za-z0-9_]*:\S/.test(text);
}

/** Splits asset ids typed one a line or separated by commas or semicolons. */
export function parseAssetIds(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\n,;]/)
        .map((s) => s.trim())
        .filter(Boolean)
    )
  ];
}

/**
 * Retention events: choose the event type, the asset ids and the date; preview the items the event starts (count
 * and list); confirm, knowing an event cannot be undone or cancelled; then see whose retention started.
 */
export function EventsView({ services, onChanged }: EventsViewProps): React.ReactElement {
  const styles = useStyles();
  const [types, reloadTypes] = useAsync((signal) => services.eventTypes(signal), [services]);
  const [eventType, setEventType] = React.useState('');
  const [displayName, setDisplayName] = React.useState('');
  const [description, setDescription] = React.useState('');
  const [assetText, setAssetText] = React.useState('');
  const [eventDate, setEventDate] = React.useState('');
  const [tried, setTried] = React.useState(false);
  const [busy, setBusy] = React.useState(false);
  const [failure, setFailure] = React.useState<unknown>();
  const [preview, setPreview] = React.useState<PreviewedEvent | undefined>();
  const [confirming, setConfirming] = React.useState(false);
  const [fired, setFired] = React.useState<FiredEvent | undefined>();

  // A pasted Purview query is sent as it is, and read by the core the way Purview reads it (or refused with why).
  const query = looksLikeEventQuery(assetText) ? assetText.trim() : undefined;
  const assetIds = query === undefined ? parseAssetIds(assetText) : [];
  const problems = {
    eventType: eventType === '' ? 'Choose the event type.' : undefined,
    displayName: displayName.trim() === '' ? 'Name the event as people will recognise it in Purview.' : undefined,
    assetIds:
      assetIds.length === 0 && query === undefined
        ? 'Enter at least one asset id: without one, the event starts every item of its type.'
        : undefined
  };

  const runPreview = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault();
    setTried(true);
    if (Object.values(problems).some(Boolean) || busy) return;
    setBusy(true);
    setFailure(undefined);
    setPreview(undefined);
    setFired(undefined);
    try {
      setPreview(
        await services.previewEvent({
          eventType,
          displayName: displayName.trim(),
          ...(description.trim() ? { description: description.trim() } : {}),
          assetIds,
          ...(query !== undefined ? { query } : {}),
          ...(eventDate ? { eventDate: `${eventDate}T00:00:00Z` } : {})
        })
      );
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };
  // What Microsoft Search found outside the indexed libraries, when it could search.
  const beyond = preview?.beyondIndex && 'items' in preview.beyondIndex ? preview.beyondIndex : undefined;
  const alreadyStarted = preview ? [...preview.alreadyStarted, ...(beyond?.alreadyStarted ?? [])] : [];

  return (
    <div className={styles.root}>
      <Card className={styles.card}>
        <Subtitle2 as="h2">Fire a retention event</Subtitle2>
        <Text>
          An event starts the retention of the items whose label is bound to its type and whose asset id it names. It cannot be cancelled,
          and deleting it does not undo it: check the preview first.
        </Text>
        <AsyncView
          state={types}
          loadingLabel="Reading the event types"
          errorWhat="Custodian could not read the event types."
          onRetry={reloadTypes}
        >
          {(list) => (
            <form className={styles.form} onSubmit={(e) => void runPreview(e)} noValidate aria-label="Retention event">
              <Field label="Event type" required validationMessage={tried ? problems.eventType : undefined}>
                <Select value={eventType} onChange={(_, data) => setEventType(data.value)}>
                  <option value="">Choose an event type</option>
                  {list.map((type) => (
                    <option key={type.id} value={type.name}>
                      {type.labelNames.length ? `${type.name} (${type.labelNames.join(', ')})` : type.name}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label="Event name" required validationMessage={tried ? problems.displayName : undefined}>
                <Input value={displayName} onChange={(_, data) => setDisplayName(data.value)} />
              </Field>
              <Field label="Event date" hint="When retention starts; today when left empty.">
                <Input type="date" value={eventDate} onChange={(_, data) => setEventDate(data.value)} />
              </Field>
              <Field
                className={styles.wide}
                label="Asset ids"
                required
                hint="One a line, or separated by commas; or paste the query as Purview takes it: ComplianceAssetId:4815 OR ComplianceAssetId:4816."
                validationMessage={tried ? problems.assetIds : undefined}
              >
                <Textarea value={assetText} onChange={(_, data) => setAssetText(data.value)} />
              </Field>
              <Field className={styles.wide} label="Description">
                <Input value={description} onChange={(_, data) => setDescription(data.value)} />
              </Field>
              <div>
                <Button appearance="primary" type="submit" disabled={busy}>
                  {busy ? 'Previewing…' : 'Preview the event'}
                </Button>
              </div>
            </form>
          )}
        </AsyncView>
        {failure ? <ErrorCard error={failure} fallbackWhat="Custodian could not preview the event." /> : null}
      </Card>

      {preview ? (
        <Card className={styles.card} data-testid="event-preview">
          <Subtitle2 as="h2">{`Preview: ${preview.request.displayName}`}</Subtitle2>
          <Text weight="semibold" role="status">{`This event starts the retention of ${plural(preview.count, 'item')}.`}</Text>
          <Text>{`Type ${preview.eventTypeName}; labels bound to it: ${preview.labelNames.join(', ') || 'none'}. Query: ${preview.query}`}</Text>
          {preview.unmatchedAssetIds.length ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{`No indexed item with a bound label has these asset ids: ${preview.unmatchedAssetIds.join(', ')}.`}</MessageBarBody>
            </MessageBar>
          ) : null}
          <BeyondIndexNote preview={preview} />
          {preview.items.length ? <PreviewTable caption="Items the event starts" items={preview.items} /> : null}
          {beyond?.items.length ? (
            <PreviewTable caption="Elsewhere in the tenant: items the event starts too" items={beyond.items} />
          ) : null}
          {preview.held?.length ? (
            <>
              <MessageBar intent="warning">
                <MessageBarBody>{`${plural(preview.held.length, 'item')} on hold: the event does not start ${
                  preview.held.length === 1 ? 'its' : 'their'
                } retention. Release the hold first if it should.`}</MessageBarBody>
              </MessageBar>
              <PreviewTable caption="On hold: not started by this event" items={preview.held} />
            </>
          ) : null}
          {alreadyStarted.length ? <PreviewTable caption="Already started by an earlier event (no change)" items={alreadyStarted} /> : null}
          <div>
            <Button appearance="primary" onClick={() => setConfirming(true)} disabled={preview.count === 0}>
              {`Fire the event for ${plural(preview.count, 'item')}…`}
            </Button>
          </div>
        </Card>
      ) : null}

      {fired ? (
        <MessageBar intent="success" layout="multiline" data-testid="event-fired">
          <MessageBarBody>
            <MessageBarTitle>{`“${fired.displayName}” was fired.`}</MessageBarTitle>
            {`Retention started for ${plural(fired.started.length, 'item')}: ${fired.started
              .map(
                (s) => `${s.name} (asset id ${s.assetId}${s.retentionEndsAt ? `, retention ends ${formatDate(s.retentionEndsAt)}` : ''})`
              )
              .join('; ')}.`}
          </MessageBarBody>
        </MessageBar>
      ) : null}

      {confirming && preview ? (
        <ConfirmFire
          preview={preview}
          services={services}
          onClose={(result) => {
            setConfirming(false);
            if (result) {
              setFired(result);
              setPreview(undefined);
              onChanged();
            }
          }}
        />
      ) : null}
    </div>
  );
}

/**
 * Where the preview looked: the indexed libraries, and (Purview applies an event to the whole tenant) the rest of the
 * tenant through Microsoft Search, or why that search could not run.
 */
function BeyondIndexNote({ preview }: { preview: PreviewedEvent }): React.ReactElement {
  const indexed = `${preview.indexedItemCount.toLocaleString('en-GB')} indexed items`;
  const beyond = preview.beyondIndex;
  if (!beyond || 'unavailable' in beyond)
    return (
      <Text size={200}>{`The preview covers the ${indexed}; Purview applies the event to the whole tenant.${
        beyond ? ` ${beyond.unavailable}, so items elsewhere are not shown.` : ''
      }`}</Text>
    );
  if (!beyond.items.length && !beyond.alreadyStarted.length)
    return (
      <Text
        size={200}
      >{`The preview covers the ${indexed}, and Microsoft Search finds no other item in the tenant that the event reaches.`}</Text>
    );
  const unlisted = beyond.total - beyond.items.length - beyond.alreadyStarted.length;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>{`Purview applies the event to the whole tenant: Microsoft Search finds ${plural(
        beyond.items.length + (beyond.truncated ? unlisted : 0),
        'item'
      )} outside the libraries Custodian indexes that it starts too${
        beyond.truncated ? ` (${unlisted.toLocaleString('en-GB')} not listed here)` : ''
      }. Custodian's holds are checked on the indexed items only.`}</MessageBarBody>
    </MessageBar>
  );
}

function PreviewTable({ caption, items }: { caption: string; items: EventPreviewItem[] }): React.ReactElement {
  const styles = useStyles();
  return (
    <div className={styles.scroll} role="region" aria-label={`${caption}, scrollable`} tabIndex={0}>
      <Table aria-label={caption} size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Item</TableHeaderCell>
            <TableHeaderCell>Asset id</TableHeaderCell>
            <TableHeaderCell>Label</TableHeaderCell>
            <TableHeaderCell>Site</TableHeaderCell>
            {items.some((i) => i.alreadyStartedBy) ? <TableHeaderCell>Started by</TableHeaderCell> : null}
            {items.some((i) => i.heldBy) ? <TableHeaderCell>Held by</TableHeaderCell> : null}
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((item) => (
            <TableRow key={item.key}>
              <TableCell className={styles.cell}>{item.name}</TableCell>
              <TableCell className={styles.cell}>{item.assetId}</TableCell>
              <TableCell className={styles.cell}>{item.labelName}</TableCell>
              <TableCell className={styles.cell}>{item.siteName}</TableCell>
              {items.some((i) => i.alreadyStartedBy) ? <TableCell className={styles.cell}>{item.alreadyStartedBy ?? ''}</TableCell> : null}
              {items.some((i) => i.heldBy) ? (
                <TableCell className={styles.cell}>
                  {item.sharesAssetIdWithHeld ? `Shares its asset id with a held item` : (item.heldBy ?? []).join(', ')}
                </TableCell>
              ) : null}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function ConfirmFire(props: {
  preview: PreviewedEvent;
  services: DispositionsServices;
  onClose(result: FiredEvent | undefined): void;
}): React.ReactElement {
  const { preview } = props;
  const [understood, setUnderstood] = React.useState(false);
  const [running, setRunning] = React.useState(false);
  const [failure, setFailure] = React.useState<unknown>();
  const fire = async (): Promise<void> => {
    setRunning(true);
    setFailure(undefined);
    try {
      props.onClose(await props.services.fireEvent(preview.id, preview.count));
    } catch (e) {
      setFailure(e);
      setRunning(false);
    }
  };
  return (
    <Dialog open modalType="alert" onOpenChange={(_, data) => !data.open && !running && props.onClose(undefined)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{`Fire “${preview.request.displayName}”?`}</DialogTitle>
          <DialogContent>
            <Text as="p">{`It starts the retention of ${plural(preview.count, 'item')} now. An event cannot be cancelled, and deleting it does not undo it.`}</Text>
            <Checkbox
              checked={understood}
              onChange={(_, data) => setUnderstood(data.checked === true)}
              label="I understand that this cannot be undone"
            />
            {failure ? <ErrorCard error={failure} fallbackWhat="Custodian could not fire the event." /> : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={!understood || running} onClick={() => void fire()}>
              {running ? 'Firing…' : 'Fire the event'}
            </Button>
            <Button onClick={() => props.onClose(undefined)} disabledFocusable={running}>
              Cancel
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
