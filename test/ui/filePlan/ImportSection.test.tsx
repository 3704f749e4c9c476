/** @jest-environment jsdom */
import * as React from 'react';
import '@testing-library/jest-dom';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { errorFromEnvelope } from '../../../src/core/http/errorFromEnvelope';
import type { ImportCheck } from '../../../src/ui/filePlan/FilePlanServices';
import { ImportSection } from '../../../src/ui/filePlan/ImportSection';
import { fakeServices, renderInFluent, type FakeServices } from './support';

const withErrors: ImportCheck = {
  fileName: 'plan.csv',
  ok: false,
  issues: [
    { row: 2, column: 'LabelName', rule: 'labelNameRequired', severity: 'error', message: 'Give the label a name.' },
    { row: 3, column: 'RetentionDuration', rule: 'retentionDurationValue', severity: 'error', message: '"forty" is not a number of days.' },
    { row: 3, column: null, rule: 'blankRow', severity: 'warning', message: 'This row is odd.' },
    { row: 5, column: 'IsRecordLabel', rule: 'booleanValue', severity: 'error', message: 'Use TRUE or FALSE, not "Yes".' }
  ],
  skipped: [{ rule: 'regulatoryEnabled', reason: 'It was not said whether regulatory records are enabled.' }],
  labels: [],
  templatesToCreate: []
};

const ready: ImportCheck = {
  fileName: 'good.csv',
  ok: true,
  issues: [],
  skipped: [],
  labels: [
    { rowNumber: 2, name: 'Board Papers', warnings: [] },
    { rowNumber: 3, name: 'Grants', warnings: ['Set the sub-category "Research" in the portal.'] }
  ],
  templatesToCreate: [{ kind: 'department', name: 'Board Office' }]
};

function setup(services: FakeServices = fakeServices()): {
  services: FakeServices;
  user: ReturnType<typeof userEvent.setup>;
  onImported: jest.Mock;
} {
  const onImported = jest.fn();
  renderInFluent(<ImportSection services={services} onImported={onImported} />);
  return { services, user: userEvent.setup(), onImported };
}

const csvFile = (name: string, text = 'LabelName\r\nTax\r\n'): File => new File([text], name, { type: 'text/csv' });

