import * as React from 'react';
import {
  Button,
  Caption1,
  Subtitle2,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens
} from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { AsyncView } from '../common/AsyncView';
import { EmptyState } from '../common/EmptyState';
import { useAsync } from '../common/useAsync';
import { CoverageChart, coverageSeries, percentOf } from './CoverageChart';
import type { FilePlanServices, LibraryCoverage, LibraryCoverageSoFar } from './FilePlanServices';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  heading: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM },
  tableWrap: { overflowX: 'auto' },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' }
});

export interface CoverageTabProps {
  services: FilePlanServices;
  /** Changes when labels were applied elsewhere in the app, so the figures are read again. */
  version: number;
}

/** Per library: items, labelled, unlabelled, records, locked records and drift from the default, as a chart and a table. */
export function CoverageTab({ services, version }: CoverageTabProps): React.ReactElement {
  const styles = useStyles();
  // The files' counts arrive first; locked records need a request per record and follow (seconds at 24,000 items).
  const [soFar, setSoFar] = React.useState<LibraryCoverageSoFar[] | undefined>();
  const [state, reload] = useAsync(
    (signal) => {
      setSoFar(undefined);
      return services.loadCoverage({ signal, onFilesCounted: (coverage) => !signal.aborted && setSoFar(coverage) });
    },
    [services, version]
  );
  const shown = state.status === 'loading' && soFar ? ({ status: 'ready', data: soFar } as const) : state;
  return (
    <div className={styles.root}>
      <div className={styles.heading}>
        <Subtitle2 as="h3">Coverage</Subtitle2>
        <Button icon={<ArrowClockwiseRegular />} size="small" onClick={reload} disabledFocusable={state.status === 'loading'}>
          Refresh
        </Button>
      </div>
      <Caption1>
        Drift counts the files whose label is not their library&apos;s default, unlabelled files included (only for libraries with a
        default).
      </Caption1>
      <AsyncView
        state={shown}
        loadingLabel="Counting labels in every library"
        errorWhat="Custodian couldn't count the labels."
        onRetry={reload}
      >
        {(coverage) => <CoverageView coverage={coverage} />}
      </AsyncView>
    </div>
  );
}

const columns: { key: keyof LibraryCoverage & keyof LibraryCoverageSoFar; title: string }[] = [
  { key: 'items', title: 'Items' },
  { key: 'labelled', title: 'Labelled' },
  { key: 'unlabelled', title: 'Unlabelled' },
  { key: 'records', title: 'Records' },
  { key: 'lockedRecords', title: 'Locked records' },
  { key: 'drift', title: 'Drift' }
];

/** A figure, or a word while it is still being counted (locked records, after the rest). */
const figure = (value: number | string | null | undefined): string => (typeof value === 'number' ? value.toLocaleString() : 'Counting…');

function CoverageView({ coverage }: { coverage: readonly LibraryCoverageSoFar[] }): React.ReactElement {
  const styles = useStyles();
  const [chartAsTable, setChartAsTable] = React.useState(false);
  if (coverage.length === 0) {
    return (
      <EmptyState title="No libraries to count" headingLevel={4}>
        This site has no document libraries.
      </EmptyState>
    );
  }
  const totals = columns.reduce<Record<string, number | undefined>>((sum, c) => {
    sum[c.key] = coverage.some((row) => row[c.key] === undefined) ? undefined : coverage.reduce((n, row) => n + Number(row[c.key]), 0);
    return sum;
  }, {});
  const counting = coverage.some((row) => row.lockedRecords === undefined);
  return (
    <>
      <Switch label="Show the chart as a table" checked={chartAsTable} onChange={(_e, data) => setChartAsTable(data.checked)} />
      {chartAsTable ? <ChartDataTable coverage={coverage} /> : <CoverageChart coverage={coverage} />}
      <div className={styles.tableWrap}>
        {/* Announced once, when the last figures arrive (the table itself is not a live region). */}
        <Caption1 role="status">{counting ? 'Counting the locked records…' : ''}</Caption1>
        <Table aria-label="Coverage per library" size="small" data-testid="coverage-table" aria-busy={counting}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Library</TableHeaderCell>
              <TableHeaderCell>Default label</TableHeaderCell>
              {columns.map((c) => (
                <TableHeaderCell key={c.key} className={styles.number}>
                  {c.title}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {coverage.map((row) => (
              <TableRow key={row.libraryId} data-testid={`coverage-${row.name}`}>
                <TableCell>{row.name}</TableCell>
                <TableCell>{row.defaultRetentionLabel ?? 'None'}</TableCell>
                {columns.map((c) => (
                  <TableCell key={c.key} className={styles.number} data-column={c.key}>
                    {figure(row[c.key])}
                  </TableCell>
                ))}
              </TableRow>
            ))}
            <TableRow>
              <TableCell>
                <strong>All libraries</strong>
              </TableCell>
              <TableCell />
              {columns.map((c) => (
                <TableCell key={c.key} className={styles.number}>
                  <strong>{figure(totals[c.key])}</strong>
                </TableCell>
              ))}
            </TableRow>
          </TableBody>
        </Table>
      </div>
    </>
  );
}

/** The chart's own figures (shares of each library's items), for people who cannot see or read the chart. */
function ChartDataTable({ coverage }: { coverage: readonly LibraryCoverageSoFar[] }): React.ReactElement {
  const styles = useStyles();
  const series = coverageSeries;
  return (
    <div className={styles.tableWrap}>
      <Table aria-label="Chart data: share of each library's items" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Library</TableHeaderCell>
            {series.map((s) => (
              <TableHeaderCell key={s.key} className={styles.number}>
                {s.title}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {coverage.map((row) => (
            <TableRow key={row.libraryId}>
              <TableCell>{row.name}</TableCell>
              {series.map((s) => (
                <TableCell key={s.key} className={styles.number}>
                  {s.value(row).toLocaleString()} ({percentOf(s.value(row), row.items)}%)
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
