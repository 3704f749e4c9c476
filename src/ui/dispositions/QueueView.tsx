import * as React from 'react';
import { Badge, Button, Caption1, Field, Input, Select, Text, makeStyles, tokens, useRestoreFocusTarget } from '@fluentui/react-components';
import { EmptyState } from '../common';
import { DecisionDialog, type DecisionKind } from './DecisionDialog';
import { formatDate } from '../common/dates';
import { plural } from './formatting';
import { HoldItemsDialog } from './HoldItemsDialog';
import { ItemPanel } from './ItemPanel';
import { emptyQueueFilter, filterQueue, prepareQueue, queueFacets, type QueueFilter } from './queueFilter';
import type { QueueItem, QueueSnapshot } from '../../core/services/disposition/DispositionQueue';
import type { DispositionsServices } from './DispositionsServices';
import { VirtualList } from './VirtualList';

export interface QueueViewProps {
  snapshot: QueueSnapshot;
  services: DispositionsServices;
  initialItemKey?: string;
  onItemOpened?(key: string | undefined): void;
  shareItemLink?(item: { key: string; name: string }): void;
  itemHref?(key: string): string;
  /** A decision or hold changed the queue: read it again. */
  onChanged(): void;
  /** The list's viewport height in pixels. */
  listHeight?: number;
}

