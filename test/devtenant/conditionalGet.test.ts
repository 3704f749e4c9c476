/* eslint-disable @typescript-eslint/no-explicit-any -- tests read Graph JSON as a client would, loosely. */
import { expectGraphError, TestTenant } from './helpers';

// A browser that cached a file's content revalidates it with If-None-Match; the service answers 304 while the
// file is unchanged (RFC 9110 §13.1.2). Before, the dev tenant refused the header and a second read failed.
let t: TestTenant;
let path: string;
beforeAll(async () => {
  t = await TestTenant.start({ seed: 5 });
  const legal = (await t.get('office-worker', '/v1.0/sites/custodiandev.sharepoint.com:/sites/legal')).json;
  const drive = (await t.get('office-worker', `/v1.0/sites/${legal.id}/drives`)).json.value.find((d: any) => d.name === 'Contracts');
  const put = await t.call('office-worker', 'PUT', `/v1.0/drives/${drive.id}/root:/cached.txt:/content`, 'first', {
    'content-type': 'text/plain'
  });
  path = `/v1.0/drives/${drive.id}/items/${put.json.id}/content`;
});
afterAll(() => t.close());

test('a content read with the current ETag is answered 304 without a body', async () => {
  const first = await t.get('office-worker', path);
  const etag = first.headers.get('etag');
  expect(first.status).toBe(200);
  expect(etag).toBeTruthy();
  const again = await t.get('office-worker', path, { 'if-none-match': etag! });
  expect(again.status).toBe(304);
  expect(again.text).toBe('');
});

test('a changed file is sent again in full', async () => {
  const etag = (await t.get('office-worker', path)).headers.get('etag')!;
  await t.call('office-worker', 'PUT', path, 'second', { 'content-type': 'text/plain' });
  const again = await t.get('office-worker', path, { 'if-none-match': etag });
  expect(again.status).toBe(200);
  expect(again.text).toBe('second');
});

test('If-None-Match on a write is refused, not ignored', async () => {
  expectGraphError(await t.call('office-worker', 'PUT', path, 'third', { 'content-type': 'text/plain', 'if-none-match': '*' }), 400);
});
