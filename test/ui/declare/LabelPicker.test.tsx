/** @jest-environment jsdom */
import * as React from 'react';
import '@testing-library/jest-dom';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FilePlanLabel } from '../../../src/core/domain/filePlanLabel';
import { DeclareForm, type DeclareFormProps } from '../../../src/ui/declare/DeclareForm';
import { LabelPicker } from '../../../src/ui/declare/LabelPicker';
import { recentLabelNames, rememberLabelName } from '../../../src/ui/declare/recentLabels';
import { filePlan } from '../support/fixtures';
import { renderInFluent } from '../support/render';

// A file plan of a real organisation's size hides behind its button at 320 px, under the labels a person is most
// likely to want: what a person sees first, and whether the form's button is still near.
const largePlan: FilePlanLabel[] = [
  ...filePlan,
  ...['Board Minutes', 'Health and Safety', 'Marketing', 'Project Files', 'Tenders', 'Training'].map((name): FilePlanLabel => ({
    name,
    retention: null,
    descriptors: { department: 'Operations', category: name }
  }))
];
const radios = (): string[] => screen.queryAllByRole('radio').map((r) => (r as HTMLInputElement).value);

function picker(props: Partial<React.ComponentProps<typeof LabelPicker>> = {}): { onChange: jest.Mock } {
  const onChange = jest.fn();
  renderInFluent(<LabelPicker labels={largePlan} value={undefined} onChange={onChange} {...props} />);
  return { onChange };
}

beforeEach(() => localStorage.clear());

describe('the label picker with a file plan of more than six labels', () => {
  it('offers the chosen, current and suggested labels first, and the rest behind a button', async () => {
    const user = userEvent.setup();
    const { onChange } = picker({ value: 'Tenders', currentLabelName: 'Marketing', suggestedNames: ['Contracts - 7 Years', 'Nope'] });
    expect(screen.getByRole('heading', { name: 'Suggested' })).toBeInTheDocument();
    expect(radios()).toEqual(['Tenders', 'Marketing', 'Contracts - 7 Years']);
    expect(screen.getByText('10 labels in the file plan')).toBeInTheDocument();
    const more = screen.getByRole('button', { name: 'Other labels (7)' });
    expect(more).toHaveAttribute('aria-expanded', 'false');
    await user.click(more);
    expect(more).toHaveAttribute('aria-expanded', 'true');
    // Each label once: the suggested ones are not listed again.
    expect(radios()).toHaveLength(10);
    expect(new Set(radios()).size).toBe(10);
    await user.click(screen.getByRole('radio', { name: 'Training' }));
    expect(onChange).toHaveBeenCalledWith('Training');
    await user.click(more);
    expect(radios()).toEqual(['Tenders', 'Marketing', 'Contracts - 7 Years']);
  });

  it('searches the whole plan, suggested labels included, without the suggestions above', async () => {
    const user = userEvent.setup();
    picker({ suggestedNames: ['Marketing'] });
    await user.type(screen.getByRole('searchbox', { name: 'Search the file plan' }), 'mark');
    expect(screen.queryByRole('heading', { name: 'Suggested' })).toBeNull();
    expect(radios()).toEqual(['Marketing']);
    expect(screen.getByText('1 label match "mark"')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Other labels/ })).toBeNull();
  });

  it('with nothing to suggest, offers the search and a button to browse the plan', () => {
    picker();
    expect(screen.queryByRole('heading', { name: 'Suggested' })).toBeNull();
    expect(radios()).toEqual([]);
    expect(screen.getByRole('button', { name: 'Browse the file plan (10 labels)' })).toHaveAttribute('aria-expanded', 'false');
  });
});

describe('labels used last', () => {
  it('keeps the three applied most recently, newest first, each once', () => {
    for (const name of ['A', 'B', 'A', 'C', 'D']) rememberLabelName(name);
    expect(recentLabelNames()).toEqual(['D', 'C', 'A']);
  });

  it('reads nothing from storage that is not a list of names', () => {
    localStorage.setItem('custodian.recentRetentionLabels', '{"not":"a list"}');
    expect(recentLabelNames()).toEqual([]);
    localStorage.setItem('custodian.recentRetentionLabels', 'not json');
    expect(recentLabelNames()).toEqual([]);
  });

  it('suggests the label a person applied last, the next time the pane opens', async () => {
    const user = userEvent.setup();
    const props: DeclareFormProps = {
      labels: largePlan,
      currentState: { behavior: null, isLocked: false },
      specs: [],
      plannedSteps: () => [],
      onSubmit: (request) => Promise.resolve({ summary: `Labelled "${request.retentionLabel}".`, steps: [] })
    };
    const first = renderInFluent(<DeclareForm {...props} />);
    await user.click(screen.getByRole('button', { name: 'Browse the file plan (10 labels)' }));
    await user.click(screen.getByRole('radio', { name: 'Project Files' }));
    await user.click(screen.getByRole('button', { name: 'Label' }));
    await screen.findByText('Labelled "Project Files".');
    first.unmount();
    renderInFluent(<DeclareForm {...props} />);
    expect(radios()).toEqual(['Project Files']);
  });
});
