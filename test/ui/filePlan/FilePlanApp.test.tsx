/** @jest-environment jsdom */
import * as React from 'react';
import '@testing-library/jest-dom';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { errorFromEnvelope } from '../../../src/core/http/errorFromEnvelope';
import { FilePlanApp } from '../../../src/ui/filePlan/FilePlanApp';
import { fakeServices, renderInFluent, type FakeServices } from './support';

function setup(services: FakeServices = fakeServices()): { services: FakeServices; user: ReturnType<typeof userEvent.setup> } {
  renderInFluent(<FilePlanApp siteUrl="https://contoso.sharepoint.com/sites/finance" services={services} />);
  return { services, user: userEvent.setup() };
}

const labelRows = (): string[] =>
  within(screen.getByRole('table', { name: 'Retention labels' }))
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0].textContent ?? '');

describe('FilePlanApp', () => {
  it('shows its heading, the site, and the three sections as tabs', async () => {
    setup();
    expect(screen.getByRole('heading', { level: 2, name: 'Custodian file plan' })).toBeInTheDocument();
    expect(screen.getByTestId('site-url')).toHaveTextContent('https://contoso.sharepoint.com/sites/finance');
    expect(screen.getAllByRole('tab')).toEqual([
      screen.getByRole('tab', { name: 'File plan' }),
      screen.getByRole('tab', { name: 'Libraries' }),
      screen.getByRole('tab', { name: 'Coverage' })
    ]);
    expect(screen.getByRole('tab', { name: 'File plan' })).toHaveAttribute('aria-selected', 'true');
    await screen.findByRole('table', { name: 'Retention labels' });
  });

  it('moves between sections with the arrow keys, Home and End, the selected tab being the one tab stop', async () => {
    const { user } = setup();
    await screen.findByRole('table', { name: 'Retention labels' });
    const tab = (name: string): HTMLElement => screen.getByRole('tab', { name });
    expect([tab('File plan'), tab('Libraries'), tab('Coverage')].map((t) => t.tabIndex)).toEqual([0, -1, -1]);
    tab('File plan').focus();
    await user.keyboard('{ArrowRight}');
    expect(tab('Libraries')).toHaveFocus();
    expect(tab('Libraries')).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel', { name: 'Libraries' })).toBeVisible();
    await user.keyboard('{End}');
    expect(tab('Coverage')).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowRight}');
    expect(tab('File plan')).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(tab('Coverage')).toHaveFocus();
    await user.keyboard('{Home}');
    expect(tab('File plan')).toHaveAttribute('aria-selected', 'true');
    expect([tab('File plan'), tab('Libraries'), tab('Coverage')].map((t) => t.tabIndex)).toEqual([0, -1, -1]);
    expect(screen.queryByRole('tabpanel', { name: 'Coverage' })).not.toBeInTheDocument();
  });

  it('says what it is loading, then lists the labels with their settings and descriptors', async () => {
    setup();
    expect(screen.getByRole('status')).toHaveTextContent('Reading the file plan');
    await screen.findByRole('table', { name: 'Retention labels' });
    expect(labelRows()).toEqual([
      'Board Minutes - Permanent (not published to this site)',
      'Contracts - 10 Years',
      'Invoices - 7 Years',
      'Tax Returns - 10 Years'
    ]);
    const contracts = screen.getByRole('button', { name: 'Contracts - 10 Years: details' }).closest('tr')!;
    expect(
      within(contracts)
        .getAllByRole('cell')
        .map((c) => c.textContent)
    ).toEqual([
      'Contracts - 10 Years',
      'Event: Contract Expiry',
      'Yes',
      '10 years',
      'Review required (1 stage)',
      'Legal',
      'Contracts',
      'LEG-01',
      'Signed contracts.'
    ]);
    const tax = screen.getByRole('button', { name: 'Tax Returns - 10 Years: details' }).closest('tr')!;
    expect(within(tax).getByText('Yes (regulatory)')).toBeInTheDocument();
  });

  it('searches every word in names, descriptions and descriptors, and filters by department, category and record kind', async () => {
    const { user } = setup();
    await screen.findByRole('table', { name: 'Retention labels' });
    await user.type(screen.getByRole('searchbox'), 'finance tax');
    expect(labelRows()).toEqual(['Tax Returns - 10 Years']);
    expect(screen.getByText('1 of 4 labels match')).toBeInTheDocument();
    await user.clear(screen.getByRole('searchbox'));

    await user.selectOptions(screen.getByLabelText('Department'), 'Legal');
    expect(labelRows()).toEqual(['Board Minutes - Permanent (not published to this site)', 'Contracts - 10 Years']);
    await user.selectOptions(screen.getByLabelText('Is record'), 'record');
    expect(labelRows()).toEqual(['Contracts - 10 Years']);
    await user.selectOptions(screen.getByLabelText('Category'), 'Governance');
    expect(labelRows()).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Clear the filters' }));
    expect(labelRows()).toHaveLength(4);
  });

  it("opens a label's details with every descriptor and both descriptions, and closes them", async () => {
    const { user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Contracts - 10 Years: details' }));
    const dialog = await screen.findByRole('dialog', { name: 'Contracts - 10 Years' });
    expect(dialog).toHaveTextContent('Description for adminsLegal owns these.');
    expect(dialog).toHaveTextContent('Review stage 1Legal review: legal@contoso.com');
    expect(dialog).toHaveTextContent('Provision / citationLimitation Act · UK');
    expect(dialog).toHaveTextContent('Record lockStarts locked');
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it("shows the service's error with what to do, and reads again on Try again", async () => {
    const services = fakeServices();
    services.loadFilePlan.mockRejectedValueOnce(
      errorFromEnvelope(403, { error: { code: 'accessDenied', message: 'Access denied' } }, { action: 'read the file plan' })
    );
    const { user } = setup(services);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("You don't have permission to read the file plan.");
    expect(alert).toHaveTextContent('What you can do:');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await screen.findByRole('table', { name: 'Retention labels' });
    expect(services.loadFilePlan).toHaveBeenCalledTimes(2);
  });

  it('says so when the tenant has no labels', async () => {
    const services = fakeServices();
    services.loadFilePlan.mockResolvedValueOnce({ labels: [], unreadable: [{ name: 'Odd', reasons: ['retentionTrigger is "x".'] }] });
    setup(services);
    expect(await screen.findByRole('heading', { name: 'No retention labels yet' })).toBeInTheDocument();
  });

  it('lists labels Graph describes in a way Custodian cannot read, never hiding them', async () => {
    const services = fakeServices();
    services.loadFilePlan.mockResolvedValueOnce({
      labels: [{ label: { name: 'Tax', retention: null, descriptors: {} }, availableToSite: true }],
      unreadable: [{ name: 'Odd', reasons: ['retentionTrigger is "x", which Custodian does not know.'] }]
    });
    setup(services);
    expect(await screen.findByText(/Odd: retentionTrigger is "x"/)).toBeInTheDocument();
  });

  it('exports the file plan as a CSV download and says what the CSV cannot hold', async () => {
    const services = fakeServices();
    services.exportFilePlan.mockResolvedValueOnce({
      text: 'LabelName\r\n',
      warnings: ['Contracts: Only the first of 2 stages can be imported.']
    });
    const createObjectURL = jest.fn(() => 'blob:file-plan');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { user } = setup(services);
    await user.click(screen.getByRole('button', { name: 'Export the file plan as CSV' }));
    expect(await screen.findByText('Exported file-plan.csv')).toBeInTheDocument();
    expect(screen.getByText(/Only the first of 2 stages/)).toBeInTheDocument();
    expect(createObjectURL).toHaveBeenCalledWith(expect.any(Blob));
    expect(click).toHaveBeenCalled();
    click.mockRestore();
  });

  it('keeps a section loaded while another is shown, and loads each only when first shown', async () => {
    const { services, user } = setup();
    await screen.findByRole('table', { name: 'Retention labels' });
    expect(services.loadLibraries).not.toHaveBeenCalled();
    await user.click(screen.getByRole('tab', { name: 'Libraries' }));
    await screen.findByRole('table', { name: 'Libraries and their plans' });
    await user.click(screen.getByRole('tab', { name: 'File plan' }));
    await user.click(screen.getByRole('tab', { name: 'Libraries' }));
    expect(services.loadLibraries).toHaveBeenCalledTimes(1);
    expect(services.loadFilePlan).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('tabpanel', { name: 'Libraries' })).toBeVisible();
  });
});
