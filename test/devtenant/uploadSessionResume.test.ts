/* eslint-disable @typescript-eslint/no-explicit-any -- Graph JSON read loosely, as a client would. */
// The upload URL of an upload session, as "driveItem: createUploadSession" documents it
// (https://learn.microsoft.com/graph/api/driveitem-createuploadsession): "Resuming an in-progress upload" (GET on the
// uploadUrl answers 200 with expirationDateTime and nextExpectedRanges), "Remarks" (a fragment the server already
// received is answered 416 Requested Range Not Satisfiable), "Upload bytes" ("Uploading fragments out of order results
// in an error"), and the error example of "Microsoft Graph error responses" (https://learn.microsoft.com/graph/errors):
// 416 with `{ error: { code: "badRequest", message: "Uploaded fragment overlaps with existing data.",
// innerError: { code: "invalidRange", request-id, date } } }`.
import http from 'node:http';
import { TestTenant, expectGraphError } from './helpers';

const fragment = 327_680;
const bytes = Buffer.alloc(2 * fragment + 5000, 9);
let t: TestTenant;
let uploadUrl: string;

beforeAll(async () => {
  t = await TestTenant.start({ items: 0 });
});
afterAll(() => t.close());

beforeEach(async () => {
  const site = (await t.get('office-worker', '/v1.0/sites/custodiandev.sharepoint.com:/sites/records')).json;
  const drive = (await t.get('office-worker', `/v1.0/sites/${encodeURIComponent(site.id)}/drives`)).json.value[0];
  const session = await t.call(
    'office-worker',
    'POST',
    `/v1.0/drives/${drive.id}/root:/resume-${Date.now()}-${Math.random()}.eml:/createUploadSession`,
    {
      item: { '@microsoft.graph.conflictBehavior': 'rename' }
    }
  );
  uploadUrl = session.json.uploadUrl;
});

const put = (start: number, end: number): Promise<Response> =>
  fetch(uploadUrl, {
    method: 'PUT',
    headers: { 'content-range': `bytes ${start}-${end}/${bytes.length}` },
    body: bytes.subarray(start, end + 1)
  });

async function status(): Promise<{ status: number; json: any }> {
  const res = await fetch(uploadUrl);
  return { status: res.status, json: await res.json() };
}

/** Sends the start of a fragment, then resets the connection before the rest: the fragment never completes. */
function dropMidFragment(start: number, end: number): Promise<void> {
  return new Promise((resolve) => {
    const req = http.request(uploadUrl, {
      method: 'PUT',
      headers: { 'content-range': `bytes ${start}-${end}/${bytes.length}`, 'content-length': String(end - start + 1) }
    });
    req.on('error', () => resolve());
    req.write(bytes.subarray(start, start + 1000), () => {
      req.destroy();
      resolve();
    });
  });
}

describe('upload session status and range errors', () => {
  it('answers GET on the upload URL with the documented example keys: expirationDateTime and nextExpectedRanges', async () => {
    expect((await put(0, fragment - 1)).status).toBe(202);
    const s = await status();
    expect(s.status).toBe(200);
    expect(Object.keys(s.json).sort()).toEqual(['expirationDateTime', 'nextExpectedRanges']);
    expect(Number.isNaN(Date.parse(s.json.expirationDateTime))).toBe(false);
    expect(s.json.nextExpectedRanges).toEqual([`${fragment}-`]);
  });

  it('answers a fragment it already has with 416 in the errors page shape, and keeps what it had', async () => {
    expect((await put(0, fragment - 1)).status).toBe(202);
    const res = await put(0, fragment - 1);
    const json: any = await res.json();
    expectGraphError({ status: res.status, json, headers: res.headers }, 416, 'badRequest');
    expect(json.error.innerError.code).toBe('invalidRange');
    expect(json.error.message).toBe('Uploaded fragment overlaps with existing data.');
    expect((await status()).json.nextExpectedRanges).toEqual([`${fragment}-`]);
  });

  it('answers a fragment that skips ahead (out of order) with 416, and keeps what it had', async () => {
    expect((await put(0, fragment - 1)).status).toBe(202);
    const res = await put(2 * fragment, bytes.length - 1);
    const json: any = await res.json();
    expectGraphError({ status: res.status, json, headers: res.headers }, 416, 'badRequest');
    expect(json.error.innerError.code).toBe('invalidRange');
    expect((await status()).json.nextExpectedRanges).toEqual([`${fragment}-`]);
  });

  it('keeps the fragments it received when the next one is dropped mid-way, and completes when it is sent again', async () => {
    expect((await put(0, fragment - 1)).status).toBe(202);
    await dropMidFragment(fragment, 2 * fragment - 1);
    expect((await status()).json.nextExpectedRanges).toEqual([`${fragment}-`]);
    expect((await put(fragment, 2 * fragment - 1)).status).toBe(202);
    const last = await put(2 * fragment, bytes.length - 1);
    expect(last.status).toBe(201);
    expect(((await last.json()) as any).size).toBe(bytes.length);
  });

  it('answers 404 on the upload URL of a cancelled session (start over, as the best practices say)', async () => {
    expect((await fetch(uploadUrl, { method: 'DELETE' })).status).toBe(204);
    expect((await status()).status).toBe(404);
  });
});
