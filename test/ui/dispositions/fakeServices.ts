import type { DecisionOutcome } from '../../../src/core/services/disposition/decideDispositions';
import type { QueueItem, QueueSnapshot } from '../../../src/core/services/disposition/DispositionQueue';
import type { ProofEntrySummary } from '../../../src/core/services/disposition/ProofEntrySummary';
import type { ProofRegisterReport } from '../../../src/core/services/disposition/readProofRegister';
import type { HoldSummary } from '../../../src/core/services/holds/HoldSummary';
import type { LegalHoldSummary } from '../../../src/core/services/holds/listLegalHolds';
import type { DispositionsServices } from '../../../src/ui/dispositions/DispositionsServices';
import type { ItemDetailsView } from '../../../src/ui/dispositions/ItemDetailsView';

/** A queue item with sensible defaults (an invoice at stage 1 of 2, not held). */
export function queueItem(n: number, overrides: Partial<QueueItem> = {}): QueueItem {
  return {
    key: `site-${n % 3}|list-1|${n}`,
    name: `Invoice INV-${String(n).padStart(5, '0')}.pdf`,
    labelName: 'Invoices - 7 Years',
    siteId: `site-${n % 3}`,
    siteName: ['Finance', 'Legal', 'HR'][n % 3],
    libraryName: 'Invoices',
    created: '2017-01-02T00:00:00Z',
    isRecord: false,
    columns: { Department: 'Finance' },
    retentionEndedAt: new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString(),
    stages: [
      { name: 'Finance review', reviewers: ['priya.raman@contoso.com'] },
      { name: 'Legal sign-off', reviewers: ['sam.okafor@contoso.com'] }
    ],
    currentStage: 1,
    status: 'pendingReview',
    holds: [],
    ...overrides
  };
}

export function registerEntry(sequence: number, overrides: Partial<ProofEntrySummary> = {}): ProofEntrySummary {
  return {
    sequence,
    recordedAt: '2026-05-04T10:00:00.000Z',
    kind: 'decision',
    subject: 'site-1|list-1|1',
    subjectName: 'Invoice INV-00001.pdf',
    action: 'approve',
    stage: 2,
    by: 'priya.raman@contoso.com',
    justification: 'Past its schedule',
    outcome: 'disposed',
    detail: { label: 'Invoices - 7 Years' },
    hash: String(sequence).padStart(64, 'a'),
    previousHash: '0'.repeat(64),
    ...overrides
  };
}

export interface FakeServices extends DispositionsServices {
  calls: { method: string; args: unknown[] }[];
}

