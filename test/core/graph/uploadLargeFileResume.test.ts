// Resuming an upload session after a lost fragment, against the dev tenant. Outside truth: "driveItem:
// createUploadSession" (https://learn.microsoft.com/graph/api/driveitem-createuploadsession), sections "Resuming an
// in-progress upload" (GET on the uploadUrl answers nextExpectedRanges), "Remarks" (a fragment the server already
// received is answered 416 Requested Range Not Satisfiable; ask the upload status) and "Best practices" (resume or
// retry uploads that fail on a connection interruption or a 5xx).
import { createHash } from 'node:crypto';
import { createDevTenantTokenProvider } from '../../../src/core/auth/createDevTenantTokenProvider';
import { createGraphGateway } from '../../../src/core/graph/createGraphGateway';
import { uploadLargeFile } from '../../../src/core/graph/driveItems/uploadLargeFile';
import type { GraphGateway } from '../../../src/core/graph/GraphGateway';
import { startDevTenant, type RunningDevTenant } from '../../../src/devtenant/index';
import { fakeTiming } from '../support/fakeTiming';

const fragment = 320 * 1024;
const bytes = new Uint8Array(3 * fragment - 1000).map((_, i) => (i * 31) % 253);
const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

let tenant: RunningDevTenant;
let graph: GraphGateway;
let driveId: string;
let token: string;
/** What reached (or was meant for) the upload URL, in order: `PUT 327680`, `GET`, `DELETE`. */
let uploadLog: string[];
const realFetch = globalThis.fetch.bind(globalThis);

beforeEach(async () => {
  tenant = await startDevTenant({ memory: true, items: 0 });
  // Fake timing: the pipeline's backoff between retries does not wait on the wall clock.
  graph = createGraphGateway({
    baseUrl: tenant.url,
    tokens: createDevTenantTokenProvider({ url: tenant.url, persona: 'office-worker' }),
    timing: fakeTiming(),
    governor: { initialRate: 500 }
  });
  token = ((await (await realFetch(`${tenant.url}/devtenant/token?persona=office-worker`)).json()) as { access_token: string })
    .access_token;
  const site = (await (
    await realFetch(`${tenant.url}/v1.0/sites/custodiandev.sharepoint.com:/sites/records`, {
      headers: { authorization: `Bearer ${token}` }
    })
  ).json()) as { id: string };
  const drives = (await (
    await realFetch(`${tenant.url}/v1.0/sites/${encodeURIComponent(site.id)}/drives`, { headers: { authorization: `Bearer ${token}` } })
  ).json()) as { value: { id: string; name: string }[] };
  driveId = drives.value[0].id;
  uploadLog = [];
});

afterEach(async () => {
  jest.restoreAllMocks();
  await tenant.close();
});

function describeRequest(input: RequestInfo | URL, init?: RequestInit): { url: string; method: string; start?: number } {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const method = (init?.method ?? (typeof input === 'object' && 'method' in input ? input.method : 'GET')).toUpperCase();
  const headers = new Headers(init?.headers);
  const m = /^bytes (\d+)-/.exec(headers.get('content-range') ?? '');
  return { url, method, start: m ? Number(m[1]) : undefined };
}

/** Routes fetch through `onUpload` for requests to the upload URL, logging each; everything else goes out as it is. */
function interceptUploads(
  onUpload: (request: { method: string; start?: number }, send: () => Promise<Response>) => Promise<Response>
): void {
  jest.spyOn(globalThis, 'fetch').mockImplementation((input: RequestInfo | URL, init?: RequestInit) => {
    const request = describeRequest(input, init);
    if (!request.url.includes('/devtenant/upload/')) return realFetch(input, init);
    uploadLog.push(request.start === undefined ? request.method : `${request.method} ${request.start}`);
    return onUpload(request, () => realFetch(input, init));
  });
}

async function downloaded(itemId: string): Promise<Uint8Array> {
  const res = await realFetch(`${tenant.url}/v1.0/drives/${driveId}/items/${itemId}/content`, {
    headers: { authorization: `Bearer ${token}` }
  });
  return new Uint8Array(await res.arrayBuffer());
}

describe('uploadLargeFile resumes an upload session', () => {
  it('after the connection drops once the session has taken a fragment: the retry meets 416, the status says where to go on', async () => {
    let dropped = false;
    interceptUploads(async (request, send) => {
      const answer = await send();
      if (request.method === 'PUT' && request.start === fragment && !dropped) {
        dropped = true;
        await answer.body?.cancel();
        throw new TypeError('fetch failed: socket hang up');
      }
      return answer;
    });
    const progress: number[] = [];
    const item = await uploadLargeFile(graph, driveId, '', 'Dropped fragment.eml', new Blob([bytes]), {
      chunkBytes: fragment,
      onProgress: (p) => progress.push(p.uploadedBytes)
    });
    expect(uploadLog).toEqual([`PUT 0`, `PUT ${fragment}`, `PUT ${fragment}`, 'GET', `PUT ${2 * fragment}`]);
    expect(item).toMatchObject({ name: 'Dropped fragment.eml', size: bytes.length });
    expect(sha256(await downloaded(item.id!))).toBe(sha256(bytes));
    expect(progress).toEqual([fragment, 2 * fragment, bytes.length]);
  });

  it('after a 416 for a fragment the session already had (delivered twice on the way): it continues from nextExpectedRanges', async () => {
    let duplicated = false;
    interceptUploads(async (request, send) => {
      if (request.method === 'PUT' && request.start === fragment && !duplicated) {
        duplicated = true;
        await (await send()).body?.cancel();
        return send(); // the same bytes again: the session answers 416
      }
      return send();
    });
    const item = await uploadLargeFile(graph, driveId, '', 'Twice delivered.eml', new Blob([bytes]), { chunkBytes: fragment });
    expect(uploadLog).toEqual([`PUT 0`, `PUT ${fragment}`, 'GET', `PUT ${2 * fragment}`]);
    expect(sha256(await downloaded(item.id!))).toBe(sha256(bytes));
  });

  it('after a fragment lost before it arrived: the pipeline sends it again, and the file arrives whole', async () => {
    let lost = false;
    interceptUploads((request, send) => {
      if (request.method === 'PUT' && request.start === 2 * fragment && !lost) {
        lost = true;
        return Promise.reject(new TypeError('fetch failed: ECONNRESET'));
      }
      return send();
    });
    const item = await uploadLargeFile(graph, driveId, '', 'Lost fragment.eml', new Blob([bytes]), { chunkBytes: fragment });
    expect(uploadLog).toEqual([`PUT 0`, `PUT ${fragment}`, `PUT ${2 * fragment}`, `PUT ${2 * fragment}`]);
    expect(sha256(await downloaded(item.id!))).toBe(sha256(bytes));
  });

  it('gives up, cancels the session and says why when the session stops moving forward', async () => {
    interceptUploads((request, send) =>
      request.method === 'PUT' && request.start === fragment ? Promise.resolve(new Response('', { status: 500 })) : send()
    );
    const e = await uploadLargeFile(graph, driveId, '', 'Stuck.eml', new Blob([bytes]), { chunkBytes: fragment }).catch((x: unknown) => x);
    expect(e).toMatchObject({ status: 500, what: "Custodian couldn't upload 'Stuck.eml'." });
    // Each attempt at the stuck range asked where the session stood; after the last, the session is cancelled.
    expect(uploadLog.filter((l) => l === 'GET')).toHaveLength(3);
    expect(uploadLog[uploadLog.length - 1]).toBe('DELETE');
  });
});
