import type { SensitivityLabel } from '@microsoft/microsoft-graph-types';
import type { FilePlanLabel } from '../../../../src/core/domain/filePlanLabel';
import { extractSensitivityLabels } from '../../../../src/core/graph/driveItems/extractSensitivityLabels';
import { getRetentionLabel } from '../../../../src/core/graph/driveItems/getRetentionLabel';
import { updateListItemFields } from '../../../../src/core/graph/listItems/updateListItemFields';
import { CustodianError } from '../../../../src/core/http/CustodianError';
import { declareRecord, type DeclareRecordContext } from '../../../../src/core/services/declareRecord';
import { resolveDocument, type ResolvedDocument } from '../../../../src/core/services/resolveDocument';
import { hostileFileNames, hostileStrings } from '../support/hostile';
import { logRequests } from '../support/requestLog';
import { startServicesTenant, type Library, type ServicesTenant } from '../support/servicesTenant';

let tenant: ServicesTenant;
let records: Library;
let filePlan: FilePlanLabel[];
let sensitivity: SensitivityLabel[];
const now = Date.UTC(2026, 0, 15, 9, 0, 0);

beforeAll(async () => {
  tenant = await startServicesTenant();
  records = await tenant.library('/sites/records', 'Records');
  filePlan = await tenant.filePlan();
  sensitivity = await tenant.sensitivityLabels();
});
afterAll(() => tenant.close());

const flat = (labels: SensitivityLabel[]): SensitivityLabel[] =>
  labels.flatMap((l) => [l, ...flat(((l as { sublabels?: SensitivityLabel[] }).sublabels ?? []) as SensitivityLabel[])]);
const appliable = (): (SensitivityLabel & { sensitivity?: number })[] =>
  flat(sensitivity).filter((l) => (l as { isAppliable?: boolean }).isAppliable) as (SensitivityLabel & { sensitivity?: number })[];
const context = (): DeclareRecordContext => ({ filePlan, sensitivityLabels: sensitivity, now, intervalMs: 20 });

async function resolved(url: string): Promise<ResolvedDocument> {
  const r = await resolveDocument(tenant.graph('office-worker'), url);
  if (!r.found) throw new Error(r.why);
  return r.document;
}

async function newDocument(name: string): Promise<ResolvedDocument> {
  const item = await tenant.upload(records, name);
  return resolved(item.webUrl!);
}

