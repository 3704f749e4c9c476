import { createHoldRegister, type HoldRegister } from '../../../../src/core/services/holds/holdRegister';
import { openRecordsSite } from '../../../../src/core/services/recordsSite/RecordsSite';
import { startTestTenant, type TestTenant } from '../../support/devTenant';
import { refusal } from '../support/refusal';

// Custodian's own holds, kept in lists on the records site of the dev tenant: what a records manager relies on is
// that a hold covers exactly what was added to it while it is active, that nothing is half-recorded, and that every
// change leaves its proof entry. Each test creates the holds it needs (ids are unique), so the order does not matter.

let tenant: TestTenant;
let register: HoldRegister;
const now = '2030-05-01T09:30:00Z';
const by = 'priya.raman@custodiandev.onmicrosoft.com';
const itemKey = (n: number): string =>
  `contoso.sharepoint.com,11111111-2222-4333-8444-555555555555,66666666-7777-4888-9999-000000000000|list-1|${n}`;
// A site no item above lives on: holding it must not hold them.
const siteId = 'contoso.sharepoint.com,cccccccc-2222-4333-8444-555555555555,dddddddd-7777-4888-9999-000000000000';

beforeAll(async () => {
  tenant = await startTestTenant(20);
  register = createHoldRegister(
    await openRecordsSite(tenant.graph('records-manager'), 'https://custodiandev.sharepoint.com/sites/records')
  );
});
afterAll(() => tenant.close());

describe('creating a hold', () => {
  it('keeps the trimmed name and reason, gives an id from the time, and records who created it and why', async () => {
    const { hold, entry } = await register.create({ name: "  O'Brien audit  ", reason: '  Audit 2030 ', by, now });
    expect(hold).toMatchObject({
      name: "O'Brien audit",
      reason: 'Audit 2030',
      state: 'active',
      createdBy: by,
      createdAt: '2030-05-01T09:30:00.000Z'
    });
    expect(hold.holdId).toMatch(/^H-20300501093000-[0-9a-f]{8}$/);
    expect(entry.payload).toMatchObject({
      kind: 'hold',
      subject: hold.holdId,
      subjectName: "O'Brien audit",
      action: 'createHold',
      by,
      justification: 'Audit 2030',
      outcome: 'active'
    });
    expect((await register.list()).find((h) => h.holdId === hold.holdId)).toMatchObject({ name: "O'Brien audit", targets: [] });
  });

  it('names a hold without a name by its id, and gives two holds created at once different ids', async () => {
    const [a, b] = await Promise.all([
      register.create({ name: ' ', reason: 'r', by, now }),
      register.create({ name: '', reason: 'r', by, now })
    ]);
    expect(a.hold.name).toBe(a.hold.holdId);
    expect(a.hold.holdId).not.toBe(b.hold.holdId);
  });

  it('refuses a blank reason, saying a reason is kept as proof, and creates nothing', async () => {
    const before = (await register.list()).length;
    const error = await refusal(() => register.create({ name: 'No reason', reason: ' \n ', by, now }));
    expect(error).toMatchObject({
      code: 'justificationRequired',
      what: 'Custodian did not create the hold.',
      why: 'A reason is required; it is kept as proof.',
      whatToDo: 'Give the reason, then try again.'
    });
    expect((await register.list()).length).toBe(before);
  });

  it('refuses a time without a time zone', async () => {
    await expect(register.create({ name: 'x', reason: 'r', by, now: '2030-05-01T09:30:00' })).rejects.toThrow(
      'The current time is not a valid date with a time zone.'
    );
  });
});

describe('adding to a hold', () => {
  it('adds items and sites once each, and records how many were asked for', async () => {
    const { hold } = await register.create({ name: 'Add', reason: 'r', by, now });
    const entry = await register.add({
      holdId: hold.holdId,
      items: [itemKey(1), itemKey(2)],
      sites: [siteId],
      by,
      justification: ' In scope ',
      now
    });
    expect(entry.payload).toMatchObject({
      action: 'addToHold',
      subject: hold.holdId,
      subjectName: 'Add',
      justification: 'In scope',
      outcome: '3 added'
    });
    expect(entry.payload.detail).toEqual({ items: '2', sites: '1' });
    const again = await register.add({ holdId: hold.holdId, items: [itemKey(2), itemKey(3)], by, justification: 'More', now });
    expect(again.payload.detail).toEqual({ items: '2', sites: '0' });
    const { targets } = (await register.list()).find((h) => h.holdId === hold.holdId)!;
    expect(targets.map((t) => [t.targetKind, t.target]).sort()).toEqual(
      [
        ['item', itemKey(1)],
        ['item', itemKey(2)],
        ['item', itemKey(3)],
        ['site', siteId]
      ].sort()
    );
    expect(targets.every((t) => t.addedBy === by && t.holdId === hold.holdId)).toBe(true);
  });

  it('refuses a hold that does not exist, and one that was released, saying which and when', async () => {
    const missing = await refusal(() => register.add({ holdId: 'H-0-nope', items: [itemKey(1)], by, justification: 'j', now }));
    expect(missing).toMatchObject({
      code: 'holdNotFound',
      status: 404,
      what: 'Custodian could not find the hold.',
      why: 'There is no hold with id H-0-nope.',
      whatToDo: 'Refresh the list of holds.'
    });
    const { hold } = await register.create({ name: 'Closed matter', reason: 'r', by, now });
    await register.release({ holdId: hold.holdId, by, justification: 'Closed', now: '2030-06-01T00:00:00Z' });
    const released = await refusal(() => register.add({ holdId: hold.holdId, items: [itemKey(1)], by, justification: 'j', now }));
    expect(released).toMatchObject({
      code: 'holdReleased',
      what: 'Custodian did not add to the hold.',
      why: 'The hold "Closed matter" was released on 2030-06-01T00:00:00.000Z.',
      whatToDo: 'Create a new hold.'
    });
    expect((await register.list()).find((h) => h.holdId === hold.holdId)!.targets).toEqual([]);
  });

  it('refuses a blank justification before adding anything', async () => {
    const { hold } = await register.create({ name: 'Blank', reason: 'r', by, now });
    const error = await refusal(() => register.add({ holdId: hold.holdId, items: [itemKey(1)], by, justification: '  ', now }));
    expect(error).toMatchObject({ code: 'justificationRequired', what: 'Custodian did not add to the hold.' });
    expect((await register.list()).find((h) => h.holdId === hold.holdId)!.targets).toEqual([]);
  });
});

