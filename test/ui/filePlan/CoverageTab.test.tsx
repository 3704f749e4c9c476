/** @jest-environment jsdom */
import * as React from 'react';
import '@testing-library/jest-dom';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describeCoverage, percentOf } from '../../../src/ui/filePlan/CoverageChart';
import { CoverageTab } from '../../../src/ui/filePlan/CoverageTab';
import { coverage, fakeServices, renderInFluent, type FakeServices } from './support';

function setup(services: FakeServices = fakeServices(), version = 0): ReturnType<typeof renderInFluent> & { services: FakeServices } {
  return { ...renderInFluent(<CoverageTab services={services} version={version} />), services };
}

describe('CoverageTab', () => {
  it('shows every figure per library in a table, with totals', async () => {
    setup();
    const table = await screen.findByRole('table', { name: 'Coverage per library' });
    const rows = within(table)
      .getAllByRole('row')
      .map((row) =>
        within(row)
          .queryAllByRole('cell')
          .map((c) => c.textContent)
      );
    expect(rows.slice(1)).toEqual([
      ['Audit Reports', 'None', '200', '50', '150', '40', '30', '0'],
      ['Invoices', 'Invoices - 7 Years', '100', '75', '25', '0', '0', '30'],
      ['All libraries', '', '300', '125', '175', '40', '30', '30']
    ]);
  });

  it('draws a chart that is one image named and described in words', async () => {
    setup();
    const chart = await screen.findByRole('img', { name: /Labelling coverage per library/ });
    expect(chart).toHaveAccessibleName(
      expect.stringContaining('Invoices: 100 items, 0 records (0%), 75 labelled, not records (75%), 25 unlabelled (25%)')
    );
    expect(
      within(screen.getByRole('list', { name: 'Legend' }))
        .getAllByRole('listitem')
        .map((li) => li.textContent)
    ).toEqual(['Records', 'Labelled, not records', 'Unlabelled']);
  });

  it("offers the chart's data as a table", async () => {
    const user = userEvent.setup();
    setup();
    await user.click(await screen.findByRole('switch', { name: 'Show the chart as a table' }));
    const table = screen.getByRole('table', { name: "Chart data: share of each library's items" });
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('Audit Reports40 (20%)10 (5%)150 (75%)');
    expect(screen.queryByRole('img', { name: /Labelling coverage/ })).not.toBeInTheDocument();
  });

  it('reads again on Refresh and when labels changed elsewhere in the app', async () => {
    const user = userEvent.setup();
    const { services, rerender } = setup();
    await screen.findByRole('table', { name: 'Coverage per library' });
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    await screen.findByRole('table', { name: 'Coverage per library' });
    expect(services.loadCoverage).toHaveBeenCalledTimes(2);
    rerender(<CoverageTab services={services} version={1} />);
    await screen.findByRole('table', { name: 'Coverage per library' });
    expect(services.loadCoverage).toHaveBeenCalledTimes(3);
  });

  it('shows the counted files at once and says the locked records are still being counted, then fills them in', async () => {
    const services = fakeServices();
    let lockedCounted: () => void = () => undefined;
    services.loadCoverage.mockImplementationOnce(async (options) => {
      options?.onFilesCounted?.(coverage.map((row) => ({ ...row, lockedRecords: undefined })));
      await new Promise<void>((resolve) => (lockedCounted = resolve));
      return coverage;
    });
    setup(services);
    const table = await screen.findByRole('table', { name: 'Coverage per library' });
    const lockedColumn = (): (string | null)[] =>
      within(screen.getByRole('table', { name: 'Coverage per library' }))
        .getAllByRole('row')
        .slice(1)
        .map((row) => within(row).getAllByRole('cell')[6].textContent);
    expect(lockedColumn()).toEqual(['Counting…', 'Counting…', 'Counting…']);
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('Audit ReportsNone2005015040');
    expect(table).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('status')).toHaveTextContent('Counting the locked records…');
    lockedCounted();
    await waitFor(() => expect(lockedColumn()).toEqual(['30', '0', '30']));
    expect(screen.getByRole('table', { name: 'Coverage per library' })).toHaveAttribute('aria-busy', 'false');
    expect(screen.getByRole('status')).toHaveTextContent('');
  });

  it('shows why it could not count, with Try again', async () => {
    const services = fakeServices();
    services.loadCoverage.mockRejectedValueOnce(new Error('Graph is down'));
    setup(services);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("Custodian couldn't count the labels.");
    expect(alert).toHaveTextContent('Graph is down');
  });
});

describe('chart text', () => {
  it('gives whole percentages, 0 of 0 as 0%', () => {
    expect(percentOf(1, 3)).toBe(33);
    expect(percentOf(0, 0)).toBe(0);
  });

  it('describes each library in one sentence', () => {
    expect(describeCoverage([coverage[1]])).toBe(
      'Invoices: 100 items, 0 records (0%), 75 labelled, not records (75%), 25 unlabelled (25%)'
    );
  });
});
