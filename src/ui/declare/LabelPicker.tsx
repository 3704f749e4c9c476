import * as React from 'react';
import { Body1, Caption1, Radio, RadioGroup, SearchBox, Subtitle2, makeStyles, tokens, useId } from '@fluentui/react-components';
import type { FilePlanLabel } from '../../core/domain/filePlanLabel';
import { labelSummary } from '../common/labelWords';
import { groupLabels } from './labelSearch';

export interface LabelPickerProps {
  labels: readonly FilePlanLabel[];
  /** The chosen label's name. */
  value: string | undefined;
  onChange: (labelName: string) => void;
  /** The label the item carries now, marked in the list. */
  currentLabelName?: string;
  disabled?: boolean;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  department: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, marginTop: tokens.spacingVerticalS },
  heading: { margin: 0 },
  category: { margin: 0, color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightSemibold },
  option: { display: 'flex', flexDirection: 'column', overflowWrap: 'anywhere', minWidth: 0 },
  description: { paddingLeft: '32px', color: tokens.colorNeutralForeground2 }
});

/**
 * Chooses a retention label from the file plan, grouped department → category with each label's user
 * description, and a search over names, descriptions and descriptors. One radio set: Tab reaches the chosen
 * label, arrow keys move between labels.
 */
export function LabelPicker({ labels, value, onChange, currentLabelName, disabled }: LabelPickerProps): React.ReactElement {
  const styles = useStyles();
  const [query, setQuery] = React.useState('');
  const baseId = useId('label-picker');
  const titleId = `${baseId}-title`;
  const groups = React.useMemo(() => groupLabels(labels, query), [labels, query]);
  const count = groups.reduce((n, d) => n + d.categories.reduce((m, c) => m + c.labels.length, 0), 0);
  const radioName = `${baseId}-label`;

  return (
    <section className={styles.root} aria-labelledby={titleId}>
      <Subtitle2 as="h2" id={titleId} className={styles.heading}>
        Retention label
      </Subtitle2>
      <SearchBox
        aria-label="Search the file plan"
        placeholder="Search by name, department or category"
        value={query}
        onChange={(_e, data) => setQuery(data.value)}
        disabled={disabled}
      />
      <Caption1 role="status" aria-live="polite">
        {query.trim() === ''
          ? `${count} label${count === 1 ? '' : 's'} in the file plan`
          : count === 0
            ? `No label matches "${query.trim()}".`
            : `${count} label${count === 1 ? '' : 's'} match "${query.trim()}"`}
      </Caption1>
      {groups.map((group, gi) => (
        <div key={group.department} className={styles.department}>
          <Body1 as="h3" className={styles.heading} style={{ fontWeight: 600 }}>
            {group.department}
          </Body1>
          {group.categories.map((category, ci) => {
            const categoryId = `${baseId}-c${gi}-${ci}`;
            return (
              <div key={category.category}>
                <Caption1 as="h4" id={categoryId} className={styles.category}>
                  {category.category}
                </Caption1>
                <RadioGroup
                  name={radioName}
                  aria-labelledby={`${titleId} ${categoryId}`}
                  value={value ?? ''}
                  disabled={disabled}
                  onChange={(_e, data) => onChange(data.value)}
                >
                  {category.labels.map((label, li) => {
                    const descriptionId = `${categoryId}-${li}-d`;
                    const description = [labelSummary(label), label.descriptionForUsers].filter(Boolean).join('. ');
                    return (
                      <div key={label.name} className={styles.option}>
                        <Radio
                          value={label.name}
                          label={label.name === currentLabelName ? `${label.name} (current)` : label.name}
                          aria-describedby={descriptionId}
                        />
                        <Caption1 id={descriptionId} className={styles.description}>
                          {description}
                        </Caption1>
                      </div>
                    );
                  })}
                </RadioGroup>
              </div>
            );
          })}
        </div>
      ))}
    </section>
  );
}
