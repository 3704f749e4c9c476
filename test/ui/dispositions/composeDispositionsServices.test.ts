import type { DispositionItemDetails } from '../../../src/core/services/disposition/readDispositionItem';
import { formatDate } from '../../../src/ui/common/dates';
import { composeDispositionsServices, type RecordsManagerServices } from '../../../src/ui/dispositions/composeDispositionsServices';

const details: DispositionItemDetails = {
  key: 'site-1|list-1|7',
  name: 'Invoice INV-00007.pdf',
  siteName: 'Finance',
  libraryName: 'Invoices',
  created: '2017-01-02T00:00:00Z',
  isRecord: false,
  columns: {},
  retention: {
    ok: true,
    kind: 'date',
    endsAt: '2024-01-03T00:00:00.000Z',
    endDate: '2024-01-03',
    action: 'delete',
    labelName: 'Invoices - 7 Years',
    extended: false,
    steps: []
  },
  now: '2026-06-01T00:00:00.000Z',
  history: []
};

function core(calls: unknown[][]): RecordsManagerServices {
  const record =
    (name: string, result: unknown = undefined) =>
    async (...args: unknown[]) => {
      calls.push([name, ...args]);
      return result;
    };
  return {
    disposition: {
      loadQueue: record('loadQueue') as never,
      lastQueue: record('lastQueue') as never,
      item: record('item', details) as never,
      decide: async (request, options) => {
        calls.push(['decide', request]);
        const outcome = { key: request.keys[0], name: 'x', ok: true as const, outcome: 'nextStage' as const, sequence: 3 };
        options?.onResult?.(outcome);
        return [outcome];
      },
      register: record('register') as never
    },
    holds: {
      list: record('holds', []) as never,
      legal: record('legalHolds', []) as never,
      create: record('createHold') as never,
      add: record('addToHold') as never,
      release: record('releaseHold') as never
    },
    events: { eventTypes: record('eventTypes') as never, preview: record('preview') as never, fire: record('fire') as never },
    forecast: { forecast: record('forecast') as never },
    search: { find: record('find') as never }
  };
}

describe('the Dispositions app services composed from the core services', () => {
  it("puts an item's retention into words at the tenant's time", async () => {
    const calls: unknown[][] = [];
    const view = await composeDispositionsServices(core(calls)).item(details.key);
    expect(calls).toEqual([['item', { key: details.key, signal: undefined }]]);
    expect(view).toMatchObject({ name: details.name, retention: `Ended on ${formatDate('2024-01-03')}, then deletion` });
    expect(view).not.toHaveProperty('now');
  });

  it('passes requests through with their options and reports each decision as it is made', async () => {
    const calls: unknown[][] = [];
    const services = composeDispositionsServices(core(calls));
    const seen: unknown[] = [];
    await services.decide(['k'], { kind: 'approve', justification: 'j' }, (r) => seen.push(r));
    await services.fireEvent('p1', 2);
    await services.forecast(12);
    await services.search({ text: 'Inv' });
    expect(seen).toEqual([expect.objectContaining({ key: 'k', outcome: 'nextStage' })]);
    expect(calls).toEqual([
      ['decide', { keys: ['k'], decision: { kind: 'approve', justification: 'j' } }],
      ['fire', { previewId: 'p1', confirmedCount: 2 }],
      ['forecast', { months: 12, signal: undefined }],
      ['find', { text: 'Inv' }, { signal: undefined }]
    ]);
    expect(services.demo).toBeUndefined();
  });
});