describe('declareRecord', () => {
  it('stops before any request when a hold refuses the change, and passes on a hold check that failed otherwise', async () => {
    const graph = tenant.graph('office-worker');
    const doc = await newDocument('Held contract.docx');
    const held = new CustodianError({
      status: 423,
      code: 'onHold',
      serviceMessage: 'Held.',
      source: 'client',
      what: "Custodian won't change the retention label of 'Held contract.docx'.",
      why: '\'Held contract.docx\' is under Custodian hold "Audit".',
      whatToDo: 'Ask the hold owner to release the hold.'
    });
    const log = logRequests(tenant.url);
    try {
      const result = await declareRecord(
        graph,
        doc,
        { retentionLabel: 'Health and Safety - 40 Years' },
        { ...context(), refuseIfHeld: () => Promise.reject(held) }
      );
      expect(result).toEqual({ status: 'refused', error: held });
      const unreadable = new CustodianError({ ...held, status: 403, code: 'accessDenied' });
      await expect(
        declareRecord(
          graph,
          doc,
          { retentionLabel: 'Health and Safety - 40 Years' },
          { ...context(), refuseIfHeld: () => Promise.reject(unreadable) }
        )
      ).rejects.toBe(unreadable);
      expect(log.requests).toEqual([]);
    } finally {
      log.stop();
    }
  });

  it('counts a label that starts when it is applied from the time the service applied it, not the time of the form', async () => {
    const graph = tenant.graph('office-worker');
    const doc = await newDocument('Personnel file.docx');
    // The form's clock is years away from the tenant's: the tenant's labelAppliedDateTime is what counts.
    const result = await declareRecord(graph, doc, { retentionLabel: 'Personnel Files - Unlocked Record' }, context());
    if (result.status === 'refused') throw result.error;
    const applied = (await getRetentionLabel(graph, doc.ref)).labelAppliedDateTime!;
    expect(Math.abs(Date.parse(applied) - now)).toBeGreaterThan(86_400_000);
    const days = (filePlan.find((l) => l.name === 'Personnel Files - Unlocked Record')!.retention!.duration as { days: number }).days;
    expect(result.retention).toMatchObject({ ok: true, kind: 'date' });
    if (result.retention?.ok && result.retention.kind === 'date')
      expect(Date.parse(result.retention.endsAt)).toBe(Date.parse(applied) + days * 86_400_000);
  });

  it('declares a hostile-named document in one batch, applies the sensitivity label, and says when retention ends', async () => {
    const graph = tenant.graph('office-worker');
    const label = [...appliable()].sort((a, b) => (a.sensitivity ?? 0) - (b.sensitivity ?? 0))[0];
    for (const [i, base] of hostileFileNames.entries()) {
      const doc = await newDocument(`${base}.docx`);
      const title = hostileStrings[i % hostileStrings.length].replace(/[\r\n]/g, ' ').slice(0, 255);
      const log = logRequests(tenant.url);
      let result;
      try {
        result = await declareRecord(
          graph,
          doc,
          {
            retentionLabel: 'Health and Safety - 40 Years',
            fields: { Title: title, ReferenceNumber: `R'${i} #&` },
            lock: true,
            sensitivityLabelId: label.id!
          },
          context()
        );
      } finally {
        log.stop();
      }
      expect(result.status).toBe('declared');
      if (result.status === 'refused') throw result.error;
      expect(result.steps.map((s) => [s.step, s.status])).toEqual([
        ['fields', 'done'],
        ['peopleAndTerms', 'unchanged'],
        ['retentionLabel', 'done'],
        ['lock', 'unchanged'], // the label starts locked, so no lock request is needed
        ['sensitivityLabel', 'done']
      ]);
      expect(result.record).toEqual({ behavior: 'retainAsRecord', isLocked: true });
      expect(result.retention).toMatchObject({ ok: true, kind: 'date', action: 'startDispositionReview' });
      const created = Date.parse(doc.created);
      if (result.retention?.ok && result.retention.kind === 'date')
        expect(Date.parse(result.retention.endsAt)).toBe(created + 14600 * 86400000);
      // One $batch holding the fields and the label, chained; then the sensitivity label and its monitor.
      const batch = log.requests.find((r) => r.inner.length)!;
      expect(batch.inner.map((r) => r.method)).toEqual(['PATCH', 'PATCH']);
      expect(JSON.parse(batch.body!).requests[1].dependsOn).toEqual([JSON.parse(batch.body!).requests[0].id]);
      expect(log.requests.some((r) => r.url.includes('/assignSensitivityLabel'))).toBe(true);
      expect((await getRetentionLabel(graph, doc.ref)).name).toBe('Health and Safety - 40 Years');
      expect(await extractSensitivityLabels(graph, doc.ref)).toEqual([expect.objectContaining({ sensitivityLabelId: label.id })]);
      const again = await resolved(doc.webUrl);
      expect(again.listItem!.fields).toMatchObject({ Title: title, ReferenceNumber: `R'${i} #&` });
    }
  });

  it('refuses to relabel a regulatory record, with the reason, and sends nothing', async () => {
    const doc = await resolved(`${records.siteUrl}/Records/${encodeURIComponent('Regulatory Return Q4 2019 - SEC.pdf')}`);
    const log = logRequests(tenant.url);
    try {
      const result = await declareRecord(tenant.graph('records-manager'), doc, { retentionLabel: 'Board Minutes - Permanent' }, context());
      expect(result.status).toBe('refused');
      if (result.status !== 'refused') return;
      expect(result.error).toMatchObject({
        code: 'regulatoryRecord',
        status: 0,
        why: 'A regulatory record cannot be relabelled, not even by an administrator.'
      });
      expect(result.error.what).toBe("Custodian won't change the retention label of 'Regulatory Return Q4 2019 - SEC.pdf'.");
      expect(result.error.whatToDo).toMatch(/records manager/);
      expect(log.count()).toBe(0);
    } finally {
      log.stop();
    }
  });

  it('refuses, before sending, what the rules forbid: lock without a record label, an unknown label, a read-only column', async () => {
    const doc = await newDocument('Plain note.txt');
    const log = logRequests(tenant.url);
    try {
      const graph = tenant.graph('office-worker');
      const notRecord = await declareRecord(graph, doc, { retentionLabel: 'Tax Records - 6 Years', lock: true }, context());
      expect(notRecord).toMatchObject({ status: 'refused', error: { code: 'notARecord' } });
      const unknown = await declareRecord(graph, doc, { retentionLabel: `No 'such' label` }, context());
      expect(unknown).toMatchObject({ status: 'refused', error: { code: 'unknownLabel' } });
      const readOnly = await declareRecord(graph, doc, { fields: { _ComplianceTag: 'x' } }, context());
      expect(readOnly).toMatchObject({ status: 'refused', error: { code: 'readOnlyField' } });
      const parent = flat(sensitivity).find((l) => (l as { isAppliable?: boolean }).isAppliable === false)!;
      const group = await declareRecord(graph, doc, { sensitivityLabelId: parent.id! }, context());
      expect(group).toMatchObject({ status: 'refused', error: { code: 'labelNotAppliable' } });
      expect(log.count()).toBe(0);
    } finally {
      log.stop();
    }
  });

  it('requires a justification to lower or remove a sensitivity label, and sends it when given', async () => {
    const graph = tenant.graph('office-worker');
    const ranked = [...appliable()].sort((a, b) => (a.sensitivity ?? 0) - (b.sensitivity ?? 0));
    const low = ranked[0];
    const high = ranked[ranked.length - 1];
    let doc = await newDocument('Sensitive plan.docx');
    expect(await declareRecord(graph, doc, { sensitivityLabelId: high.id! }, context())).toMatchObject({ status: 'declared' });
    doc = await resolved(doc.webUrl);
    const log = logRequests(tenant.url);
    try {
      const lower = await declareRecord(graph, doc, { sensitivityLabelId: low.id! }, context());
      expect(lower).toMatchObject({ status: 'refused', error: { code: 'justificationRequired' } });
      const remove = await declareRecord(graph, doc, { sensitivityLabelId: '', justification: '   ' }, context());
      expect(remove).toMatchObject({ status: 'refused', error: { code: 'justificationRequired' } });
      expect(log.count()).toBe(0);
    } finally {
      log.stop();
    }
    const justified = await declareRecord(graph, doc, { sensitivityLabelId: low.id!, justification: hostileStrings[1] }, context());
    expect(justified).toMatchObject({ status: 'declared' });
    expect(await extractSensitivityLabels(graph, doc.ref)).toEqual([expect.objectContaining({ sensitivityLabelId: low.id })]);
  });

  it('stops the chain when someone else changed the document meanwhile, and says so per step', async () => {
    const graph = tenant.graph('office-worker');
    const doc = await newDocument('Changed meanwhile.docx');
    await updateListItemFields(tenant.graph('site-owner'), doc.listItem!.list, doc.listItem!.id, { Title: 'edited by Sam' });
    const result = await declareRecord(
      graph,
      doc,
      { fields: { Title: 'mine' }, retentionLabel: 'Health and Safety - 40 Years', sensitivityLabelId: appliable()[0].id! },
      context()
    );
    expect(result.status).toBe('partial');
    if (result.status === 'refused') return;
    expect(result.steps.map((s) => [s.step, s.status])).toEqual([
      ['fields', 'failed'],
      ['peopleAndTerms', 'unchanged'],
      ['retentionLabel', 'notAttempted'],
      ['lock', 'unchanged'],
      ['sensitivityLabel', 'notAttempted']
    ]);
    expect(result.steps[0].error).toMatchObject({ status: 412 });
    expect(result.steps[0].error!.why).toMatch(/Someone else changed it/);
    expect(result.record).toEqual({ behavior: null, isLocked: false });
    expect((await getRetentionLabel(graph, doc.ref)).name ?? null).toBeNull();
  });

  it('unlocks and relocks a record label that starts unlocked', async () => {
    const graph = tenant.graph('office-worker');
    const doc = await newDocument('Personnel note.docx');
    const first = await declareRecord(graph, doc, { retentionLabel: 'Personnel Files - Unlocked Record', lock: true }, context());
    expect(first).toMatchObject({ status: 'declared', record: { behavior: 'retainAsRecord', isLocked: true } });
    if (first.status === 'refused') return;
    expect(first.steps.find((s) => s.step === 'lock')?.status).toBe('done');
    expect(first.retention).toMatchObject({ ok: true, kind: 'date' });
  });
});
