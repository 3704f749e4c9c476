/** @jest-environment jsdom */
import * as React from 'react';
import '@testing-library/jest-dom';
import { fireEvent, screen } from '@testing-library/react';
import { VirtualList } from '../../../src/ui/dispositions/VirtualList';
import { renderInFluent } from '../support/render';

function Harness({ count, onOpen }: { count: number; onOpen: (index: number) => void }): React.ReactElement {
  const [active, setActive] = React.useState(-1);
  const [selected, setSelected] = React.useState<Set<number>>(new Set());
  return (
    <VirtualList
      count={count}
      rowHeight={40}
      height={400}
      label="Items"
      idPrefix="row"
      rowKey={(i) => String(i)}
      renderRow={(i) => `Row ${i}`}
      activeIndex={active}
      onActiveChange={setActive}
      isSelected={(i) => selected.has(i)}
      onToggle={(i) =>
        setSelected((s) => {
          const next = new Set(s);
          if (next.has(i)) next.delete(i);
          else next.add(i);
          return next;
        })
      }
      onOpen={onOpen}
      onSelectAll={() => setSelected(new Set(Array.from({ length: count }, (_, i) => i)))}
    />
  );
}

describe('VirtualList', () => {
  it('renders only the rows in view (and a few around) of 10,000, each saying where it is in the whole', () => {
    renderInFluent(<Harness count={10_000} onOpen={jest.fn()} />);
    const options = screen.getAllByRole('option');
    expect(options.length).toBeLessThan(30);
    expect(options[0]).toHaveAttribute('aria-setsize', '10000');
    expect(options[0]).toHaveAttribute('aria-posinset', '1');
    expect(screen.getByRole('listbox', { name: 'Items' })).toHaveAttribute('aria-multiselectable', 'true');
  });

  it('moves with the keys, selects with Space, opens with Enter, and keeps the active row rendered far down the list', () => {
    const onOpen = jest.fn();
    renderInFluent(<Harness count={10_000} onOpen={onOpen} />);
    const list = screen.getByRole('listbox');
    fireEvent.focus(list);
    expect(list).toHaveAttribute('aria-activedescendant', 'row-0');
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: ' ' });
    expect(screen.getByText('Row 1').closest('[role="option"]')).toHaveAttribute('aria-selected', 'true');
    fireEvent.keyDown(list, { key: 'Enter' });
    expect(onOpen).toHaveBeenCalledWith(1);
    fireEvent.keyDown(list, { key: 'End' });
    expect(list).toHaveAttribute('aria-activedescendant', 'row-9999');
    expect(document.getElementById('row-9999')).toHaveAttribute('aria-posinset', '10000');
    fireEvent.keyDown(list, { key: 'PageUp' });
    expect(list).toHaveAttribute('aria-activedescendant', 'row-9989');
    fireEvent.keyDown(list, { key: 'Home' });
    fireEvent.keyDown(list, { key: 'ArrowUp' });
    expect(list).toHaveAttribute('aria-activedescendant', 'row-0');
    fireEvent.keyDown(list, { key: 'a', ctrlKey: true });
    expect(screen.getByText('Row 0').closest('[role="option"]')).toHaveAttribute('aria-selected', 'true');
  });

  it('opens a row on click and toggles it on Ctrl+click', () => {
    const onOpen = jest.fn();
    renderInFluent(<Harness count={5} onOpen={onOpen} />);
    fireEvent.click(screen.getByText('Row 2'));
    expect(onOpen).toHaveBeenCalledWith(2);
    fireEvent.click(screen.getByText('Row 3'), { ctrlKey: true });
    expect(screen.getByText('Row 3').closest('[role="option"]')).toHaveAttribute('aria-selected', 'true');
    expect(onOpen).toHaveBeenCalledTimes(1);
  });
});
