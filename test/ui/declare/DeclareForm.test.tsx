/** @jest-environment jsdom */
import * as React from 'react';
import '@testing-library/jest-dom';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RecordState } from '../../../src/core/domain/recordRestrictions';
import { errorFromEnvelope } from '../../../src/core/http/errorFromEnvelope';
import { DeclareForm, type DeclareFormProps, type DeclareRequest } from '../../../src/ui/declare/DeclareForm';
import type { StepProgress } from '../../../src/ui/declare/model';
import { filePlan, requiredColumns, sensitivityOptions } from '../support/fixtures';
import { renderInFluent } from '../support/render';

const notLabelled: RecordState = { behavior: null, isLocked: false };

function setup(overrides: Partial<DeclareFormProps> = {}): { onSubmit: jest.Mock; user: ReturnType<typeof userEvent.setup> } {
  const onSubmit = jest.fn(
    (request: DeclareRequest, onProgress: (steps: StepProgress[]) => void): Promise<{ summary: string; steps: StepProgress[] }> => {
      const steps: StepProgress[] = [
        { id: 'retentionLabel', label: `Apply the retention label "${request.retentionLabel}"`, state: 'done' }
      ];
      onProgress(steps);
      return Promise.resolve({ summary: `Declared a record with the label "${request.retentionLabel}".`, steps });
    }
  );
  renderInFluent(
    <DeclareForm
      labels={filePlan}
      currentState={notLabelled}
      specs={requiredColumns.slice(0, 2)}
      plannedSteps={(request) => [
        { id: 'retentionLabel', label: `Apply the retention label "${request.retentionLabel}"`, state: 'pending' }
      ]}
      onSubmit={onSubmit}
      {...overrides}
    />
  );
  return { onSubmit, user: userEvent.setup() };
}

const labelRadios = (): string[] => screen.getAllByRole('radio').map((r) => (r as HTMLInputElement).value);

describe('label picker in the declare form', () => {
  it('groups the file plan by department and category with each label’s user description', () => {
    setup();
    expect(screen.getByRole('heading', { level: 3, name: 'Finance' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 4, name: 'Tax / Returns' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Contracts - 7 Years' })).toHaveAccessibleDescription(
      'Record for 7 years, then auto-delete. Signed contracts and their amendments.'
    );
  });

  it('filters labels as the user searches, across names and descriptors', async () => {
    const { user } = setup();
    expect(labelRadios()).toHaveLength(4);
    await user.type(screen.getByRole('searchbox', { name: 'Search the file plan' }), 'finance tax');
    expect(labelRadios()).toEqual(['Tax Returns - 10 Years']);
    expect(screen.getByText('1 label match "finance tax"')).toBeInTheDocument();
    await user.clear(screen.getByRole('searchbox'));
    await user.type(screen.getByRole('searchbox'), 'nothing like this');
    expect(screen.queryAllByRole('radio')).toHaveLength(0);
    expect(screen.getByText('No label matches "nothing like this".')).toBeInTheDocument();
  });
});

describe('what the label will block', () => {
  it('says what a record label blocks as soon as it is chosen, before anything is applied', async () => {
    const { user, onSubmit } = setup();
    expect(screen.queryByTestId('restrictions-notice')).toBeNull();
    await user.click(screen.getByRole('radio', { name: 'Contracts - 7 Years' }));
    const notice = screen.getByRole('region', { name: 'What this label will block' });
    expect(notice).toHaveTextContent('This item is a locked record, so its content cannot be edited.');
    expect(notice).toHaveTextContent('A record cannot be deleted while its retention period lasts.');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('changes with the lock: an unlocked record can be edited but not moved', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('radio', { name: 'Invoices - 7 Years' }));
    const lock = screen.getByRole('checkbox', { name: /Lock the record now/ });
    expect(lock).not.toBeChecked();
    const notice = screen.getByTestId('restrictions-notice');
    expect(notice).not.toHaveTextContent('content cannot be edited');
    expect(notice).toHaveTextContent('An unlocked record cannot be moved to another site, library or mailbox.');
    await user.click(lock);
    expect(screen.getByTestId('restrictions-notice')).toHaveTextContent('content cannot be edited');
  });

  it('says a plain retention label blocks nothing', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('radio', { name: 'Litigation Hold - Permanent' }));
    expect(screen.getByTestId('restrictions-notice')).toHaveTextContent('blocks nothing');
  });

  it('refuses to relabel a regulatory record before any request, and explains why', async () => {
    const { user, onSubmit } = setup({
      currentState: { behavior: 'retainAsRegulatoryRecord', isLocked: true },
      currentLabelName: 'Tax Returns - 10 Years',
      initialLabelName: 'Tax Returns - 10 Years'
    });
    expect(screen.getByText(/This document is a regulatory record\./)).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Contracts - 7 Years' }));
    expect(screen.getByTestId('relabel-refusal')).toHaveTextContent(
      'A regulatory record cannot be relabelled, not even by an administrator.'
    );
    const declare = screen.getByRole('button', { name: 'Relabel' });
    expect(declare).toHaveAttribute('aria-disabled', 'true');
    await user.click(declare);
    expect(onSubmit).not.toHaveBeenCalled();
  });
});

