import { uploadSmallFile } from '../../../../src/core/graph/driveItems/uploadSmallFile';
import type { GraphGateway } from '../../../../src/core/graph/GraphGateway';
import { createProofAnchor } from '../../../../src/core/services/disposition/proofAnchor';
import { openRecordsSite } from '../../../../src/core/services/recordsSite/RecordsSite';
import { startDevTenantWithFaults, type DevTenantWithFaults } from '../holds/support/devTenantWithFaults';
import { driveNamed } from '../support/driveFiles';

// The anchors library when Graph answers other than the happy path: a file whose label cannot be found (404) is a
// file without a label, which verification refuses as an anchor; a label that cannot be read (403) stops the reading,
// for an anchor that cannot be judged must not be judged "unlabelled" by mistake either; and a library that could not
// be set up once is set up on the next try, not remembered as broken until the page is reloaded.

let tenant: DevTenantWithFaults;
let graph: GraphGateway;
let siteId: string;
const hash = (c: string): string => c.repeat(64);
const answer = (status: number, code: string) => ({ status, body: { error: { code, message: `${code}.` } } });

beforeAll(async () => {
  tenant = await startDevTenantWithFaults(20);
  graph = tenant.graph('records-manager');
  siteId = (await openRecordsSite(graph, 'https://custodiandev.sharepoint.com/sites/records')).siteId;
});
afterAll(() => tenant.close());
afterEach(() => {
  tenant.fault = () => undefined;
});

it('reads a file whose label Graph cannot find (404) as unlabelled and unlocked, and reads the others as they are', async () => {
  const anchors = createProofAnchor(graph, siteId, { libraryTitle: 'Anchors Label Gone', labelName: 'Board Minutes - Permanent' });
  await anchors.write({ sequence: 0, hash: hash('a') }, '2030-01-01T00:00:00.000Z');
  const stranger = await uploadSmallFile(
    graph,
    await driveNamed(graph, siteId, 'Anchors Label Gone'),
    '',
    'stranger.json',
    new Blob(['{}'])
  );
  tenant.fault = ({ method, path }) =>
    method === 'GET' && path.endsWith(`/items/${String(stranger.id)}/retentionLabel`) ? answer(404, 'itemNotFound') : undefined;
  const files = new Map((await anchors.readAll()).map((f) => [f.name, f]));
  expect(files.get('stranger.json')).toMatchObject({ isRecordLocked: false });
  expect(files.get('stranger.json')).not.toHaveProperty('labelName');
  expect(files.get('head-0000000000-aaaaaaaaaaaaaaaa.json')).toMatchObject({
    labelName: 'Board Minutes - Permanent',
    isRecordLocked: true
  });
});

it('stops with the refusal when a label cannot be read (403), rather than reading the anchor as unlabelled', async () => {
  const anchors = createProofAnchor(graph, siteId, { libraryTitle: 'Anchors Label Refused', labelName: 'Board Minutes - Permanent' });
  await anchors.write({ sequence: 0, hash: hash('b') }, '2030-01-01T00:00:00.000Z');
  tenant.fault = ({ method, path }) => (method === 'GET' && path.endsWith('/retentionLabel') ? answer(403, 'accessDenied') : undefined);
  await expect(anchors.readAll()).rejects.toMatchObject({ status: 403 });
});

it('sets the library up on the next write after a first attempt was refused', async () => {
  const anchors = createProofAnchor(graph, siteId, { libraryTitle: 'Anchors Second Try', labelName: 'Board Minutes - Permanent' });
  tenant.fault = ({ method, path }) => (method === 'POST' && path.endsWith('/lists') ? answer(403, 'accessDenied') : undefined);
  await expect(anchors.write({ sequence: 0, hash: hash('c') }, '2030-01-01T00:00:00.000Z')).rejects.toMatchObject({ status: 403 });
  tenant.fault = () => undefined;
  const id = await anchors.write({ sequence: 0, hash: hash('c') }, '2030-01-01T00:00:00.000Z');
  expect((await anchors.readAll()).map((f) => f.id)).toEqual([id]);
});
