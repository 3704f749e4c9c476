import * as React from 'react';
import { Caption1, Subtitle2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { formatDateTime } from '../common/dates';
import { describeRecordState, describeRetentionEnd } from './formatting';
import type { RecordStatus } from './model';

export interface StatusCardProps {
  status: RecordStatus;
  /** "document" or "email": used in the heading. */
  noun?: string;
  locale?: string;
}

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    minWidth: 0
  },
  title: { margin: 0 },
  badge: {
    display: 'inline-block',
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusCircular,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold
  },
  locked: { backgroundColor: tokens.colorPaletteRedBackground1, color: tokens.colorPaletteRedForeground1 },
  unlocked: { backgroundColor: tokens.colorPaletteYellowBackground1, color: tokens.colorNeutralForeground1 },
  list: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    overflowWrap: 'anywhere'
  },
  term: { fontWeight: tokens.fontWeightSemibold, marginTop: tokens.spacingVerticalXS },
  value: { marginLeft: 0 }
});

/** What the item is now: classification, retention label, record and lock state, who labelled it and when, when retention ends. */
export function StatusCard({ status, noun = 'document', locale }: StatusCardProps): React.ReactElement {
  const styles = useStyles();
  const label = status.retentionLabel;
  const isRecord = status.state.behavior === 'retainAsRecord' || status.state.behavior === 'retainAsRegulatoryRecord';
  const rows: { term: string; value: React.ReactNode }[] = [
    {
      term: 'Classification',
      value:
        status.classification === undefined ? 'Could not be read' : status.classification === null ? 'None' : status.classification.name
    },
    {
      term: 'Retention label',
      value: label ? `${label.name}${label.isExplicit === false ? ' (from the library default)' : ''}` : 'None'
    },
    {
      term: 'Record',
      value: (
        <>
          {describeRecordState(status.state)}{' '}
          {isRecord ? (
            <span className={mergeClasses(styles.badge, status.state.isLocked ? styles.locked : styles.unlocked)}>
              {status.state.isLocked ? 'Locked' : 'Unlocked'}
            </span>
          ) : null}
        </>
      )
    }
  ];
  if (label && (label.appliedBy || label.appliedAt)) {
    rows.push({
      term: 'Labelled',
      value: [
        label.appliedBy ? `by ${label.appliedBy}` : undefined,
        label.appliedAt ? `on ${formatDateTime(label.appliedAt, locale)}` : undefined
      ]
        .filter(Boolean)
        .join(' ')
    });
  }
  if (label)
    rows.push({ term: 'Retention ends', value: status.retentionEnd ? describeRetentionEnd(status.retentionEnd, locale) : 'Not known' });

  return (
    <section className={styles.card} aria-labelledby="custodian-status-title" data-testid="status-card">
      <Subtitle2 as="h2" id="custodian-status-title" className={styles.title}>
        This {noun}: {status.itemName}
      </Subtitle2>
      {status.location ? <Caption1>In {status.location}</Caption1> : null}
      <dl className={styles.list}>
        {rows.map((row) => (
          <React.Fragment key={row.term}>
            <dt className={styles.term}>{row.term}</dt>
            <dd className={styles.value}>{row.value}</dd>
          </React.Fragment>
        ))}
      </dl>
    </section>
  );
}
