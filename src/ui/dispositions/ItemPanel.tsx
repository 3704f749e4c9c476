import * as React from 'react';
import {
  Button,
  Caption1,
  Card,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
  useRestoreFocusTarget
} from '@fluentui/react-components';
import { AsyncView, EmptyState, useAsync } from '../common';
import type { DecisionKind } from './DecisionDialog';
import { formatDate, formatDateTime } from '../common/dates';
import { actionWords, inWords, outcomeWords } from './formatting';
import type { LabelOption, QueueItem, QueueSnapshot } from '../../core/services/disposition/DispositionQueue';
import { approvalImpact } from './approvalImpact';
import type { DispositionsServices } from './DispositionsServices';
import type { ItemDetailsView } from './ItemDetailsView';

export interface ItemPanelProps {
  itemKey: string;
  /** The item's queue entry, when it waits for review. */
  queued?: QueueItem;
  services: DispositionsServices;
  now: string;
  /** The queue the panel was opened from: a new one (after a decision) reads the item's history again. */
  snapshot?: QueueSnapshot;
  /** The tenant's labels: a regulatory record's disposal is not offered (only Purview disposes of it). */
  labels?: readonly LabelOption[];
  onDecide(kind: DecisionKind, item: QueueItem): void;
  onHold(item: QueueItem): void;
  onClose(): void;
  shareItemLink?(item: { key: string; name: string }): void;
  itemHref?(key: string): string;
}

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, overflowWrap: 'anywhere' },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalM, rowGap: '2px', margin: 0 },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  history: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS }
});

