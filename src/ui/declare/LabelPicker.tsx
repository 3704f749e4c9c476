import * as React from 'react';
import { Body1, Button, Caption1, Radio, RadioGroup, SearchBox, Subtitle2, makeStyles, tokens, useId } from '@fluentui/react-components';
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
  /** Labels offered first, before the file plan (the library's default, the ones this person used last). */
  suggestedNames?: readonly string[];
  disabled?: boolean;
}

/** A file plan this small is shown whole; a larger one waits behind its button (or a search) under the suggestions. */
const shownWhole = 6;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  department: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, marginTop: tokens.spacingVerticalS },
  heading: { margin: 0 },
  category: { margin: 0, color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightSemibold },
  option: { display: 'flex', flexDirection: 'column', overflowWrap: 'anywhere', minWidth: 0 },
  more: { alignSelf: 'flex-start' },
  description: { paddingLeft: '32px', color: tokens.colorNeutralForeground2 }
});

/**
 * Chooses a retention label: the suggested ones first (the chosen, the current, the library's default, the ones used
 * last), then the file plan grouped department → category with each label's user description, and a search over
 * names, descriptions and descriptors. A plan of more than six labels stays behind a button until it is opened or
 * searched, so that the form's button is near at 320 px. One radio set: Tab reaches the chosen label, arrow keys move
 * between labels.
 */
export function LabelPicker({
  labels,
  value,
  onChange,
  currentLabelName,
  suggestedNames = [],
  disabled
}: LabelPickerProps): React.ReactElement {
  const styles = useStyles();
  const [query, setQuery] = React.useState('');
  const [planOpen, setPlanOpen] = React.useState(false);
  const baseId = useId('label-picker');
  const titleId = `${baseId}-title`;
  const searching = query.trim() !== '';
  // The chosen label is always in sight: first among the suggestions.
  const suggested = React.useMemo(() => {
    const names = [value, currentLabelName, ...suggestedNames].filter((n): n is string => !!n).map((n) => n.toLowerCase());
    return [...new Set(names)].map((n) => labels.find((l) => l.name.toLowerCase() === n)).filter((l): l is FilePlanLabel => !!l);
  }, [labels, value, currentLabelName, suggestedNames]);
  const wholePlan = labels.length <= shownWhole;
  // Searching, the matches come from the whole plan; otherwise the plan lists the labels not suggested above it.
  const listed = React.useMemo(
    () => (searching || wholePlan ? labels : labels.filter((l) => !suggested.includes(l))),
    [labels, searching, wholePlan, suggested]
  );
  const groups = React.useMemo(() => groupLabels(listed, query), [listed, query]);
  const count = groups.reduce((n, d) => n + d.categories.reduce((m, c) => m + c.labels.length, 0), 0);
  const radioName = `${baseId}-label`;
  const showSuggested = !searching && !wholePlan && suggested.length > 0;
  const showPlan = searching || wholePlan || planOpen;
  const option = (label: FilePlanLabel, descriptionId: string): React.ReactElement => {
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
  };

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
        {!searching
          ? `${labels.length} label${labels.length === 1 ? '' : 's'} in the file plan`
          : count === 0
            ? `No label matches "${query.trim()}".`
            : `${count} label${count === 1 ? '' : 's'} match "${query.trim()}"`}
      </Caption1>
      {showSuggested ? (
        <div className={styles.department}>
          <Body1 as="h3" id={`${baseId}-suggested`} className={styles.heading} style={{ fontWeight: 600 }}>
            Suggested
          </Body1>
          <RadioGroup
            name={radioName}
            aria-labelledby={`${titleId} ${baseId}-suggested`}
            value={value ?? ''}
            disabled={disabled}
            onChange={(_e, data) => onChange(data.value)}
          >
            {suggested.map((label, li) => option(label, `${baseId}-s${li}-d`))}
          </RadioGroup>
        </div>
      ) : null}
      {!searching && !wholePlan ? (
        <Button className={styles.more} aria-expanded={planOpen} disabled={disabled} onClick={() => setPlanOpen(!planOpen)}>
          {suggested.length ? `Other labels (${listed.length})` : `Browse the file plan (${listed.length} labels)`}
        </Button>
      ) : null}
      {(showPlan ? groups : []).map((group, gi) => (
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
                  {category.labels.map((label, li) => option(label, `${categoryId}-${li}-d`))}
                </RadioGroup>
              </div>
            );
          })}
        </div>
      ))}
    </section>
  );
}
