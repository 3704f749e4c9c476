import * as React from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

export interface TabBarProps<T extends string> {
  label: string;
  tabs: readonly { value: T; name: string }[];
  selected: T;
  onSelect(value: T): void;
  /** Prefix of the tab and panel ids: tab `{idPrefix}-tab-{value}` controls panel `{idPrefix}-panel-{value}`. */
  idPrefix: string;
}

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`
  },
  tab: {
    position: 'relative',
    border: 'none',
    background: 'none',
    cursor: 'pointer',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground2,
    borderRadius: tokens.borderRadiusMedium,
    ':hover': { color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` }
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    '::after': {
      content: '""',
      position: 'absolute',
      left: tokens.spacingHorizontalM,
      right: tokens.spacingHorizontalM,
      bottom: 0,
      height: tokens.strokeWidthThicker,
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: tokens.colorCompoundBrandStroke
    }
  }
});

/**
 * Tabs as the ARIA tabs pattern has them: one tab stop (the selected tab), arrows, Home and End move and select.
 * Written here rather than Fluent's TabList because TabList's arrow navigation inserts Tabster's focusable
 * aria-hidden guards, which axe reports as serious (`aria-hidden-focus`, microsoft/fluentui#25133).
 */
export function TabBar<T extends string>({ label, tabs, selected, onSelect, idPrefix }: TabBarProps<T>): React.ReactElement {
  const styles = useStyles();
  const refs = React.useRef(new Map<T, HTMLButtonElement>());
  const onKeyDown = (event: React.KeyboardEvent): void => {
    const i = tabs.findIndex((t) => t.value === selected);
    const next =
      event.key === 'ArrowRight'
        ? (i + 1) % tabs.length
        : event.key === 'ArrowLeft'
          ? (i - 1 + tabs.length) % tabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? tabs.length - 1
              : -1;
    if (next < 0) return;
    event.preventDefault();
    onSelect(tabs[next].value);
    refs.current.get(tabs[next].value)?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className={styles.list} onKeyDown={onKeyDown}>
      {tabs.map((tab) => {
        const isSelected = tab.value === selected;
        return (
          <button
            key={tab.value}
            ref={(element) => {
              if (element) refs.current.set(tab.value, element);
              else refs.current.delete(tab.value);
            }}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${tab.value}`}
            aria-controls={`${idPrefix}-panel-${tab.value}`}
            aria-selected={isSelected}
            tabIndex={isSelected ? 0 : -1}
            className={mergeClasses(styles.tab, isSelected && styles.selected)}
            onClick={() => onSelect(tab.value)}
          >
            {tab.name}
          </button>
        );
      })}
    </div>
  );
}