describe('ImportSection', () => {
  it('lists every problem with its row and column, creates nothing and offers no Create button', async () => {
    const services = fakeServices();
    services.checkImport.mockResolvedValue(withErrors);
    const { user } = setup(services);
    await user.upload(screen.getByLabelText('File plan CSV to import'), csvFile('plan.csv', 'LabelName\r\n,\r\n'));
    const table = await screen.findByRole('table', { name: 'Problems found in plan.csv' });
    const [{ fileName: name, bytes }] = services.checkImport.mock.calls[0];
    expect(name).toBe('plan.csv');
    expect(Array.from(bytes)).toEqual(Array.from(Buffer.from('LabelName\r\n,\r\n')));
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent)
      );
    expect(rows).toEqual([
      ['2', 'LabelName', 'Error', 'Give the label a name.'],
      ['3', 'RetentionDuration', 'Error', '"forty" is not a number of days.'],
      ['3', '(whole row)', 'Warning', 'This row is odd.'],
      ['5', 'IsRecordLabel', 'Error', 'Use TRUE or FALSE, not "Yes".']
    ]);
    expect(screen.getByText('plan.csv has 3 errors in 3 rows.')).toBeInTheDocument();
    expect(screen.getByText(/Nothing has been created/)).toBeInTheDocument();
    expect(screen.getByText(/Not checked: It was not said whether regulatory records are enabled/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Create/ })).not.toBeInTheDocument();
    expect(services.importLabels).not.toHaveBeenCalled();
  });

  it('creates the labels of a valid file when asked, counting them as they are created', async () => {
    const services = fakeServices();
    services.checkImport.mockResolvedValue(ready);
    let finish: (v: Awaited<ReturnType<FakeServices['importLabels']>>) => void = () => undefined;
    services.importLabels.mockImplementation((_request, options) => {
      options?.onCreated?.('Board Papers');
      return new Promise((resolve) => (finish = resolve));
    });
    const { user, onImported } = setup(services);
    await user.upload(screen.getByLabelText('File plan CSV to import'), csvFile('good.csv'));
    expect(await screen.findByText('good.csv is ready: 2 labels to create.')).toBeInTheDocument();
    expect(
      screen.getByText("Your tenant does not have this yet; Custodian creates it first: the department 'Board Office'.")
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('list', { name: 'Labels to create' }))
        .getAllByRole('listitem')
        .map((li) => li.textContent)
    ).toEqual(['Row 2: Board Papers', 'Row 3: Grants (Set the sub-category "Research" in the portal.)']);
    await user.click(screen.getByRole('button', { name: 'Create 2 labels' }));
    expect(await screen.findByText('Creating labels: 1 of 2 created')).toBeInTheDocument();
    await act(async () => finish({ status: 'created', created: ['Board Papers', 'Grants'] }));
    expect(await screen.findByText('Created 2 labels.')).toBeInTheDocument();
    expect(onImported).toHaveBeenCalled();
  });

  it('says who can create labels when Graph refuses an account the check could not judge', async () => {
    const services = fakeServices();
    services.checkImport.mockResolvedValue(ready);
    services.importLabels.mockResolvedValue({ status: 'notAllowed', whoCan: 'Records managers.', whatToDo: 'Send them the file.' });
    const { user, onImported } = setup(services);
    await user.upload(screen.getByLabelText('File plan CSV to import'), csvFile('good.csv'));
    await user.click(await screen.findByRole('button', { name: 'Create 2 labels' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("Your account can't create retention labels. Nothing was created.");
    expect(alert).toHaveTextContent('Who can: Records managers.');
    expect(alert).toHaveTextContent('What you can do: Send them the file.');
    expect(onImported).not.toHaveBeenCalled();
  });

  it('offers nothing to create, and says who can, when the check already knows the account may not', async () => {
    const services = fakeServices();
    services.checkImport.mockResolvedValue({ ...ready, notAllowed: { whoCan: 'Records managers.', whatToDo: 'Send them the file.' } });
    const { user } = setup(services);
    await user.upload(screen.getByLabelText('File plan CSV to import'), csvFile('good.csv'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("The file is ready, but your account can't create retention labels. Nothing was created.");
    expect(alert).toHaveTextContent('Who can: Records managers.');
    expect(alert).toHaveTextContent('What you can do: Send them the file.');
    expect(screen.queryByRole('button', { name: /^Create/ })).not.toBeInTheDocument();
    expect(services.importLabels).not.toHaveBeenCalled();
  });

  it('says exactly which labels were created when Graph refused one part way', async () => {
    const services = fakeServices();
    services.checkImport.mockResolvedValue(ready);
    services.importLabels.mockResolvedValue({
      status: 'partial',
      created: ['Board Papers'],
      failedLabel: 'Grants',
      error: errorFromEnvelope(
        400,
        { error: { code: 'invalidRequest', message: 'Bad name' } },
        { action: "create the retention label 'Grants'" }
      )
    });
    const { user } = setup(services);
    await user.upload(screen.getByLabelText('File plan CSV to import'), csvFile('good.csv'));
    await user.click(await screen.findByRole('button', { name: 'Create 2 labels' }));
    expect(await screen.findByText("Created 1 label, then stopped at 'Grants'.")).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent("create the retention label 'Grants'");
  });

  it('shows why a file could not be checked', async () => {
    const services = fakeServices();
    services.checkImport.mockRejectedValue(new Error('The network is down'));
    const { user } = setup(services);
    await user.upload(screen.getByLabelText('File plan CSV to import'), csvFile('plan.csv'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("Custodian couldn't check 'plan.csv'.");
    expect(alert).toHaveTextContent('The network is down');
  });

  it('opens the file chooser from its button', async () => {
    const { user } = setup();
    const input = screen.getByLabelText<HTMLInputElement>('File plan CSV to import');
    const click = jest.spyOn(input, 'click');
    await user.click(screen.getByRole('button', { name: 'Choose a CSV file to import' }));
    expect(click).toHaveBeenCalled();
  });
});
