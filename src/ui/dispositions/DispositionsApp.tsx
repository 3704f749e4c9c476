import * as React from 'react';
import { Body1, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { AsyncView, LoadingState, formatDateTime, useAsync, type AsyncState } from '../common';
import { EventsView } from './EventsView';
import { ForecastView } from './ForecastView';
import { HoldsView } from './HoldsView';
import { ProofView, usePrintStyles } from './ProofView';
import { QueueView } from './QueueView';
import { SearchView } from './SearchView';
import { Tabs } from '../common/Tabs';
import type { QueueSnapshot } from '../../core/services/disposition/DispositionQueue';
import type { DispositionsServices } from './DispositionsServices';

export const dispositionTabs = ['queue', 'holds', 'events', 'proof', 'forecast', 'search'] as const;
export type DispositionTab = (typeof dispositionTabs)[number];

const tabNames: Record<DispositionTab, string> = {
  queue: 'Queue',
  holds: 'Holds',
  events: 'Retention events',
  proof: 'Proof',
  forecast: 'Forecast',
  search: 'Information requests'
};

export interface DispositionsAppProps {
  services: DispositionsServices;
  /** The item a deep link names (Teams `subPageId`, or `?item=` in demo mode). */
  initialItemKey?: string;
  /** Tells the host which item is open, so it can keep its own link current (demo: the address bar). */
  onItemOpened?(key: string | undefined): void;
  /** Shares a link to an item through the host (Teams: `pages.shareDeepLink`); absent where the host cannot. */
  shareItemLink?(item: { key: string; name: string }): void;
  /** A link to an item the person can copy (demo mode); absent in Teams, where the host shares links. */
  itemHref?(key: string): string;
  /** Shown above the tabs: the demo banner. */
  banner?: React.ReactNode;
  /** Bumped by the host when the data changed under the app (the demo clock moved): the queue reloads. */
  dataVersion?: number;
}

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground2,
    minHeight: '100vh',
    boxSizing: 'border-box'
  },
  header: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS }
});

/**
 * The records manager's tab: the queue of items whose retention has ended and whose label asks for review, the
 * review itself, holds, retention events, the proof register, a forecast and information requests.
 */
export function DispositionsApp(props: DispositionsAppProps): React.ReactElement {
  const { services, dataVersion = 0 } = props;
  const styles = useStyles();
  usePrintStyles();
  const [tab, setTab] = React.useState<DispositionTab>('queue');
  const [version, setVersion] = React.useState(0);
  const [queue, reload] = useAsync((signal) => services.loadQueue(signal), [services, dataVersion, version]);
  const changed = React.useCallback(() => setVersion((v) => v + 1), []);
  // While the queue is read again (after a decision), the last one stays on screen with its filters and selection.
  // Opening the tab, that is the queue last read on this device (the index's store keeps it), marked with its time.
  const [last, setLast] = React.useState<{ snapshot: QueueSnapshot; kept: boolean } | undefined>();
  React.useEffect(() => {
    if (queue.status === 'ready') setLast({ snapshot: queue.data, kept: false });
  }, [queue]);
  React.useEffect(() => {
    let live = true;
    services.lastQueue?.().then(
      (kept) => {
        if (live && kept) setLast((current) => current ?? { snapshot: kept, kept: true });
      },
      () => undefined
    );
    return () => {
      live = false;
    };
  }, [services]);
  const shown: AsyncState<QueueSnapshot> = queue.status === 'loading' && last ? { status: 'ready', data: last.snapshot } : queue;
  const refreshing = queue.status === 'loading' && last !== undefined;
  const refreshingLabel = last?.kept
    ? `Showing the queue as it was at ${formatDateTime(last.snapshot.now)}; reading the current one`
    : 'Refreshing the queue';
  const [openKey, setOpenKey] = React.useState<string | undefined>(props.initialItemKey);
  const { onItemOpened } = props;
  const opened = React.useCallback(
    (key: string | undefined) => {
      setOpenKey(key);
      onItemOpened?.(key);
    },
    [onItemOpened]
  );

  return (
    <main className={styles.root} aria-labelledby="custodian-dispositions-title">
      <header className={styles.header} data-print-hide="">
        <Title2 as="h1" id="custodian-dispositions-title">
          Dispositions
        </Title2>
        <Body1>Items whose retention has ended and whose label asks for a review, with holds, events and proof of disposal.</Body1>
      </header>
      {props.banner ? <div data-print-hide="">{props.banner}</div> : null}
      <div data-print-hide="">
        <Tabs<DispositionTab>
          label="Dispositions views"
          idPrefix="custodian"
          tabs={dispositionTabs.map((value) => ({ value, title: tabNames[value] }))}
          selected={tab}
          onSelect={setTab}
        />
      </div>
      <section role="tabpanel" id={`custodian-panel-${tab}`} aria-labelledby={`custodian-tab-${tab}`} aria-busy={refreshing}>
        {refreshing && tab === 'queue' ? <LoadingState label={refreshingLabel} /> : null}
        {tab === 'queue' ? (
          <AsyncView state={shown} loadingLabel="Reading the queue" errorWhat="Custodian could not read the queue." onRetry={reload}>
            {(snapshot) => (
              <QueueView
                snapshot={snapshot}
                services={services}
                initialItemKey={openKey}
                onItemOpened={opened}
                shareItemLink={props.shareItemLink}
                itemHref={props.itemHref}
                onChanged={changed}
              />
            )}
          </AsyncView>
        ) : null}
        {tab === 'holds' ? (
          <AsyncView state={shown} loadingLabel="Reading the queue" errorWhat="Custodian could not read the queue." onRetry={reload}>
            {(snapshot) => <HoldsView services={services} sites={snapshot.sites} queueItems={snapshot.items} onChanged={changed} />}
          </AsyncView>
        ) : null}
        {tab === 'events' ? <EventsView services={services} onChanged={changed} /> : null}
        {tab === 'proof' ? <ProofView services={services} version={version + dataVersion} /> : null}
        {tab === 'forecast' ? <ForecastView services={services} version={version + dataVersion} /> : null}
        {tab === 'search' ? (
          <AsyncView
            state={queue}
            loadingLabel="Reading the file plan"
            errorWhat="Custodian could not read the file plan."
            onRetry={reload}
          >
            {(snapshot) => <SearchView services={services} labels={snapshot.labels} />}
          </AsyncView>
        ) : null}
      </section>
    </main>
  );
}