describe('releasing a hold', () => {
  it('records who released it, when and why, and it then covers nothing', async () => {
    const { hold } = await register.create({ name: 'Release me', reason: 'r', by, now });
    await register.add({ holdId: hold.holdId, items: [itemKey(40)], by, justification: 'j', now });
    expect((await register.covering())(itemKey(40)).map((h) => h.id)).toEqual([hold.holdId]);
    const entry = await register.release({
      holdId: hold.holdId,
      by: 'ann@contoso.com',
      justification: ' Matter closed ',
      now: '2031-01-02T03:04:05+01:00'
    });
    expect(entry.payload).toMatchObject({
      action: 'releaseHold',
      subject: hold.holdId,
      by: 'ann@contoso.com',
      justification: 'Matter closed',
      outcome: 'released'
    });
    expect((await register.list()).find((h) => h.holdId === hold.holdId)).toMatchObject({
      state: 'released',
      releasedBy: 'ann@contoso.com',
      releasedAt: '2031-01-02T02:04:05.000Z'
    });
    expect((await register.covering())(itemKey(40))).toEqual([]);
  });

  it('refuses to release twice, saying who released it and when, and a blank justification', async () => {
    const { hold } = await register.create({ name: 'Twice', reason: 'r', by, now });
    const blank = await refusal(() => register.release({ holdId: hold.holdId, by, justification: '', now }));
    expect(blank).toMatchObject({ code: 'justificationRequired', what: 'Custodian did not release the hold.' });
    await register.release({ holdId: hold.holdId, by: 'ann@contoso.com', justification: 'Closed', now });
    const twice = await refusal(() => register.release({ holdId: hold.holdId, by, justification: 'Again', now }));
    expect(twice).toMatchObject({
      code: 'holdReleased',
      what: 'Custodian did not release the hold.',
      why: 'It was already released by ann@contoso.com on 2030-05-01T09:30:00.000Z.',
      whatToDo: 'Refresh the list of holds.'
    });
    const missing = await refusal(() => register.release({ holdId: 'H-0-nope', by, justification: 'j', now }));
    expect(missing.code).toBe('holdNotFound');
  });
});

describe('what the active holds cover', () => {
  it('an item by its key, every item of a site by the site id or by its URL (http or https, any case), and nothing else', async () => {
    const { hold: byItem } = await register.create({ name: 'By item', reason: 'r', by, now });
    await register.add({ holdId: byItem.holdId, items: [itemKey(100)], by, justification: 'j', now });
    const otherSite = 'contoso.sharepoint.com,aaaaaaaa-2222-4333-8444-555555555555,bbbbbbbb-7777-4888-9999-000000000000';
    const { hold: bySite } = await register.create({ name: 'By site', reason: 'r', by, now });
    await register.add({ holdId: bySite.holdId, sites: [otherSite], by, justification: 'j', now });
    const { hold: byUrl } = await register.create({ name: 'By URL', reason: 'r', by, now });
    await register.add({ holdId: byUrl.holdId, sites: ['HTTP://127.0.0.1:8080/sites/Board'], by, justification: 'j', now });

    const covering = await register.covering();
    const ids = (key: string, url?: string): string[] =>
      covering(key, url)
        .map((h) => h.id)
        .filter((id) => [byItem.holdId, bySite.holdId, byUrl.holdId].includes(id));
    expect(covering(itemKey(100)).find((h) => h.id === byItem.holdId)).toEqual({ source: 'custodian', id: byItem.holdId, name: 'By item' });
    expect(ids(itemKey(100))).toEqual([byItem.holdId]);
    expect(ids(itemKey(101))).toEqual([]);
    expect(ids(`${otherSite}|list-9|5`)).toEqual([bySite.holdId]);
    expect(ids(`${otherSite}|list-9|5`, 'https://contoso.sharepoint.com/sites/other')).toEqual([bySite.holdId]);
    // A hold naming a site by URL covers an item only when the item's site URL is known and is that site.
    expect(ids(itemKey(7))).toEqual([]);
    expect(ids(itemKey(7), 'http://127.0.0.1:8080/sites/board/')).toEqual([byUrl.holdId]);
    expect(ids(itemKey(7), 'http://127.0.0.1:8080/sites/boardroom')).toEqual([]);
  });
});
