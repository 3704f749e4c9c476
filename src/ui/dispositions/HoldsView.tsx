import * as React from 'react';
import {
  Badge,
  Button,
  Card,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
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
import { AsyncView, EmptyState, ErrorCard, useAsync } from '../common';
import { formatDateTime } from '../common/dates';
import { plural } from './formatting';
import type { QueueItem, SiteOption } from '../../core/services/disposition/DispositionQueue';
import { LegalHoldsSection } from './LegalHoldsSection';
import type { HoldSummary } from '../../core/services/holds/HoldSummary';
import type { DispositionsServices } from './DispositionsServices';

export interface HoldsViewProps {
  services: DispositionsServices;
  sites: SiteOption[];
  /** The review queue, for the items each eDiscovery hold keeps from disposal. */
  queueItems: readonly QueueItem[];
  /** A hold changed: the queue's hold marks must be read again. */
  onChanged(): void;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end'
  },
  card: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  cell: { overflowWrap: 'anywhere' },
  // It scrolls, so it takes focus (tabIndex 0) for the keyboard to scroll it (WCAG 2.1.1).
  items: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: '160px', overflowY: 'auto' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  dialog: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM }
});

type HoldAction = { kind: 'addSite' | 'release'; hold: HoldSummary };

/** Custodian's holds: create one, add sites to it (items are added from the queue), release it. */
export function HoldsView({ services, sites, queueItems, onChanged }: HoldsViewProps): React.ReactElement {
  const styles = useStyles();
  const [version, setVersion] = React.useState(0);
  const [holds, reload] = useAsync((signal) => services.holds(signal), [services, version]);
  const [name, setName] = React.useState('');
  const [reason, setReason] = React.useState('');
  const [tried, setTried] = React.useState(false);
  const [creating, setCreating] = React.useState(false);
  const [failure, setFailure] = React.useState<unknown>();
  const [action, setAction] = React.useState<HoldAction | undefined>();
  const siteName = (id: string): string => sites.find((s) => s.id === id)?.name ?? id;

  const changed = (): void => {
    setVersion((v) => v + 1);
    onChanged();
  };

  const create = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault();
    setTried(true);
    if (!name.trim() || !reason.trim() || creating) return;
    setCreating(true);
    setFailure(undefined);
    try {
      await services.createHold({ name: name.trim(), reason: reason.trim() });
      setName('');
      setReason('');
      setTried(false);
      changed();
    } catch (e) {
      setFailure(e);
    } finally {
      setCreating(false);
    }
  };

  return (
    <div className={styles.root}>
      <Card className={styles.card}>
        <Subtitle2 as="h2">Create a hold</Subtitle2>
        <form className={styles.form} onSubmit={(e) => void create(e)} noValidate aria-label="Create a hold">
          <Field label="Hold name" required validationMessage={tried && !name.trim() ? 'Name the hold.' : undefined}>
            <Input value={name} onChange={(_, data) => setName(data.value)} />
          </Field>
          <Field
            label="Reason"
            required
            validationMessage={tried && !reason.trim() ? 'Say why items are held; it is kept as proof.' : undefined}
          >
            <Input value={reason} onChange={(_, data) => setReason(data.value)} />
          </Field>
          <Button appearance="primary" type="submit" disabled={creating}>
            {creating ? 'Creating…' : 'Create hold'}
          </Button>
        </form>
        {failure ? <ErrorCard error={failure} fallbackWhat="Custodian could not create the hold." /> : null}
        <Text>Add items to a hold from the queue (select them, then “Place on hold”), or whole sites below.</Text>
        <Text role="note">
          eDiscovery legal holds on SharePoint sites are read from Purview and block disposal of the items on those sites. Holds on
          mailboxes are not checked: a filed email does not record the mailbox it was filed from. Before disposing of filed email, check the
          mailbox holds of open eDiscovery cases in Purview.
        </Text>
      </Card>
      <AsyncView state={holds} loadingLabel="Reading the holds" errorWhat="Custodian could not read the holds." onRetry={reload}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState title="No holds">Custodian has no holds yet. eDiscovery legal holds from Purview are listed below.</EmptyState>
          ) : (
            <Table aria-label="Holds" size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Hold</TableHeaderCell>
                  <TableHeaderCell>Reason</TableHeaderCell>
                  <TableHeaderCell>State</TableHeaderCell>
                  <TableHeaderCell>Covers</TableHeaderCell>
                  <TableHeaderCell>Created</TableHeaderCell>
                  <TableHeaderCell>Actions</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {list.map((hold) => (
                  <TableRow key={hold.holdId}>
                    <TableCell className={styles.cell}>{hold.name}</TableCell>
                    <TableCell className={styles.cell}>{hold.reason}</TableCell>
                    <TableCell>
                      <Badge appearance="tint" color={hold.state === 'active' ? 'danger' : 'subtle'}>
                        {hold.state === 'active' ? 'Active' : `Released ${formatDateTime(hold.releasedAt)}`}
                      </Badge>
                    </TableCell>
                    <TableCell className={styles.cell}>
                      <HeldItems hold={hold} queueItems={queueItems} siteName={siteName} className={styles.items} />
                    </TableCell>
                    <TableCell className={styles.cell}>{`${formatDateTime(hold.createdAt)} by ${hold.createdBy}`}</TableCell>
                    <TableCell>
                      {hold.state === 'active' ? (
                        <div className={styles.actions}>
                          <Button
                            size="small"
                            onClick={() => setAction({ kind: 'addSite', hold })}
                            aria-label={`Add a site to ${hold.name}`}
                          >
                            Add a site
                          </Button>
                          <Button size="small" onClick={() => setAction({ kind: 'release', hold })} aria-label={`Release ${hold.name}`}>
                            Release
                          </Button>
                        </div>
                      ) : null}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )
        }
      </AsyncView>
      <LegalHoldsSection services={services} queueItems={queueItems} />
      {action ? (
        <HoldActionDialog
          action={action}
          sites={sites}
          services={services}
          onClose={(didChange) => {
            setAction(undefined);
            if (didChange) changed();
          }}
        />
      ) : null}
    </div>
  );
}

