import { CustodianError } from '../../../../src/core/http/CustodianError';
import type { BulkLabelJob } from '../../../../src/core/services/bulkLabel/BulkLabelJob';
import { ConcurrencyWindow } from '../../../../src/core/services/bulkLabel/ConcurrencyWindow';
import { failureOf } from '../../../../src/core/services/bulkLabel/failureOf';
import { jobFingerprint } from '../../../../src/core/services/bulkLabel/jobFingerprint';

// The parts of a bulk labelling job a records manager meets only through its pace and its report: how many chunks
// run at once (Little's law: what keeps the rate governor's permits in use over one round trip), what a failed item
// says, and what makes a saved job "the same job" when it is resumed. Expected values are worked by hand.

describe('ConcurrencyWindow', () => {
  it('runs as many chunks as the rate needs over a round trip, half as many again plus two', () => {
    const window = new ConcurrencyWindow(16);
    // 100 ms round trip (its starting guess), 10 requests/s, one request a chunk: 1.5 x 10 x 0.1 = 1.5, so 2 + 2.
    expect(window.limit(10, 1)).toBe(4);
    // Graph $batch chunks of 20 requests at 100 requests/s: 1.5 x 100 x 0.1 / 20 = 0.75, so 1 + 2.
    expect(window.limit(100, 20)).toBe(3);
  });

  it('follows slower round trips gradually (one slow answer moves it a fifth of the way), up to its maximum', () => {
    const window = new ConcurrencyWindow(16);
    window.observe(1100);
    // 0.8 x 100 + 0.2 x 1100 = 300 ms: 1.5 x 10 x 0.3 = 4.5, so 5 + 2.
    expect(window.limit(10, 1)).toBe(7);
    for (let i = 0; i < 30; i++) window.observe(5000);
    expect(window.limit(10, 1)).toBe(16);
    expect(new ConcurrencyWindow(5).limit(1000, 1)).toBe(5);
  });

  it('follows the governor down when the service throttles, never below one chunk', () => {
    const window = new ConcurrencyWindow(16);
    for (let i = 0; i < 30; i++) window.observe(2000);
    expect(window.limit(10, 1)).toBe(16);
    expect(window.limit(1, 1)).toBe(5);
    expect(window.limit(0, 1)).toBe(2);
    expect(new ConcurrencyWindow(0).limit(10, 1)).toBe(1);
    // A chunk of no requests counts as one.
    expect(window.limit(1, 0)).toBe(window.limit(1, 1));
  });
});

const error = (status: number, serviceMessage: string, innerCode?: string): CustodianError =>
  new CustodianError({
    status,
    code: status === 403 ? 'accessDenied' : 'serviceNotAvailable',
    ...(innerCode ? { innerCode } : {}),
    serviceMessage,
    source: 'graph',
    what: "Custodian couldn't label 'a.docx'.",
    why: 'The service did not answer.',
    whatToDo: 'Try again.'
  });

describe('failureOf', () => {
  it("names a refusal with the service's own sentence and its most specific code", () => {
    expect(failureOf('7', error(403, 'The item is a regulatory record.', 'regulatoryRecord'))).toEqual({
      id: '7',
      code: 'regulatoryRecord',
      status: 403,
      reason: 'The item is a regulatory record.'
    });
    expect(failureOf('7', error(400, 'Bad label name.')).reason).toBe('Bad label name.');
    expect(failureOf('7', error(499, 'Client closed.')).reason).toBe('Client closed.');
  });

  it("names a service failure (5xx) or an answer without a message in Custodian's words", () => {
    expect(failureOf('8', error(503, 'Server Busy (dw-03)'))).toEqual({
      id: '8',
      code: 'serviceNotAvailable',
      status: 503,
      reason: "Custodian couldn't label 'a.docx'. The service did not answer."
    });
    expect(failureOf('8', error(500, 'NullReferenceException')).reason).toBe(
      "Custodian couldn't label 'a.docx'. The service did not answer."
    );
    expect(failureOf('8', error(403, '')).reason).toBe("Custodian couldn't label 'a.docx'. The service did not answer.");
  });
});

describe('jobFingerprint', () => {
  const drive: BulkLabelJob = {
    jobId: 'j',
    label: 'Invoices - 7 Years',
    target: { kind: 'driveItems', items: [] }
  } as unknown as BulkLabelJob;
  const list = (listUrl: string): BulkLabelJob =>
    ({ jobId: 'j', label: 'Invoices - 7 Years', target: { kind: 'listItems', listUrl, items: [] } }) as unknown as BulkLabelJob;

  it('is the same for the same label, place and items, and differs when any of them changes', async () => {
    const base = await jobFingerprint(list('https://t/sites/finance/Invoices'), ['1', '2']);
    expect(await jobFingerprint(list('https://t/sites/finance/Invoices'), ['1', '2'])).toBe(base);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    const others = [
      await jobFingerprint(list('https://t/sites/finance/Receipts'), ['1', '2']),
      await jobFingerprint({ ...list('https://t/sites/finance/Invoices'), label: 'Contracts' }, ['1', '2']),
      await jobFingerprint(list('https://t/sites/finance/Invoices'), ['2', '1']),
      await jobFingerprint(list('https://t/sites/finance/Invoices'), ['1']),
      await jobFingerprint(drive, ['1', '2'])
    ];
    expect(new Set([base, ...others]).size).toBe(6);
    // List item ids are numbers: items 1 and 23 are not items 12 and 3.
    expect(await jobFingerprint(list('https://t/sites/finance/Invoices'), ['1', '23'])).not.toBe(
      await jobFingerprint(list('https://t/sites/finance/Invoices'), ['12', '3'])
    );
  });
});
