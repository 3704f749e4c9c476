import * as React from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

export interface VirtualListProps {
  /** How many rows there are; only those in view (and a few around) are rendered. */
  count: number;
  /** Every row has this height, in pixels: the window is computed, never measured. */
  rowHeight: number;
  /** The height of the scrolling viewport, in pixels. */
  height: number;
  /** The listbox's accessible name. */
  label: string;
  /** A stable id prefix for the options (aria-activedescendant). */
  idPrefix: string;
  rowKey(index: number): string;
  renderRow(index: number): React.ReactNode;
  activeIndex: number;
  onActiveChange(index: number): void;
  isSelected(index: number): boolean;
  /** Space, or a click on the row's check area. */
  onToggle(index: number): void;
  /** Enter, or a click on the row. */
  onOpen(index: number): void;
  /** Ctrl+A (Cmd+A). */
  onSelectAll?(): void;
  /** Rows rendered beyond the viewport on each side. */
  overscan?: number;
}

const useStyles = makeStyles({
  viewport: {
    position: 'relative',
    overflowY: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` }
  },
  row: {
    position: 'absolute',
    left: 0,
    right: 0,
    boxSizing: 'border-box',
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    cursor: 'pointer',
    overflow: 'hidden',
    // Hover and selection are drawn as borders, not backgrounds: in the high-contrast theme a changed background
    // would need every text colour in the row to change with it.
    ':hover': { boxShadow: `inset 0 0 0 ${tokens.strokeWidthThin} ${tokens.colorNeutralStroke1Hover}` }
  },
  selected: { boxShadow: `inset ${tokens.strokeWidthThickest} 0 0 0 ${tokens.colorCompoundBrandStroke}` },
  active: { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' }
});

/**
 * A windowed listbox: thousands of rows cost what the viewport shows. Focus stays on the listbox and the active row
 * is named by `aria-activedescendant` (so a row scrolled out of the window never holds focus); the active row is
 * always rendered. Keys: arrows, Home, End, Page Up/Down move; Space selects; Enter opens; Ctrl+A selects all.
 * Rows carry `aria-setsize`/`aria-posinset`, so screen readers announce "12 of 10,000" although few exist.
 */
export function VirtualList(props: VirtualListProps): React.ReactElement {
  const { count, rowHeight, height, activeIndex, onActiveChange } = props;
  const styles = useStyles();
  const viewport = React.useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = React.useState(0);
  const [focused, setFocused] = React.useState(false);
  const overscan = props.overscan ?? 8;
  const perPage = Math.max(1, Math.floor(height / rowHeight));

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count - 1, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  const indexes: number[] = [];
  for (let i = first; i <= last; i++) indexes.push(i);
  if (activeIndex >= 0 && activeIndex < count && (activeIndex < first || activeIndex > last)) indexes.push(activeIndex);

  const reveal = React.useCallback(
    (index: number) => {
      const element = viewport.current;
      if (!element) return;
      const top = index * rowHeight;
      if (top < element.scrollTop) element.scrollTop = top;
      else if (top + rowHeight > element.scrollTop + height) element.scrollTop = top + rowHeight - height;
      setScrollTop(element.scrollTop);
    },
    [rowHeight, height]
  );

  // The active row is scrolled into view whenever it changes: by key, by a click, or by a deep link.
  React.useLayoutEffect(() => {
    if (activeIndex >= 0 && activeIndex < count) reveal(activeIndex);
  }, [activeIndex, count, reveal]);

  const move = (index: number): void => {
    if (count === 0) return;
    onActiveChange(Math.min(count - 1, Math.max(0, index)));
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>): void => {
    const current = activeIndex < 0 ? -1 : activeIndex;
    let handled = true;
    switch (event.key) {
      case 'ArrowDown':
        move(current + 1);
        break;
      case 'ArrowUp':
        move(current < 0 ? 0 : current - 1);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(count - 1);
        break;
      case 'PageDown':
        move(current + perPage);
        break;
      case 'PageUp':
        move(current - perPage);
        break;
      case ' ':
        if (current >= 0) props.onToggle(current);
        break;
      case 'Enter':
        if (current >= 0) props.onOpen(current);
        break;
      default:
        if ((event.key === 'a' || event.key === 'A') && (event.ctrlKey || event.metaKey) && props.onSelectAll) props.onSelectAll();
        else handled = false;
    }
    if (handled) event.preventDefault();
  };

  const onFocus = (): void => {
    setFocused(true);
    if (activeIndex < 0 && count > 0) onActiveChange(Math.min(count - 1, Math.floor(scrollTop / rowHeight)));
  };

  const activeId = activeIndex >= 0 && activeIndex < count ? `${props.idPrefix}-${props.rowKey(activeIndex)}` : undefined;

  return (
    <div
      ref={viewport}
      role="listbox"
      aria-multiselectable="true"
      aria-label={props.label}
      aria-activedescendant={activeId}
      tabIndex={0}
      className={styles.viewport}
      style={{ height }}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      onBlur={() => setFocused(false)}
    >
      <div style={{ height: count * rowHeight, position: 'relative' }}>
        {indexes.map((index) => {
          const selected = props.isSelected(index);
          return (
            <div
              key={props.rowKey(index)}
              id={`${props.idPrefix}-${props.rowKey(index)}`}
              role="option"
              aria-selected={selected}
              aria-setsize={count}
              aria-posinset={index + 1}
              className={mergeClasses(styles.row, selected && styles.selected, focused && index === activeIndex && styles.active)}
              style={{ top: index * rowHeight, height: rowHeight }}
              onMouseDown={(event) => event.preventDefault()}
              onClick={(event) => {
                viewport.current?.focus();
                onActiveChange(index);
                const toggle = (event.target as HTMLElement).closest('[data-toggle]') !== null;
                if (toggle || event.ctrlKey || event.metaKey) props.onToggle(index);
                else props.onOpen(index);
              }}
            >
              {props.renderRow(index)}
            </div>
          );
        })}
      </div>
    </div>
  );
}