function HoldActionDialog(props: {
  action: HoldAction;
  sites: SiteOption[];
  services: DispositionsServices;
  onClose(changed: boolean): void;
}): React.ReactElement {
  const { action, services } = props;
  const styles = useStyles();
  const [siteId, setSiteId] = React.useState('');
  const [justification, setJustification] = React.useState('');
  const [tried, setTried] = React.useState(false);
  const [running, setRunning] = React.useState(false);
  const [failure, setFailure] = React.useState<unknown>();
  const release = action.kind === 'release';

  const submit = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault();
    setTried(true);
    if (!justification.trim() || (!release && !siteId) || running) return;
    setRunning(true);
    setFailure(undefined);
    try {
      if (release) await services.releaseHold({ holdId: action.hold.holdId, justification: justification.trim() });
      else await services.addToHold({ holdId: action.hold.holdId, sites: [siteId], justification: justification.trim() });
      props.onClose(true);
    } catch (e) {
      setFailure(e);
      setRunning(false);
    }
  };

  return (
    <Dialog open modalType="modal" onOpenChange={(_, data) => !data.open && !running && props.onClose(false)}>
      <DialogSurface aria-describedby={undefined}>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <DialogBody>
            <DialogTitle>{release ? `Release ${action.hold.name}` : `Add a site to ${action.hold.name}`}</DialogTitle>
            <DialogContent className={styles.dialog}>
              {release ? (
                <Text>Once released, the items it covered can be approved for disposal again (unless another hold covers them).</Text>
              ) : null}
              {!release ? (
                <Field label="Site" required validationMessage={tried && !siteId ? 'Choose a site.' : undefined}>
                  <Select value={siteId} onChange={(_, data) => setSiteId(data.value)}>
                    <option value="">Choose a site</option>
                    {props.sites.map((site) => (
                      <option key={site.id} value={site.id}>
                        {site.name}
                      </option>
                    ))}
                  </Select>
                </Field>
              ) : null}
              <Field
                label="Justification"
                required
                validationMessage={tried && !justification.trim() ? 'Give the reason; it is kept as proof.' : undefined}
              >
                <Textarea value={justification} onChange={(_, data) => setJustification(data.value)} />
              </Field>
              {failure ? <ErrorCard error={failure} fallbackWhat="Custodian could not change the hold." /> : null}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabledFocusable={running}>
                {release ? 'Release hold' : 'Add site'}
              </Button>
              <Button onClick={() => props.onClose(false)} disabledFocusable={running}>
                Cancel
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

/**
 * What a hold of Custodian's covers: its count and sites, and the items by name in a list that opens on demand (as the
 * eDiscovery holds below list theirs). Items not waiting for review are not indexed by name here, so they are counted.
 */
function HeldItems(props: {
  hold: HoldSummary;
  queueItems: readonly QueueItem[];
  siteName: (siteId: string) => string;
  className: string;
}): React.ReactElement {
  const { hold, queueItems, siteName, className } = props;
  const summary = [plural(hold.items.length, 'item'), ...hold.sites.map((s) => `site ${siteName(s)}`)].join(', ');
  if (hold.items.length === 0) return <>{summary}</>;
  const byKey = new Map(queueItems.map((item) => [item.key, item]));
  const named = hold.items.map((key) => byKey.get(key)).filter((item): item is QueueItem => item !== undefined);
  const others = hold.items.length - named.length;
  return (
    <details>
      <summary>{summary}</summary>
      <ul className={className} aria-label={`Items held by ${hold.name}`} tabIndex={0}>
        {named.map((item) => (
          <li key={item.key}>{item.name}</li>
        ))}
        {others > 0 ? <li>{`${plural(others, 'item')} not waiting for review`}</li> : null}
      </ul>
    </details>
  );
}