describe('required metadata', () => {
  it('blocks declaring until every required field is filled, saying which', async () => {
    const { user, onSubmit } = setup();
    await user.click(screen.getByRole('radio', { name: 'Contracts - 7 Years' }));
    await user.click(screen.getByRole('button', { name: 'Declare as record' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText('Enter Reference Number.')).toBeInTheDocument();
    expect(screen.getByText('Choose Document Type.')).toBeInTheDocument();
    expect(screen.getByText(/Fill in the fields marked above first: Reference Number, Document Type\./)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Reference Number/ })).toHaveFocus();

    await user.type(screen.getByRole('textbox', { name: /Reference Number/ }), 'LEG-2026-001');
    await user.selectOptions(screen.getByRole('combobox', { name: /Document Type/ }), 'Contract');
    await user.click(screen.getByRole('button', { name: 'Declare as record' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit.mock.calls[0][0]).toEqual({
      retentionLabel: 'Contracts - 7 Years',
      fields: { ReferenceNumber: 'LEG-2026-001', DocumentType: 'Contract' },
      lock: true
    });
  });

  it('asks for a label first', async () => {
    const { user, onSubmit } = setup({ specs: [] });
    await user.click(screen.getByRole('button', { name: 'Declare as record' }));
    expect(screen.getByText('Choose a retention label.')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });
});

describe('declaring', () => {
  it('shows progress per step and the result', async () => {
    let finish: (() => void) | undefined;
    const onSubmit = jest.fn(
      (_request: DeclareRequest, onProgress: (steps: StepProgress[]) => void) =>
        new Promise<{ summary: string; steps: StepProgress[] }>((resolve) => {
          onProgress([
            { id: 'fields', label: 'Save the metadata', state: 'done' },
            { id: 'retentionLabel', label: 'Apply the retention label', state: 'running' }
          ]);
          finish = () =>
            resolve({
              summary: 'Declared a record.',
              steps: [
                { id: 'fields', label: 'Save the metadata', state: 'done' },
                { id: 'retentionLabel', label: 'Apply the retention label', state: 'done' }
              ]
            });
        })
    );
    const { user } = setup({ specs: [], onSubmit, initialLabelName: 'Contracts - 7 Years' });
    await user.click(screen.getByRole('button', { name: 'Declare as record' }));
    const progress = screen.getByRole('list', { name: 'Progress' });
    expect(within(progress).getByText('Save the metadata: Done')).toBeInTheDocument();
    expect(within(progress).getByText('Apply the retention label: In progress')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Declaring…' })).toHaveAttribute('aria-disabled', 'true');
    finish!();
    expect(await screen.findByTestId('declare-result')).toHaveTextContent('Declared a record.');
    expect(within(screen.getByRole('list', { name: 'Progress' })).getByText('Apply the retention label: Done')).toBeInTheDocument();
  });

  it('shows a failure with its cause and what to do', async () => {
    const error = errorFromEnvelope(423, { error: { code: 'resourceLocked', message: 'Locked' } }, { action: 'apply the retention label' });
    const { user } = setup({ specs: [], initialLabelName: 'Contracts - 7 Years', onSubmit: () => Promise.reject(error) });
    await user.click(screen.getByRole('button', { name: 'Declare as record' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("Custodian couldn't apply the retention label.");
    expect(alert).toHaveTextContent('What you can do: Ask your records manager to unlock the record');
  });

  it('asks for a justification when the classification is lowered, and sends it with the request', async () => {
    const { user, onSubmit } = setup({
      specs: [],
      initialLabelName: 'Contracts - 7 Years',
      sensitivity: { options: sensitivityOptions, currentId: 's-confidential' }
    });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Classification (sensitivity label)' }), 's-general');
    await user.click(screen.getByRole('button', { name: 'Declare as record' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Lower the classification?' });
    expect(dialog).toHaveTextContent('from "Confidential" to the less sensitive "General"');
    await user.click(within(dialog).getByRole('button', { name: 'Lower it' }));
    expect(within(dialog).getByText(/Enter a reason to continue/)).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'Published in the annual report');
    await user.click(within(dialog).getByRole('button', { name: 'Lower it' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0][0]).toMatchObject({ sensitivityLabelId: 's-general', justification: 'Published in the annual report' });
  });

  it('does not ask for a justification when the classification is raised', async () => {
    const { user, onSubmit } = setup({
      specs: [],
      initialLabelName: 'Contracts - 7 Years',
      sensitivity: { options: sensitivityOptions, currentId: 's-general' }
    });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Classification (sensitivity label)' }), 's-confidential');
    await user.click(screen.getByRole('button', { name: 'Declare as record' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(onSubmit.mock.calls[0][0]).toMatchObject({ sensitivityLabelId: 's-confidential' });
    expect(onSubmit.mock.calls[0][0]).not.toHaveProperty('justification');
  });

  it('cancelling the justification changes nothing', async () => {
    const { user, onSubmit } = setup({
      specs: [],
      initialLabelName: 'Contracts - 7 Years',
      sensitivity: { options: sensitivityOptions, currentId: 's-general' }
    });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Classification (sensitivity label)' }), '');
    await user.click(screen.getByRole('button', { name: 'Declare as record' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove the classification?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(onSubmit).not.toHaveBeenCalled();
  });
});

describe('what the button does', () => {
  it.each([
    ['a document without a label, a record label', 'document', undefined, 'Contracts - 7 Years', 'Declare as record'],
    ['a document without a label, a label that is not a record', 'document', undefined, 'Litigation Hold - Permanent', 'Label'],
    ['a labelled document, another label', 'document', 'Litigation Hold - Permanent', 'Contracts - 7 Years', 'Relabel'],
    ['a labelled document, its own label', 'document', 'Litigation Hold - Permanent', 'Litigation Hold - Permanent', 'Save changes'],
    ['an email, a record label', 'email', undefined, 'Contracts - 7 Years', 'File as record'],
    ['an email, a label that is not a record', 'email', undefined, 'Litigation Hold - Permanent', 'File']
  ] as const)('%s: "%s"', async (_what, noun, current, chosen, button) => {
    const { user } = setup({
      noun,
      currentLabelName: current,
      initialLabelName: current,
      currentState: current ? { behavior: 'retain', isLocked: false } : notLabelled
    });
    await user.click(screen.getByRole('radio', { name: new RegExp(`^${chosen}`) }));
    expect(screen.getByRole('button', { name: button })).toBeInTheDocument();
  });

  it("saving a record's metadata under its own label leaves its lock as it is", async () => {
    const { user, onSubmit } = setup({
      currentLabelName: 'Contracts - 7 Years',
      initialLabelName: 'Contracts - 7 Years',
      // Unlocked to be edited: saving the edits must not lock it behind the person's back.
      currentState: { behavior: 'retainAsRecord', isLocked: false }
    });
    expect(screen.queryByRole('checkbox', { name: /Lock the record now/ })).toBeNull();
    await user.type(screen.getByRole('textbox', { name: /Reference Number/ }), 'LEG-1');
    await user.selectOptions(screen.getByRole('combobox', { name: /Document Type/ }), 'Contract');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(onSubmit).toHaveBeenCalledWith(
      expect.objectContaining({ retentionLabel: 'Contracts - 7 Years', lock: false }),
      expect.any(Function)
    );
  });
});

describe('keyboard alone', () => {
  async function tabTo(user: ReturnType<typeof userEvent.setup>, match: (el: Element) => boolean, max = 40): Promise<Element> {
    const seen: string[] = [];
    for (let i = 0; i < max; i++) {
      await user.tab();
      seen.push(
        `${document.activeElement?.tagName}.${(document.activeElement as HTMLInputElement)?.type ?? ''}.${document.activeElement?.getAttribute('name') ?? ''}`
      );
      if (document.activeElement && match(document.activeElement)) return document.activeElement;
    }
    throw new Error(`The element was never reached with Tab; seen: ${seen.join(' | ')}`);
  }

  it('searches, chooses a label, fills the metadata and declares without a pointer', async () => {
    const { user, onSubmit } = setup({ specs: [requiredColumns[0]] });
    await tabTo(user, (el) => el.getAttribute('role') === 'searchbox' || (el as HTMLInputElement).type === 'search');
    await user.keyboard('contracts');
    await tabTo(user, (el) => (el as HTMLInputElement).type === 'radio');
    expect(document.activeElement).toHaveAccessibleName('Contracts - 7 Years');
    await user.keyboard(' ');
    expect(screen.getByRole('radio', { name: 'Contracts - 7 Years' })).toBeChecked();
    expect(screen.getByTestId('restrictions-notice')).toBeInTheDocument();
    await tabTo(user, (el) => (el as HTMLInputElement).name === 'ReferenceNumber');
    await user.keyboard('LEG-7');
    await tabTo(user, (el) => el.textContent === 'Declare as record');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0][0]).toMatchObject({ retentionLabel: 'Contracts - 7 Years', fields: { ReferenceNumber: 'LEG-7' } });
    expect(await screen.findByTestId('declare-result')).toBeInTheDocument();
  });
});