/** Only links to the tenant's web pages are offered; anything else in `webUrl` is shown as text. */
const safeHref = (url: string | undefined): string | undefined => (url && /^https?:\/\//i.test(url) ? url : undefined);

/** An item's metadata, label, location, review stage, holds and history, with the decisions it allows. */
export function ItemPanel(props: ItemPanelProps): React.ReactElement {
  const { itemKey, queued, services, snapshot } = props;
  const styles = useStyles();
  const [details, reload] = useAsync((signal) => services.item(itemKey, signal), [services, itemKey, snapshot]);

  return (
    <Card className={styles.card} data-testid="item-details">
      <AsyncView state={details} loadingLabel="Reading the item" errorWhat="Custodian could not read the item." onRetry={reload}>
        {(item) =>
          item ? (
            <ItemBody {...props} item={item} queued={queued ?? item.queued} />
          ) : (
            <EmptyState title="Item not found" headingLevel={2}>
              The link names an item Custodian does not index: it may have been disposed of, moved, or be in a library outside the index.
            </EmptyState>
          )
        }
      </AsyncView>
      <div>
        <Button onClick={props.onClose}>Close details</Button>
      </div>
    </Card>
  );
}

function ItemBody(props: ItemPanelProps & { item: ItemDetailsView; queued?: QueueItem }): React.ReactElement {
  // These buttons open the queue's dialogs from outside them: marked so that Fluent gives focus back when they close.
  const opensDialog = useRestoreFocusTarget();
  const { item, queued } = props;
  const styles = useStyles();
  const held = queued !== undefined && queued.holds.length > 0;
  // A regulatory record is never relabelled, and at its last stage its approval would be refused: Microsoft 365 lets
  // only Purview delete it. Both are said here rather than offered and refused.
  const regulatory = props.labels?.some((l) => l.isRegulatory === true && l.name.toLowerCase() === item.labelName?.toLowerCase()) === true;
  const purviewDisposes = queued !== undefined && approvalImpact([queued], props.labels).regulatory.length > 0;
  const stage = queued?.stages[queued.currentStage - 1];
  const href = safeHref(item.webUrl);
  const facts: [string, string][] = [
    ['Label', item.labelName ?? 'No label'],
    ['Location', `${item.siteName} / ${item.libraryName}`],
    ['Retention', item.retention],
    ...(queued
      ? ([
          ['Stage', `${queued.currentStage} of ${queued.stages.length}${stage ? `: ${stage.name}` : ''}`],
          ['Reviewers', stage ? stage.reviewers.join(', ') : ''],
          ['Status', queued.status === 'extended' ? `Extended until ${formatDate(queued.extendedUntil)}` : 'Pending review']
        ] as [string, string][])
      : []),
    ['Title', item.title ?? ''],
    ['Created', formatDateTime(item.created)],
    ['Modified', formatDateTime(item.modified)],
    ['Labelled', formatDateTime(item.labelledAt)],
    ['Asset id', item.assetId ?? ''],
    ['Record', item.isRecord ? 'Yes (locked)' : 'No'],
    ...Object.entries(item.columns)
  ];
  return (
    <>
      <Subtitle2 as="h2">{item.name}</Subtitle2>
      {held ? (
        <MessageBar intent="warning" layout="multiline" data-testid="hold-notice">
          <MessageBarBody>
            <MessageBarTitle>On hold: its disposal cannot be approved.</MessageBarTitle>
            {`Held by ${queued.holds.map((h) => (h.source === 'ediscovery' ? h.name : `${h.name} (Custodian hold)`)).join(', ')}. Release the hold first, or relabel or extend the item instead.`}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {purviewDisposes ? (
        <MessageBar intent="info" layout="multiline" data-testid="regulatory-notice">
          <MessageBarBody>
            <MessageBarTitle>A regulatory record: only Purview disposes of it.</MessageBarTitle>
            Microsoft 365 refuses its deletion and its relabelling to everyone else, administrators included. Approve its disposal in the
            Purview portal&apos;s disposition review; here you can extend its review or add a reviewer.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <dl className={styles.facts}>
        {facts
          .filter(([, value]) => value !== '')
          .map(([term, value]) => (
            <React.Fragment key={term}>
              <dt className={styles.term}>{term}</dt>
              <dd className={styles.value}>{value}</dd>
            </React.Fragment>
          ))}
      </dl>
      {href ? (
        <Link href={href} target="_blank" rel="noreferrer">
          Open in SharePoint
        </Link>
      ) : null}
      {queued ? (
        <div className={styles.actions} role="group" aria-label={`Decide on ${item.name}`}>
          <Button
            {...opensDialog}
            appearance="primary"
            disabledFocusable={held || purviewDisposes}
            onClick={() => props.onDecide('approve', queued)}
          >
            {queued.currentStage === queued.stages.length ? 'Approve disposal' : 'Approve this stage'}
          </Button>
          <Button {...opensDialog} disabledFocusable={regulatory} onClick={() => props.onDecide('relabel', queued)}>
            Relabel
          </Button>
          <Button {...opensDialog} onClick={() => props.onDecide('extend', queued)}>
            Extend
          </Button>
          <Button {...opensDialog} onClick={() => props.onDecide('addReviewer', queued)}>
            Add reviewer
          </Button>
          <Button {...opensDialog} onClick={() => props.onHold(queued)}>
            Place on hold
          </Button>
        </div>
      ) : (
        <Text>This item is not waiting for a disposition review.</Text>
      )}
      {props.shareItemLink ? (
        <Button onClick={() => props.shareItemLink?.({ key: item.key, name: item.name })}>Share a link to this item</Button>
      ) : null}
      {props.itemHref ? <Link href={props.itemHref(item.key)}>Link to this item</Link> : null}
      <Subtitle2 as="h3">History</Subtitle2>
      {item.history.length === 0 ? (
        <Caption1>No decision has been recorded on this item yet.</Caption1>
      ) : (
        <ol className={styles.history} aria-label="Decisions on this item">
          {item.history.map((entry) => (
            <li key={entry.sequence}>
              <Text>{`${inWords(actionWords, entry.action)} at stage ${entry.stage} by ${entry.by}, ${formatDateTime(entry.recordedAt)}: ${inWords(outcomeWords, entry.outcome)}.`}</Text>
              <br />
              <Caption1>{`“${entry.justification}” · proof entry ${entry.sequence}`}</Caption1>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
