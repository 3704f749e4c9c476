import * as React from 'react';
import {
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
import { AsyncView, useAsync } from '../common';
import { plural } from './formatting';
import type { QueueItem } from '../../core/services/disposition/DispositionQueue';
import type { DispositionsServices } from './DispositionsServices';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  cell: { overflowWrap: 'anywhere' },
  tableWrap: { overflowX: 'auto' },
  // It scrolls, so it takes focus (tabIndex 0) for the keyboard to scroll it (WCAG 2.1.1).
  items: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: '160px', overflowY: 'auto' }
});

export interface LegalHoldsSectionProps {
  services: DispositionsServices;
  /** The review queue: each hold shows the items it keeps from disposal. */
  queueItems: readonly QueueItem[];
}

/**
 * The eDiscovery legal holds of open cases (managed in Purview, read here), with the items in review each one holds,
 * so the "On hold" marks of the queue can be traced to a hold on this tab.
 */
export function LegalHoldsSection({ services, queueItems }: LegalHoldsSectionProps): React.ReactElement {
  const styles = useStyles();
  const [holds, reload] = useAsync((signal) => services.legalHolds(signal), [services]);
  const heldBy = (holdId: string): QueueItem[] =>
    queueItems.filter((item) => item.holds.some((hold) => hold.source === 'ediscovery' && hold.id === holdId));
  return (
    <section className={styles.root} aria-labelledby="custodian-legal-holds">
      <Subtitle2 as="h2" id="custodian-legal-holds">
        eDiscovery legal holds
      </Subtitle2>
      <Text>
        Managed in Microsoft Purview (eDiscovery cases). Every item on a held site is kept from disposal until the hold is released there.
      </Text>
      <AsyncView
        state={holds}
        loadingLabel="Reading the eDiscovery holds"
        errorWhat="Custodian could not read the eDiscovery holds."
        onRetry={reload}
      >
        {(list) =>
          list.length === 0 ? (
            <Text>No open eDiscovery case has a legal hold.</Text>
          ) : (
            <div className={styles.tableWrap}>
              <Table aria-label="eDiscovery legal holds" size="small">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Hold</TableHeaderCell>
                    <TableHeaderCell>Case</TableHeaderCell>
                    <TableHeaderCell>Sites</TableHeaderCell>
                    <TableHeaderCell>Items in review it holds</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {list.map((hold) => {
                    const items = heldBy(hold.holdId);
                    return (
                      <TableRow key={hold.holdId} data-testid={`legal-hold-${hold.holdId}`}>
                        <TableCell className={styles.cell}>
                          {hold.name}
                          {hold.contentQuery ? <Text block size={200}>{`Query: ${hold.contentQuery}`}</Text> : null}
                        </TableCell>
                        <TableCell className={styles.cell}>{hold.caseName}</TableCell>
                        <TableCell className={styles.cell}>{hold.sites.length ? hold.sites.join(', ') : 'No SharePoint site'}</TableCell>
                        <TableCell className={styles.cell}>
                          {items.length === 0 ? (
                            'None'
                          ) : (
                            <details>
                              <summary>{plural(items.length, 'item')}</summary>
                              <ul className={styles.items} aria-label={`Items held by ${hold.name}`} tabIndex={0}>
                                {items.map((item) => (
                                  <li key={item.key}>{item.name}</li>
                                ))}
                              </ul>
                            </details>
                          )}
                        </TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </div>
          )
        }
      </AsyncView>
    </section>
  );
}
