/** @jest-environment jsdom */
import * as React from 'react';
import '@testing-library/jest-dom';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { errorFromEnvelope } from '../../../src/core/http/errorFromEnvelope';
import { percentDone } from '../../../src/ui/filePlan/BulkLabelPanel';
import { LibrariesTab } from '../../../src/ui/filePlan/LibrariesTab';
import { fakeServices, invoices, librariesSnapshot, renderInFluent, type FakeServices } from './support';

function setup(services: FakeServices = fakeServices()): {
  services: FakeServices;
  user: ReturnType<typeof userEvent.setup>;
  onLabelsChanged: jest.Mock;
} {
  const onLabelsChanged = jest.fn();
  renderInFluent(<LibrariesTab services={services} onLabelsChanged={onLabelsChanged} />);
  return { services, user: userEvent.setup(), onLabelsChanged };
}

const progressBar = (): HTMLElement => screen.getByRole('progressbar');

describe('LibrariesTab', () => {
  it("lists each library's default retention label, default sensitivity label and required metadata", async () => {
    const services = fakeServices();
    services.loadLibraries.mockResolvedValueOnce({
      ...librariesSnapshot,
      libraries: [
        { ...invoices, defaultSensitivityLabel: { id: 's-general', name: 'General' }, requiredColumns: ['ReferenceNumber', 'Gone'] },
        librariesSnapshot.libraries[0]
      ]
    });
    setup(services);
    const table = await screen.findByRole('table', { name: 'Libraries and their plans' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole('cell')
          .slice(0, 4)
          .map((c) => c.textContent)
      );
    expect(rows).toEqual([
      ['Invoices', 'Invoices - 7 Years', 'General', 'Reference Number, Gone'],
      ['Audit Reports', 'None', 'None', 'None']
    ]);
    // Without a default label there is nothing to apply.
    expect(screen.getByRole('button', { name: 'Apply to existing items: Audit Reports' })).toBeDisabled();
  });

  it("saves a library's plan from its dialog and shows it as saved", async () => {
    const { services, user, onLabelsChanged } = setup();
    await user.click(await screen.findByRole('button', { name: 'Edit plan: Invoices' }));
    const dialog = await screen.findByRole('dialog', { name: 'Plan for Invoices' });
    await user.selectOptions(within(dialog).getByLabelText('Default retention label'), 'Tax Returns - 10 Years');
    expect(within(dialog).getByText(/A record label: new files become records/)).toBeInTheDocument();
    await user.selectOptions(within(dialog).getByLabelText('Default sensitivity label'), 's-conf');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Reference Number' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save plan' }));
    expect(services.applyLibraryPlan).toHaveBeenCalledWith({
      libraryId: 'list-invoices',
      retentionLabel: 'Tax Returns - 10 Years',
      sensitivityLabelId: 's-conf',
      requiredColumns: ['ReferenceNumber']
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    // jsdom runs no exit animation, so Fluent's modal may still hide the page from the accessibility tree here.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Edit plan: Invoices', hidden: true })).toHaveFocus());
    const row = screen.getByTestId('library-Invoices');
    expect(Array.from(row.querySelectorAll('td'), (c) => c.textContent).slice(1, 4)).toEqual([
      'Tax Returns - 10 Years',
      'Confidential / Finance',
      'Reference Number'
    ]);
    expect(onLabelsChanged).toHaveBeenCalled();
  });

  it('sets a library up for email after showing the columns it will add, says what was done, and focuses the row', async () => {
    const { services, user } = setup();
    const row = await screen.findByTestId('library-Invoices');
    expect(within(row).getByText('No')).toBeInTheDocument();
    const open = within(row).getByRole('button', { name: 'Take email: Invoices' });
    await user.click(open);
    const dialog = await screen.findByRole('dialog', { name: 'Take email in Invoices?' });
    expect(
      within(within(dialog).getByRole('list', { name: 'Columns to add' }))
        .getAllByRole('listitem')
        .map((li) => li.textContent)
    ).toEqual([
      'From (single line of text)',
      'To (single line of text)',
      'Sent (date and time)',
      'Subject (single line of text)',
      'Internet Message Id (single line of text)',
      'Conversation Id (single line of text)'
    ]);
    expect(within(dialog).getByText(/Existing files and the library's default labels do not change/)).toBeInTheDocument();
    // Cancel changes nothing and returns focus to the button.
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(screen.getByRole('button', { name: 'Take email: Invoices', hidden: true })).toHaveFocus());
    expect(services.takeEmail).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Take email: Invoices', hidden: true }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Add 6 columns' }));
    expect(services.takeEmail).toHaveBeenCalledWith('list-invoices');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByRole('status')).toHaveTextContent(
      'Invoices now takes email: Custodian added 6 columns (From, To, Sent, Subject, Internet Message Id, Conversation Id). Outlook users can file messages into it.'
    );
    expect(within(screen.getByTestId('library-Invoices')).getByText('Takes email')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Take email: Invoices', hidden: true })).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Edit plan: Invoices', hidden: true })).toHaveFocus());
  });

  it('keeps the email dialog open with the reason when the library cannot be set up', async () => {
    const services = fakeServices();
    services.takeEmail.mockRejectedValueOnce(
      errorFromEnvelope(403, { error: { code: 'accessDenied', message: 'Access denied.' } }, { action: 'add the column' })
    );
    const { user } = setup(services);
    await user.click(await screen.findByRole('button', { name: 'Take email: Audit Reports' }));
    const dialog = await screen.findByRole('dialog', { name: 'Take email in Audit Reports?' });
    await user.click(within(dialog).getByRole('button', { name: 'Add 6 columns' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('add the column');
    expect(within(dialog).getByRole('button', { name: 'Add 6 columns' })).not.toHaveAttribute('aria-disabled', 'true');
    expect(
      within(screen.getByTestId('library-Audit Reports', { suggest: false })).getAllByRole('cell', { hidden: true })[4]
    ).toHaveTextContent('No');
  });

  it('keeps the dialog open with the reason when the plan cannot be saved', async () => {
    const services = fakeServices();
    services.applyLibraryPlan.mockRejectedValueOnce(
      errorFromEnvelope(
        403,
        { 'odata.error': { code: '-2147024891, System.UnauthorizedAccessException', message: { value: 'Access denied.' } } },
        {
          action: 'set the default retention label of the library'
        }
      )
    );
    const { user } = setup(services);
    await user.click(await screen.findByRole('button', { name: 'Edit plan: Invoices' }));
    const dialog = await screen.findByRole('dialog', { name: 'Plan for Invoices' });
    await user.click(within(dialog).getByRole('button', { name: 'Save plan' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('set the default retention label of the library');
    expect(within(dialog).getByRole('button', { name: 'Save plan' })).not.toHaveAttribute('aria-disabled', 'true');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('says what labelling will change and asks before the first write, then labels with a progress bar that reaches 100%', async () => {
    const services = fakeServices();
    services.previewApplyDefault.mockResolvedValueOnce({
      libraryName: 'Invoices',
      label: 'Invoices - 7 Years',
      toLabel: 250,
      alreadyLabelled: 10,
      keepOwnLabel: 3,
      dueAtOnce: { count: 2, action: 'delete', names: ['INV-2015-001.pdf', 'INV-2016-114.pdf'] }
    });
    const { user, onLabelsChanged } = setup(services);
    await user.click(await screen.findByRole('button', { name: 'Apply to existing items: Invoices' }));
    const panel = screen.getByTestId('bulk-panel');
    expect(panel).toHaveTextContent("Apply 'Invoices - 7 Years' to the existing items of Invoices");
    expect(panel).toHaveFocus();
    expect(await within(panel).findByText("Label 250 items in Invoices with 'Invoices - 7 Years'?")).toBeInTheDocument();
    expect(panel).toHaveTextContent("10 items already carry 'Invoices - 7 Years'; 3 items keep their own label.");
    expect(panel).toHaveTextContent(
      "2 of them are already past the label's retention period: once labelled, they are deleted at once (SharePoint acts within 7 days)."
    );
    expect(
      within(within(panel).getByRole('list', { name: 'Past their retention period, for example' })).getAllByRole('listitem')
    ).toHaveLength(2);
    // Nothing is written until the person confirms.
    expect(services.applyDefaultToExistingItems).not.toHaveBeenCalled();
    await user.click(within(panel).getByRole('button', { name: 'Label 250 items' }));
    expect(within(panel).getByText('Finding the items to label…')).toBeInTheDocument();
    const run = services.runs[0];
    expect(run.libraryId).toBe('list-invoices');
    // The job goes through the 250 items without a label and the 10 that carry it already (applied again).
    act(() => run.onProgress({ total: 260, alreadyCarried: 10, done: 104, labelled: 103, failed: 1 }));
    expect(progressBar()).toHaveAttribute('aria-valuenow', '40');
    expect(panel).toHaveTextContent('104 of 260 items (40%): 103 labelled, 1 failed; 10 of them already carried the label');
    act(() => run.onProgress({ total: 260, alreadyCarried: 10, done: 260, labelled: 259, failed: 1 }));
    await act(async () =>
      run.resolve({
        status: 'completed',
        total: 260,
        labelled: 249,
        alreadyCarried: 10,
        failed: [{ id: '7', name: 'Q1.xlsx', reason: 'It is a regulatory record.' }],
        notDone: 0,
        resumed: false
      })
    );
    expect(progressBar()).toHaveAttribute('aria-valuenow', '100');
    // What the confirmation promised: 249 of the 250 labelled now, one refused; the 10 are said apart.
    expect(within(panel).getByText('Done: 249 items labelled, 1 failed. 10 already carried it and are unchanged.')).toBeInTheDocument();
    expect(within(panel).getByRole('list', { name: 'Items that were not labelled' })).toHaveTextContent(
      'Q1.xlsx: It is a regulatory record.'
    );
    expect(onLabelsChanged).toHaveBeenCalled();
    await user.click(within(panel).getByRole('button', { name: 'Close' }));
    expect(screen.queryByTestId('bulk-panel')).not.toBeInTheDocument();
  });

  it('writes nothing when the person cancels at the confirmation', async () => {
    const { services, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Apply to existing items: Invoices' }));
    const panel = screen.getByTestId('bulk-panel');
    await user.click(await within(panel).findByRole('button', { name: 'Cancel' }));
    expect(screen.queryByTestId('bulk-panel')).not.toBeInTheDocument();
    expect(services.applyDefaultToExistingItems).not.toHaveBeenCalled();
  });

  it('cancels a run through its signal and resumes it', async () => {
    const { services, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Apply to existing items: Invoices' }));
    const panel = screen.getByTestId('bulk-panel');
    await user.click(await within(panel).findByRole('button', { name: 'Label 500 items' }));
    const first = services.runs[0];
    act(() => first.onProgress({ total: 250, alreadyCarried: 0, done: 100, labelled: 100, failed: 0 }));
    await user.click(within(panel).getByRole('button', { name: 'Cancel' }));
    expect(first.signal?.aborted).toBe(true);
    // Still focusable while it waits, so keyboard focus stays where it was.
    expect(within(panel).getByRole('button', { name: 'Cancelling…' })).toHaveAttribute('aria-disabled', 'true');
    expect(within(panel).getByRole('button', { name: 'Cancelling…' })).toHaveFocus();
    await act(async () =>
      first.resolve({ status: 'cancelled', total: 250, labelled: 100, alreadyCarried: 0, failed: [], notDone: 150, resumed: false })
    );
    expect(within(panel).getByText('Cancelled: 100 of 250 items done, 150 left.')).toBeInTheDocument();

    await user.click(within(panel).getByRole('button', { name: 'Resume' }));
    const second = services.runs[1];
    expect(second.signal?.aborted).toBe(false);
    // The first run's 100 carry the label when the second starts.
    act(() => second.onProgress({ total: 250, alreadyCarried: 100, done: 100, labelled: 100, failed: 0 }));
    expect(progressBar()).toHaveAttribute('aria-valuenow', '40');
    await act(async () =>
      second.resolve({
        status: 'completed',
        total: 250,
        labelled: 150,
        alreadyCarried: 100,
        failed: [],
        notDone: 0,
        resumed: true,
        checked: { read: 6, inferred: 143, unverified: 1 }
      })
    );
    expect(within(panel).getByText('Done: 150 items labelled. 100 already carried it and are unchanged.')).toBeInTheDocument();
    expect(within(panel).getByText('Carried on from where the last run stopped.')).toBeInTheDocument();
    // SharePoint's answer to a bulk call is undocumented: the person is told how the outcome was checked.
    expect(
      within(panel).getByText(
        "Checked by reading 6 items back from SharePoint; the other 143 items of the same answers were judged by them; 1 item could not be read back, so SharePoint's answer was taken for them."
      )
    ).toBeInTheDocument();
  });

  it('offers to resume a run that stopped when the page was closed, and shows a failed run with Resume', async () => {
    const services = fakeServices();
    services.loadLibraries.mockResolvedValueOnce({
      ...librariesSnapshot,
      libraries: [
        {
          ...invoices,
          unfinishedJob: { label: 'Invoices - 7 Years', total: 500, done: 200, status: 'running', updatedAt: '2026-01-01T00:00:00Z' }
        }
      ]
    });
    const { user } = setup(services);
    const panel = await screen.findByTestId('bulk-panel');
    expect(panel).toHaveTextContent('Labelling stopped before it finished');
    expect(panel).toHaveTextContent("200 of 500 items were done with 'Invoices - 7 Years'. Resume to carry on from there.");
    expect(services.applyDefaultToExistingItems).not.toHaveBeenCalled();
    await user.click(within(panel).getByRole('button', { name: 'Resume' }));
    const run = services.runs[0];
    await act(async () =>
      run.reject(errorFromEnvelope(503, { error: { code: 'serviceNotAvailable', message: 'Busy' } }, { action: 'label the items' }))
    );
    expect(within(panel).getByRole('alert')).toHaveTextContent('label the items');
    await user.click(within(panel).getByRole('button', { name: 'Resume' }));
    expect(services.applyDefaultToExistingItems).toHaveBeenCalledTimes(2);
  });

  it("still shows SharePoint's defaults when the records site cannot be read, saying what is missing and why", async () => {
    const services = fakeServices();
    services.loadLibraries.mockResolvedValueOnce({
      ...librariesSnapshot,
      recordsSiteError: errorFromEnvelope(404, { error: { code: 'itemNotFound', message: 'Not found' } }, { action: 'open the site' })
    });
    setup(services);
    await screen.findByRole('table', { name: 'Libraries and their plans' });
    expect(screen.getByText(/are kept on the records site and are not shown/)).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('open the site');
  });

  it('says so when the site has no libraries', async () => {
    const services = fakeServices();
    services.loadLibraries.mockResolvedValueOnce({ ...librariesSnapshot, libraries: [] });
    setup(services);
    expect(await screen.findByRole('heading', { name: 'This site has no document libraries' })).toBeInTheDocument();
  });
});

describe('percentDone', () => {
  it('floors, so 100% means every item is settled', () => {
    expect(percentDone(undefined)).toBe(0);
    expect(percentDone({ total: 3, alreadyCarried: 0, done: 2, labelled: 2, failed: 0 })).toBe(66);
    expect(percentDone({ total: 500, alreadyCarried: 0, done: 499, labelled: 499, failed: 0 })).toBe(99);
    expect(percentDone({ total: 0, alreadyCarried: 0, done: 0, labelled: 0, failed: 0 })).toBe(100);
  });
});
