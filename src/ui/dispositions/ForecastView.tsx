import * as React from 'react';
import {
  Caption1,
  Card,
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
import { AsyncView, useAsync } from '../common';
import { formatMonth } from '../common/dates';
import { plural } from './formatting';
import type { DispositionForecastMonth } from '../../core/services/forecast/forecastDispositions';
import type { DispositionsServices } from './DispositionsServices';

export interface ForecastViewProps {
  services: DispositionsServices;
  version: number;
}

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  figure: { margin: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  svg: { width: '100%', maxWidth: '960px', height: 'auto', color: tokens.colorNeutralForeground1 },
  legend: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap', margin: 0, padding: 0, listStyleType: 'none' },
  swatch: { display: 'inline-block', width: '12px', height: '12px', marginRight: tokens.spacingHorizontalXS, verticalAlign: 'middle' },
  review: { fill: tokens.colorBrandBackground, backgroundColor: tokens.colorBrandBackground },
  delete: { fill: tokens.colorPaletteMarigoldBorderActive, backgroundColor: tokens.colorPaletteMarigoldBorderActive },
  none: { fill: tokens.colorNeutralForeground3, backgroundColor: tokens.colorNeutralForeground3 },
  axis: { stroke: tokens.colorNeutralStroke1 },
  text: { fill: 'currentColor', fontSize: '12px' }
});

const series = [
  { key: 'review', name: 'Disposition review (this queue)' },
  { key: 'delete', name: 'Deleted automatically' },
  { key: 'none', name: 'Nothing happens' }
] as const;

/** Items reaching the end of retention per month for the next 12 months: a chart, with the same figures as a table. */
export function ForecastView({ services, version }: ForecastViewProps): React.ReactElement {
  const styles = useStyles();
  const [forecast, reload] = useAsync((signal) => services.forecast(12, signal), [services, version]);
  const [asTable, setAsTable] = React.useState(false);
  return (
    <Card className={styles.card}>
      <Subtitle2 as="h2" id="custodian-forecast-title">
        Retention ending in the next 12 months
      </Subtitle2>
      <AsyncView
        state={forecast}
        loadingLabel="Counting upcoming expiries"
        errorWhat="Custodian could not compute the forecast."
        onRetry={reload}
      >
        {(months) => (
          <>
            <Switch checked={asTable} onChange={(_, data) => setAsTable(data.checked)} label="Show as a table" />
            {asTable ? <ForecastTable months={months} /> : <ForecastChart months={months} />}
          </>
        )}
      </AsyncView>
    </Card>
  );
}

function ForecastChart({ months }: { months: DispositionForecastMonth[] }): React.ReactElement {
  const styles = useStyles();
  const width = 960;
  const height = 300;
  const left = 48;
  const bottom = 40;
  const top = 24;
  const plot = height - bottom - top;
  const max = Math.max(1, ...months.map((m) => m.total));
  const slot = (width - left) / Math.max(1, months.length);
  const bar = slot * 0.6;
  const total = months.reduce((sum, m) => sum + m.total, 0);
  const busiest = months.reduce<DispositionForecastMonth | undefined>((best, m) => (!best || m.total > best.total ? m : best), undefined);
  const summary = `${plural(total, 'item')} reach the end of retention over the next ${months.length} months${busiest && busiest.total > 0 ? `; the most in ${formatMonth(busiest.month)} (${busiest.total})` : ''}.`;
  return (
    <figure className={styles.figure}>
      <svg
        className={styles.svg}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby="custodian-forecast-title custodian-forecast-summary"
      >
        <line className={styles.axis} x1={left} y1={top + plot} x2={width} y2={top + plot} />
        <text className={styles.text} x={left - 8} y={top + 4} textAnchor="end">
          {max}
        </text>
        <text className={styles.text} x={left - 8} y={top + plot} textAnchor="end">
          0
        </text>
        {months.map((m, i) => {
          const x = left + i * slot + (slot - bar) / 2;
          let y = top + plot;
          return (
            <g key={m.month}>
              {series.map((s) => {
                const h = (m[s.key] / max) * plot;
                y -= h;
                return h > 0 ? <rect key={s.key} className={styles[s.key]} x={x} y={y} width={bar} height={h} /> : null;
              })}
              <text className={styles.text} x={x + bar / 2} y={top + plot - (m.total / max) * plot - 6} textAnchor="middle">
                {m.total}
              </text>
              <text className={styles.text} x={x + bar / 2} y={height - bottom + 18} textAnchor="middle">
                {formatMonth(m.month)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <Caption1 id="custodian-forecast-summary">{summary}</Caption1>
        <ul className={styles.legend} aria-label="Legend">
          {series.map((s) => (
            <li key={s.key}>
              <span className={`${styles.swatch} ${styles[s.key]}`} aria-hidden="true" />
              {s.name}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

function ForecastTable({ months }: { months: DispositionForecastMonth[] }): React.ReactElement {
  return (
    <Table aria-label="Retention ending per month" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Month</TableHeaderCell>
          <TableHeaderCell>Total</TableHeaderCell>
          {series.map((s) => (
            <TableHeaderCell key={s.key}>{s.name}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {months.map((m) => (
          <TableRow key={m.month}>
            <TableCell>{formatMonth(m.month)}</TableCell>
            <TableCell>{m.total}</TableCell>
            {series.map((s) => (
              <TableCell key={s.key}>{m[s.key]}</TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