/** In-memory services: decisions on held items are refused as the core refuses them; the rest succeed. */
export function fakeServices(
  items: QueueItem[],
  options: { register?: ProofRegisterReport; holds?: HoldSummary[]; legalHolds?: LegalHoldSummary[] } = {}
): FakeServices {
  const calls: FakeServices['calls'] = [];
  let queue = [...items];
  const holds: HoldSummary[] = options.holds ?? [];
  const snapshot = (): QueueSnapshot => ({
    now: '2026-06-01T00:00:00.000Z',
    user: 'priya.raman@contoso.com',
    items: queue,
    labels: [
      {
        name: 'Invoices - 7 Years',
        action: 'startDispositionReview',
        isRecord: false,
        descriptors: { department: 'Finance', category: 'Finance' }
      },
      { name: 'Tax Records - 6 Years', action: 'delete', isRecord: false, descriptors: { department: 'Finance', category: 'Tax' } },
      {
        name: 'Regulatory Filings - 10 Years',
        action: 'startDispositionReview',
        isRecord: true,
        isRegulatory: true,
        descriptors: { department: 'Legal', category: 'Regulatory' }
      }
    ],
    sites: [
      { id: 'site-0', name: 'Finance' },
      { id: 'site-1', name: 'Legal' }
    ],
    indexedCount: queue.length + 10
  });
  const record = (method: string, ...args: unknown[]): void => void calls.push({ method, args });
  return {
    calls,
    loadQueue: async () => {
      record('loadQueue');
      return snapshot();
    },
    item: async (key): Promise<ItemDetailsView | undefined> => {
      record('item', key);
      const found = queue.find((i) => i.key === key);
      if (!found) return undefined;
      return { ...found, retention: 'Ended on 1 Jan 2024, then a disposition review', queued: found, history: [] };
    },
    decide: async (keys, decision, onResult) => {
      record('decide', keys, decision);
      const out: DecisionOutcome[] = [];
      for (const key of keys) {
        const item = queue.find((i) => i.key === key);
        const result: DecisionOutcome =
          item && item.holds.length && decision.kind === 'approve'
            ? { key, name: item.name, ok: false, error: new Error(`This item is on hold (${item.holds.map((h) => h.name).join(', ')}).`) }
            : {
                key,
                name: item?.name ?? key,
                ok: true,
                outcome: decision.kind === 'approve' ? 'nextStage' : 'extended',
                sequence: out.length
              };
        out.push(result);
        onResult?.(result);
      }
      queue = queue.map((i) =>
        keys.includes(i.key) && decision.kind === 'approve' && !i.holds.length ? { ...i, currentStage: i.currentStage + 1 } : i
      );
      return out;
    },
    holds: async () => holds,
    legalHolds: async () => options.legalHolds ?? [],
    createHold: async ({ name, reason }) => {
      record('createHold', name, reason);
      const hold: HoldSummary = {
        holdId: `H-${holds.length + 1}`,
        name,
        reason,
        state: 'active',
        createdBy: 'priya',
        createdAt: '2026-06-01T00:00:00Z',
        items: [],
        sites: []
      };
      holds.push(hold);
      return hold;
    },
    addToHold: async (input) => {
      record('addToHold', input);
      queue = queue.map((i) =>
        input.items?.includes(i.key)
          ? { ...i, holds: [{ source: 'custodian', id: input.holdId, name: holds.find((h) => h.holdId === input.holdId)?.name ?? '' }] }
          : i
      );
    },
    releaseHold: async (input) => record('releaseHold', input),
    eventTypes: async () => [{ id: 't1', name: 'Contract Expiry', labelNames: ['Contracts - 10 Years'] }],
    previewEvent: async (request) => {
      record('previewEvent', request);
      return {
        id: 'p1',
        request,
        eventTypeName: 'Contract Expiry',
        labelNames: ['Contracts - 10 Years'],
        query: `ComplianceAssetId:"${request.assetIds[0]}"`,
        count: 3,
        items: [
          { key: 'a', name: 'NDA - Fabrikam.docx', labelName: 'Contracts - 10 Years', assetId: request.assetIds[0], siteName: 'Legal' },
          { key: 'b', name: 'MSA - Fabrikam.pdf', labelName: 'Contracts - 10 Years', assetId: request.assetIds[0], siteName: 'Legal' }
        ],
        alreadyStarted: [],
        unmatchedAssetIds: [],
        indexedItemCount: 400,
        // Found by Microsoft Search outside the indexed libraries: the event starts it too.
        beyondIndex: {
          items: [
            {
              key: 'c',
              name: 'SOW - Fabrikam.docx',
              labelName: 'Contracts - 10 Years',
              assetId: request.assetIds[0],
              siteName: '/sites/sales',
              webUrl: 'https://contoso.sharepoint.com/sites/sales/Shared%20Documents/SOW%20-%20Fabrikam.docx'
            }
          ],
          alreadyStarted: [],
          truncated: false,
          total: 1
        }
      };
    },
    fireEvent: async (previewId, confirmedCount) => {
      record('fireEvent', previewId, confirmedCount);
      return {
        eventId: 'e1',
        displayName: 'Fabrikam contract expired',
        started: [{ key: 'a', name: 'NDA - Fabrikam.docx', assetId: 'C-1', retentionEndsAt: '2036-06-01T00:00:00Z' }]
      };
    },
    register: async () => options.register ?? { entries: [], verification: { ok: true, count: 0, headHash: '0'.repeat(64) } },
    forecast: async (months) =>
      Array.from({ length: months }, (_, i) => ({
        month: `2026-${String(i + 1).padStart(2, '0')}`,
        total: i,
        review: i,
        delete: 0,
        none: 0
      })),
    search: async (request) => {
      record('search', request);
      return { rows: [], truncated: false, csv: '' };
    }
  };
}
