import * as React from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens
} from '@fluentui/react-components';
import type { SiteLabel } from './FilePlanServices';
import { describeBasedOn, describeDuration, describeEndAction, describeLockDefault, recordKindOf, recordKindText } from './labelSettings';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'minmax(140px, max-content) 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    overflowWrap: 'anywhere'
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0 }
});

/** Everything the file plan says about one label: settings, descriptors and both descriptions. */
export function LabelDetailsDialog({ entry, open, onClose }: { entry: SiteLabel; open: boolean; onClose: () => void }): React.ReactElement {
  const styles = useStyles();
  const { label } = entry;
  const d = label.descriptors;
  const stages = label.retention?.dispositionStages ?? [];
  const rows: [string, string][] = [
    ['Description for users', label.descriptionForUsers ?? ''],
    ['Description for admins', label.descriptionForAdmins ?? ''],
    ['Published to this site', entry.availableToSite ? 'Yes' : 'No'],
    ['Based on', describeBasedOn(label)],
    ['Retention duration', describeDuration(label)],
    ['Is record', recordKindText[recordKindOf(label)]],
    ['Record lock', describeLockDefault(label)],
    ['At the end', describeEndAction(label)],
    ...stages.map((stage, i): [string, string] => [`Review stage ${i + 1}`, `${stage.name}: ${stage.reviewers.join(', ')}`]),
    ['Reference ID', d.referenceId ?? ''],
    ['Department', d.department ?? ''],
    ['Category', d.category ?? ''],
    ['Sub-category', d.subCategory ?? ''],
    ['Authority type', d.authority ?? ''],
    ['Provision / citation', d.citation ? [d.citation.name, d.citation.jurisdiction, d.citation.url].filter(Boolean).join(' · ') : '']
  ];
  return (
    <Dialog open={open} onOpenChange={(_e, data) => (data.open ? undefined : onClose())}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{label.name}</DialogTitle>
          <DialogContent>
            <dl className={styles.list}>
              {rows
                .filter(([, value]) => value !== '')
                .map(([term, value]) => (
                  <React.Fragment key={term}>
                    <dt className={styles.term}>{term}</dt>
                    <dd className={styles.value}>{value}</dd>
                  </React.Fragment>
                ))}
            </dl>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>
              Close
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
