import * as React from 'react';
import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { LibraryCoverageSoFar } from './FilePlanServices';

/** The chart's segments: together they are every item of a library, each counted once. */
export const coverageSeries = [
  { key: 'records', title: 'Records', colour: tokens.colorPaletteBerryForeground1, value: (c: LibraryCoverageSoFar) => c.records },
  {
    key: 'labelledNotRecord',
    title: 'Labelled, not records',
    colour: tokens.colorPaletteGreenForeground1,
    value: (c: LibraryCoverageSoFar) => c.labelled - c.records
  },
  { key: 'unlabelled', title: 'Unlabelled', colour: tokens.colorNeutralStrokeAccessible, value: (c: LibraryCoverageSoFar) => c.unlabelled }
] as const;

/** A whole percentage; 0 of 0 is 0%. */
export function percentOf(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 100);
}

const useStyles = makeStyles({
  figure: { margin: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  legend: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL, margin: 0, padding: 0, listStyleType: 'none' },
  swatch: {
    display: 'inline-block',
    width: '12px',
    height: '12px',
    marginRight: tokens.spacingHorizontalXS,
    verticalAlign: 'middle',
    borderRadius: tokens.borderRadiusSmall
  },
  svg: { width: '100%', maxWidth: '900px', height: 'auto', overflow: 'visible' },
  text: { fill: tokens.colorNeutralForeground1, fontFamily: tokens.fontFamilyBase, fontSize: '12px' }
});

const rowHeight = 28;
const labelWidth = 180;
const barWidth = 560;
const countWidth = 120;

/** One sentence per library, for screen readers: the chart's text alternative. */
export function describeCoverage(coverage: readonly LibraryCoverageSoFar[]): string {
  return coverage
    .map(
      (c) =>
        `${c.name}: ${c.items} item${c.items === 1 ? '' : 's'}, ` +
        coverageSeries.map((s) => `${s.value(c)} ${s.title.toLowerCase()} (${percentOf(s.value(c), c.items)}%)`).join(', ')
    )
    .join('. ');
}

/**
 * A stacked bar per library (records, labelled, unlabelled, as shares of its items). The SVG is one image to
 * assistive technology, named by its caption and described by the same figures in words; the data table the
 * caller offers beside it holds the numbers.
 */
export function CoverageChart({ coverage }: { coverage: readonly LibraryCoverageSoFar[] }): React.ReactElement {
  const styles = useStyles();
  const height = coverage.length * rowHeight + 4;
  const width = labelWidth + barWidth + countWidth;
  return (
    <figure className={styles.figure}>
      <svg
        className={styles.svg}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby="custodian-coverage-chart-title custodian-coverage-chart-desc"
        data-testid="coverage-chart"
      >
        <title id="custodian-coverage-chart-title">Labelling coverage per library</title>
        <desc id="custodian-coverage-chart-desc">{describeCoverage(coverage)}</desc>
        {coverage.map((c, row) => {
          const y = row * rowHeight + 2;
          let x = labelWidth;
          return (
            <g key={c.libraryId}>
              <text x={labelWidth - 8} y={y + rowHeight / 2} textAnchor="end" dominantBaseline="middle" className={styles.text}>
                {c.name.length > 26 ? `${c.name.slice(0, 25)}…` : c.name}
              </text>
              <rect x={labelWidth} y={y + 4} width={barWidth} height={rowHeight - 8} style={{ fill: tokens.colorNeutralBackground3 }} />
              {coverageSeries.map((s) => {
                const w = c.items === 0 ? 0 : (s.value(c) / c.items) * barWidth;
                const rect = <rect key={s.key} x={x} y={y + 4} width={w} height={rowHeight - 8} style={{ fill: s.colour }} />;
                x += w;
                return rect;
              })}
              <text x={labelWidth + barWidth + 8} y={y + rowHeight / 2} dominantBaseline="middle" className={styles.text}>
                {percentOf(c.labelled, c.items)}% of {c.items.toLocaleString()}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className={styles.legend} aria-label="Legend">
          {coverageSeries.map((s) => (
            <li key={s.key}>
              <span className={styles.swatch} style={{ backgroundColor: s.colour }} aria-hidden />
              <Caption1>{s.title}</Caption1>
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