const rowHeight = 60;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  filters: {
    display: 'grid',
    // One column at 320 px, more as the tab widens; a filter never grows past its track nor under its neighbour.
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(180px, 100%), 1fr))',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
    alignItems: 'end',
    '& > *': { minWidth: 0 }
  },
  // The whole row, however many columns there are (a span of 2 made a second column at 320 px, wider than the tab).
  wide: { gridColumn: '1 / -1' },
  body: { display: 'flex', columnGap: tokens.spacingHorizontalL, alignItems: 'flex-start', flexWrap: 'wrap' },
  list: { flex: '3 1 420px', minWidth: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  details: { flex: '2 1 320px', minWidth: 0 },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  summary: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  check: {
    flexShrink: 0,
    width: '20px',
    height: '20px',
    borderRadius: tokens.borderRadiusSmall,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStrokeAccessible}`,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    fontSize: tokens.fontSizeBase200
  },
  checked: {
    backgroundColor: tokens.colorCompoundBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand
  },
  rowText: { display: 'flex', flexDirection: 'column', minWidth: 0, flex: 1 },
  rowName: { fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
  rowMeta: { color: tokens.colorNeutralForeground2, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
  rowSide: { display: 'flex', flexDirection: 'column', alignItems: 'flex-end', rowGap: '2px', flexShrink: 0 }
});

/** The queue: filters and text search over a windowed list, the chosen item's details, and decisions on a selection. */
export function QueueView(props: QueueViewProps): React.ReactElement {
  const { snapshot, services } = props;
  const styles = useStyles();
  const [filter, setFilter] = React.useState<QueueFilter>(emptyQueueFilter);
  const [selected, setSelected] = React.useState<ReadonlySet<string>>(() => new Set());
  const [activeKey, setActiveKey] = React.useState<string | undefined>(props.initialItemKey);
  const [openKey, setOpenKey] = React.useState<string | undefined>(props.initialItemKey);
  // Each dialog stays mounted after it closes (open: false) so that Fluent undoes its modal and gives focus back to
  // the button that opened it; `opened` counts openings so that a new one starts afresh.
  const [decision, setDecision] = React.useState<{ kind: DecisionKind; items: QueueItem[]; open: boolean; opened: number } | undefined>();
  const [holding, setHoldingState] = React.useState<{ items: QueueItem[]; open: boolean; opened: number } | undefined>();
  const openings = React.useRef(0);
  const setHolding = (items: QueueItem[]): void => setHoldingState({ items, open: true, opened: ++openings.current });
  // The buttons that open a dialog from outside it (no DialogTrigger) are marked so that Fluent returns focus to them.
  const opensDialog = useRestoreFocusTarget();

  const prepared = React.useMemo(() => prepareQueue(snapshot.items), [snapshot.items]);
  const facets = React.useMemo(() => queueFacets(snapshot.items), [snapshot.items]);
  const visible = React.useMemo(() => filterQueue(prepared, filter), [prepared, filter]);
  const byKey = React.useMemo(() => new Map(snapshot.items.map((item) => [item.key, item])), [snapshot.items]);
  const activeIndex = React.useMemo(
    () => (activeKey === undefined ? -1 : visible.findIndex((i) => snapshot.items[i].key === activeKey)),
    [visible, activeKey, snapshot.items]
  );
  // Keys that left the queue (disposed, relabelled) leave the selection too.
  const selection = React.useMemo(
    () => [...selected].map((key) => byKey.get(key)).filter((i): i is QueueItem => i !== undefined),
    [selected, byKey]
  );
  // A decision acts on what the person sees: items a filter hides leave the selection, so "Approve" never counts
  // (or destroys) something off screen.
  React.useEffect(() => {
    const shown = new Set(visible.map((i) => snapshot.items[i].key));
    setSelected((current) =>
      [...current].every((key) => shown.has(key)) ? current : new Set([...current].filter((key) => shown.has(key)))
    );
  }, [visible, snapshot.items]);

  const set = (change: Partial<QueueFilter>): void => setFilter((current) => ({ ...current, ...change }));
  const itemAt = (index: number): QueueItem => snapshot.items[visible[index]];
  const toggle = (key: string): void =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const open = (key: string | undefined): void => {
    setOpenKey(key);
    props.onItemOpened?.(key);
  };
  const selectAllShown = (): void => setSelected(new Set(visible.map((i) => snapshot.items[i].key)));

  const act = (kind: DecisionKind, items: QueueItem[]): void => setDecision({ kind, items, open: true, opened: ++openings.current });
  const none = selection.length === 0;

  return (
    <div className={styles.root}>
      <div className={styles.filters} role="search" aria-label="Filter the queue">
        <Field label="Search" className={styles.wide}>
          <Input
            type="search"
            value={filter.text}
            onChange={(_, data) => set({ text: data.value })}
            placeholder="Name, label, site, asset id…"
          />
        </Field>
        <Field label="Label">
          <Select value={filter.label} onChange={(_, data) => set({ label: data.value })}>
            <option value="">Any label</option>
            {facets.labels.map((label) => (
              <option key={label} value={label}>
                {label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Site">
          <Select value={filter.siteId} onChange={(_, data) => set({ siteId: data.value })}>
            <option value="">Any site</option>
            {facets.sites.map((site) => (
              <option key={site.id} value={site.id}>
                {site.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Stage">
          <Select value={filter.stage} onChange={(_, data) => set({ stage: data.value })}>
            <option value="">Any stage</option>
            {Array.from({ length: facets.maxStage }, (_, i) => (
              <option key={i + 1} value={String(i + 1)}>
                Stage {i + 1}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Holds">
          <Select value={filter.hold} onChange={(_, data) => set({ hold: data.value as QueueFilter['hold'] })}>
            <option value="">Held or not</option>
            <option value="held">On hold</option>
            <option value="notHeld">Not on hold</option>
          </Select>
        </Field>
        <Field label="Retention ended from">
          <Input type="date" value={filter.endedFrom} onChange={(_, data) => set({ endedFrom: data.value })} />
        </Field>
        <Field label="Retention ended to">
          <Input type="date" value={filter.endedTo} onChange={(_, data) => set({ endedTo: data.value })} />
        </Field>
        <Button onClick={() => setFilter(emptyQueueFilter)}>Clear filters</Button>
      </div>

      <div className={styles.summary}>
        <Text role="status" aria-live="polite" data-testid="queue-summary">
          {`Showing ${plural(visible.length, 'item')} of ${snapshot.items.length.toLocaleString('en-GB')} waiting for review · ${selection.length.toLocaleString('en-GB')} selected`}
        </Text>
        <Caption1>{`As of ${formatDate(snapshot.now)} · ${snapshot.indexedCount.toLocaleString('en-GB')} items indexed`}</Caption1>
      </div>

      {/* A group of buttons, not Fluent's Toolbar: its arrow navigation adds focusable aria-hidden guards (see src/ui/common/Tabs). */}
      <div role="group" aria-label="Decide on the selected items" className={styles.toolbar}>
        <Button {...opensDialog} disabled={none} onClick={() => act('approve', selection)}>
          Approve
        </Button>
        <Button {...opensDialog} disabled={none} onClick={() => act('relabel', selection)}>
          Relabel
        </Button>
        <Button {...opensDialog} disabled={none} onClick={() => act('extend', selection)}>
          Extend
        </Button>
        <Button {...opensDialog} disabled={none} onClick={() => act('addReviewer', selection)}>
          Add reviewer
        </Button>
        <Button {...opensDialog} disabled={none} onClick={() => setHolding(selection)}>
          Place on hold
        </Button>
        <Button disabled={visible.length === 0} onClick={selectAllShown}>
          Select all shown
        </Button>
        <Button disabled={none} onClick={() => setSelected(new Set())}>
          Clear selection
        </Button>
      </div>

      <div className={styles.body}>
        <div className={styles.list}>
          {visible.length === 0 ? (
            <EmptyState title={snapshot.items.length === 0 ? 'Nothing waits for review' : 'No item matches the filters'}>
              {snapshot.items.length === 0
                ? 'No item has reached the end of its retention with a label that asks for a review. The forecast shows when the next ones will.'
                : 'Change or clear the filters to see more of the queue.'}
            </EmptyState>
          ) : (
            <VirtualList
              count={visible.length}
              rowHeight={rowHeight}
              height={props.listHeight ?? 540}
              label="Items waiting for review"
              idPrefix="custodian-queue"
              rowKey={(index) => itemAt(index).key}
              activeIndex={activeIndex}
              onActiveChange={(index) => setActiveKey(itemAt(index).key)}
              isSelected={(index) => selected.has(itemAt(index).key)}
              onToggle={(index) => toggle(itemAt(index).key)}
              onOpen={(index) => open(itemAt(index).key)}
              onSelectAll={selectAllShown}
              renderRow={(index) => <QueueRow item={itemAt(index)} selected={selected.has(itemAt(index).key)} />}
            />
          )}
          <Caption1>Arrow keys move, Space selects, Enter opens the details, Ctrl+A selects every item shown.</Caption1>
        </div>
        <aside className={styles.details} aria-label="Item details">
          {openKey ? (
            <ItemPanel
              itemKey={openKey}
              queued={byKey.get(openKey)}
              services={services}
              now={snapshot.now}
              snapshot={snapshot}
              labels={snapshot.labels}
              onDecide={(kind, item) => act(kind, [item])}
              onHold={(item) => setHolding([item])}
              onClose={() => open(undefined)}
              shareItemLink={props.shareItemLink}
              itemHref={props.itemHref}
            />
          ) : (
            <EmptyState title="No item open" headingLevel={2}>
              Choose an item in the queue (Enter, or a click) to see its metadata, label, location and history.
            </EmptyState>
          )}
        </aside>
      </div>

      {decision ? (
        <DecisionDialog
          key={`decision-${decision.opened}`}
          open={decision.open}
          kind={decision.kind}
          items={decision.items}
          labels={snapshot.labels}
          now={snapshot.now}
          services={services}
          onClose={(changed) => {
            setDecision({ ...decision, open: false });
            if (changed) props.onChanged();
          }}
        />
      ) : null}
      {holding ? (
        <HoldItemsDialog
          key={`hold-${holding.opened}`}
          open={holding.open}
          items={holding.items}
          services={services}
          onClose={(changed) => {
            setHoldingState({ ...holding, open: false });
            if (changed) props.onChanged();
          }}
        />
      ) : null}
    </div>
  );
}

function QueueRow({ item, selected }: { item: QueueItem; selected: boolean }): React.ReactElement {
  const styles = useStyles();
  const stage = item.stages[item.currentStage - 1];
  return (
    <>
      <span data-toggle="" aria-hidden="true" className={selected ? `${styles.check} ${styles.checked}` : styles.check}>
        {selected ? '✓' : ''}
      </span>
      <span className={styles.rowText}>
        <span className={styles.rowName}>{item.name}</span>
        <Caption1 className={styles.rowMeta}>{`${item.labelName} · ${item.siteName} / ${item.libraryName}`}</Caption1>
      </span>
      <span className={styles.rowSide}>
        <Caption1>{`Stage ${item.currentStage} of ${item.stages.length}${stage ? `: ${stage.name}` : ''}`}</Caption1>
        <span>
          {item.holds.length > 0 ? (
            <Badge appearance="tint" color="danger">
              On hold
            </Badge>
          ) : null}{' '}
          {item.status === 'extended' ? (
            <Badge appearance="tint" color="warning">
              Extended
            </Badge>
          ) : null}{' '}
          {item.interruptedDisposal ? (
            // Its final approval did not finish: the item is still there, and approving it again disposes of it.
            <Badge appearance="tint" color="warning" title="Its disposal did not finish: approve it again to finish it.">
              Disposal interrupted
            </Badge>
          ) : null}{' '}
          <Caption1>{`Ended ${formatDate(item.retentionEndedAt)}`}</Caption1>
        </span>
      </span>
    </>
  );
}
