import { createGraphGateway } from '../../../../src/core/graph/createGraphGateway';
import type { GraphGateway } from '../../../../src/core/graph/GraphGateway';
import { CustodianError } from '../../../../src/core/http/CustodianError';
import { defaultRetryPolicy } from '../../../../src/core/http/retryRules';
import { createDevTenantTokenProvider } from '../../../../src/core/auth/createDevTenantTokenProvider';
import { resolveDocument } from '../../../../src/core/services/resolveDocument';
import { startLoopbackPeer, staticTokens, type LoopbackPeer, type SeenRequest } from '../../support/loopbackPeer';
import { startServicesTenant, type Library, type ServicesTenant } from '../support/servicesTenant';

/**
 * What a person sees when Graph answers something other than "here it is": Graph's documented error envelope
 * (`{ error: { code, message } }`) and documented payloads, served over real HTTP by a loopback peer where the
 * dev tenant cannot produce the answer (it has no per-item permissions and never fails a label read), and
 * the dev tenant's own faults for an outage.
 */

const docUrl = 'https://contoso.sharepoint.com/sites/finance/Shared%20Documents/Budget%202026.docx';

/** Graph's driveItem with its listItem, as `GET /shares/{id}/driveItem?$expand=listItem($expand=fields)` answers. */
const driveItem = {
  id: '01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDJD36K',
  name: 'Budget 2026.docx',
  webUrl: docUrl,
  createdDateTime: '2025-11-03T09:12:00Z',
  lastModifiedDateTime: '2026-01-20T16:40:00Z',
  parentReference: {
    driveId: 'b!-RIj2DuyvEyV1T4NlOaMHk8XkS_I8MdFlUCq1BlcjgmhRfAj3-Z8RY2VpuvV_tpd',
    id: '01BYE5RZ56Y2GOVW7725BZO354PWSELRRZ'
  },
  file: { mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  listItem: {
    id: '14',
    eTag: '"7d2e4b4c-1a7e-4a8b-9a3b-5f2a4b0e6c11,3"',
    parentReference: {
      siteId: 'contoso.sharepoint.com,2C712604-1370-44E7-A1F5-426573FDA80A,2D2244C3-251A-49EA-93A8-39E1C3A060FE',
      id: 'b57f4e2c-7e85-4b5f-9a06-3c8e3a7f7a42'
    },
    fields: { FileLeafRef: 'Budget 2026.docx', Title: 'Budget' }
  }
};

/** The retention label from the driveitem-getretentionlabel example (v1.0): applied by a person, not explicitly. */
const retentionLabel = {
  name: 'Retention label for Contracts',
  retentionSettings: {
    behaviorDuringRetentionPeriod: 'retain',
    isDeleteAllowed: false,
    isRecordLocked: false,
    isMetadataUpdateAllowed: false,
    isContentUpdateAllowed: false,
    isLabelUpdateAllowed: false
  },
  isLabelAppliedExplicitly: false,
  labelAppliedDateTime: '2022-12-22T10:18:23.6580555+00:00',
  labelAppliedBy: { user: { id: '56d171c8-a92e-4359-9e5d-3f9c6a2d9f11', displayName: 'Contoso Admin' } }
};

const graphError = (status: number, code: string, message: string) => ({ status, body: { error: { code, message } } });

/** Answers a `$batch` with one reply per inner request, chosen by its URL, under the ids the client sent. */
function batchReply(req: SeenRequest, answer: (url: string) => { status: number; body?: unknown }) {
  const { requests } = JSON.parse(req.body) as { requests: { id: string; url: string }[] };
  return {
    status: 200,
    body: {
      responses: requests.map((r) => {
        const a = answer(r.url);
        return { id: r.id, status: a.status, headers: { 'Content-Type': 'application/json' }, body: a.body };
      })
    }
  };
}

let peer: LoopbackPeer;
let graph: GraphGateway;

beforeAll(async () => {
  peer = await startLoopbackPeer();
  graph = createGraphGateway({ baseUrl: peer.url, tokens: staticTokens(), retry: { ...defaultRetryPolicy, maxRetries: 0 } });
});
afterAll(() => peer.close());
beforeEach(() => {
  peer.seen.splice(0);
});

describe('resolveDocument when Graph does not simply answer', () => {
  it('a document the person may not open is "no access" with Graph\'s reason, not "not found", and nothing more is asked', async () => {
    peer.otherwise = () => graphError(403, 'accessDenied', 'Access denied');
    const result = await resolveDocument(graph, docUrl, { extraHosts: [] });
    expect(result).toMatchObject({ found: false, reason: 'noAccess' });
    if (result.found) return;
    expect(result.what).not.toBe('');
    expect(result.whatToDo).not.toMatch(/Save the document again/);
    expect(peer.seen).toHaveLength(1);
  });

  it('a document Graph cannot find is "not found" with advice to save it again', async () => {
    peer.otherwise = () => graphError(404, 'itemNotFound', 'The resource could not be found.');
    const result = await resolveDocument(graph, docUrl);
    expect(result).toMatchObject({ found: false, reason: 'notFound' });
    if (!result.found) expect(result.whatToDo).toMatch(/Save the document again/);
  });

  it('a sensitivity label Graph cannot extract (a locked file) still resolves the document with its retention label, and says why', async () => {
    peer.otherwise = (req) =>
      req.url.includes('/$batch')
        ? batchReply(req, (url) =>
            url.includes('extractSensitivityLabels')
              ? graphError(423, 'resourceLocked', 'The resource you are attempting to access is locked.')
              : { status: 200, body: retentionLabel }
          )
        : { status: 200, body: driveItem };
    const result = await resolveDocument(graph, docUrl);
    if (!result.found) throw new Error(result.why);
    const doc = result.document;
    expect(doc).toMatchObject({
      name: 'Budget 2026.docx',
      ref: { driveId: driveItem.parentReference.driveId, itemId: driveItem.id },
      listItem: { id: '14', eTag: driveItem.listItem.eTag, list: { siteId: driveItem.listItem.parentReference.siteId } },
      retentionLabel: {
        name: 'Retention label for Contracts',
        appliedBy: 'Contoso Admin',
        appliedAt: '2022-12-22T10:18:23.6580555+00:00',
        isAppliedExplicitly: false
      },
      record: { behavior: 'retain', isLocked: false },
      sensitivityLabels: []
    });
    expect(doc.sensitivityLabelsError).toBeInstanceOf(CustodianError);
    expect(doc.sensitivityLabelsError?.status).toBe(423);
  });

  it('a retention label Graph refuses to show is an error, never shown as "no label" (which would allow a delete)', async () => {
    peer.otherwise = (req) =>
      req.url.includes('/$batch')
        ? batchReply(req, (url) =>
            url.includes('retentionLabel')
              ? graphError(403, 'accessDenied', 'Access denied')
              : { status: 200, body: { '@odata.type': '#microsoft.graph.extractSensitivityLabelsResult', labels: [] } }
          )
        : { status: 200, body: driveItem };
    await expect(resolveDocument(graph, docUrl)).rejects.toMatchObject({ status: 403 });
  });

  it('an item with no retention label (404 on its label) resolves with no label and delete allowed', async () => {
    peer.otherwise = (req) =>
      req.url.includes('/$batch')
        ? batchReply(req, (url) =>
            url.includes('retentionLabel')
              ? graphError(404, 'itemNotFound', 'The resource could not be found.')
              : { status: 200, body: { '@odata.type': '#microsoft.graph.extractSensitivityLabelsResult', labels: [] } }
          )
        : { status: 200, body: driveItem };
    const result = await resolveDocument(graph, docUrl);
    if (!result.found) throw new Error(result.why);
    expect(result.document.retentionLabel).toBeNull();
    expect(result.document.restrictions.delete.allowed).toBe(true);
    expect(result.document.sensitivityLabelsError).toBeUndefined();
  });
});

describe('resolveDocument during an outage (dev tenant faults)', () => {
  let tenant: ServicesTenant;
  let records: Library;
  beforeAll(async () => {
    tenant = await startServicesTenant(20);
    records = await tenant.library('/sites/records', 'Records');
  });
  afterAll(() => tenant.close());

  it('a 503 is thrown as an outage, not reported as a missing document', async () => {
    const item = await tenant.upload(records, 'Outage test.docx');
    const noRetry = createGraphGateway({
      baseUrl: tenant.url,
      tokens: createDevTenantTokenProvider({ url: tenant.url, persona: 'office-worker' }),
      retry: { ...defaultRetryPolicy, maxRetries: 0 }
    });
    await tenant.control('PUT', '/faults', { faults: '503:1' });
    try {
      const outcome = await resolveDocument(noRetry, item.webUrl!).catch((e: unknown) => e);
      expect(outcome).toBeInstanceOf(CustodianError);
      expect(outcome).toMatchObject({ status: 503 });
    } finally {
      await tenant.control('PUT', '/faults', { faults: '' });
    }
    const after = await resolveDocument(noRetry, item.webUrl!);
    expect(after.found).toBe(true);
  });
});
