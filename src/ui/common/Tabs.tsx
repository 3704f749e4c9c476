import * as React from 'react';
import { createFocusOutlineStyle, makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';

export interface Tab<T extends string> {
  value: T;
  title: string;
  icon?: React.ReactElement;
}

export interface TabsProps<T extends string> {
  /** Names the tab list for assistive technology. */
  label: string;
  tabs: readonly Tab<T>[];
  selected: T;
  onSelect: (value: T) => void;
  /** Tab `i` gets the id `${idPrefix}-tab-${value}` and controls `${idPrefix}-panel-${value}`. */
  idPrefix: string;
}

const useStyles = makeStyles({
  list: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXS },
  tab: {
    position: 'relative',
    display: 'inline-flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalSNudge,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalMNudge}`,
    ...shorthands.border('none'),
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover, color: tokens.colorNeutralForeground1 },
    ...createFocusOutlineStyle()
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    '::after': {
      content: '""',
      position: 'absolute',
      left: tokens.spacingHorizontalMNudge,
      right: tokens.spacingHorizontalMNudge,
      bottom: 0,
      height: tokens.strokeWidthThicker,
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: tokens.colorCompoundBrandStroke
    }
  },
  icon: { display: 'inline-flex', fontSize: '20px' }
});

const moves: Record<string, (index: number, count: number) => number> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_i, n) => n - 1
};

/**
 * Tabs for every surface. The ARIA tabs pattern with automatic activation: the selected tab is the one tab stop; arrows, Home and End move
 * to and select a tab. Fluent's TabList is not used because its arrow navigation adds Tabster's focusable
 * `aria-hidden` guard elements, which axe-core reports as a serious `aria-hidden-focus` violation
 * (microsoft/fluentui#25133, microsoft/tabster#288).
 */
export function Tabs<T extends string>({ label, tabs, selected, onSelect, idPrefix }: TabsProps<T>): React.ReactElement {
  const styles = useStyles();
  const buttons = React.useRef(new Map<T, HTMLButtonElement | null>());
  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>): void => {
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    const next =
      tabs[
        move(
          Math.max(
            0,
            tabs.findIndex((t) => t.value === selected)
          ),
          tabs.length
        )
      ];
    onSelect(next.value);
    buttons.current.get(next.value)?.focus();
  };
  return (
    <div role="tablist" aria-label={label} aria-orientation="horizontal" className={styles.list} onKeyDown={onKeyDown}>
      {tabs.map((tab) => {
        const isSelected = tab.value === selected;
        return (
          <button
            key={tab.value}
            ref={(button) => buttons.current.set(tab.value, button)}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${tab.value}`}
            aria-controls={`${idPrefix}-panel-${tab.value}`}
            aria-selected={isSelected}
            tabIndex={isSelected ? 0 : -1}
            className={mergeClasses(styles.tab, isSelected && styles.selected)}
            onClick={() => onSelect(tab.value)}
          >
            {tab.icon ? (
              <span className={styles.icon} aria-hidden>
                {tab.icon}
              </span>
            ) : null}
            {tab.title}
          </button>
        );
      })}
    </div>
  );
}
