import type { FilePlanLabel } from '../../../../src/core/domain/filePlanLabel';
import { uploadSmallFile } from '../../../../src/core/graph/driveItems/uploadSmallFile';
import type { GraphGateway } from '../../../../src/core/graph/GraphGateway';
import { createProofAnchor } from '../../../../src/core/services/disposition/proofAnchor';
import { openRecordsSite } from '../../../../src/core/services/recordsSite/RecordsSite';
import { driveNamed } from '../support/driveFiles';
import { startServicesTenant, type ServicesTenant } from '../support/servicesTenant';

// The proof anchors as files in a library of the dev tenant's records site: what a verifier must be able to rely on
// is that each anchor written is a locked record holding exactly its head, and that a file in the library that is not
// such an anchor (anyone who can add files can add one) is read as "no head", never as a head.

let tenant: ServicesTenant;
let graph: GraphGateway;
let siteId: string;
const hash = (c: string): string => c.repeat(64);

beforeAll(async () => {
  tenant = await startServicesTenant(20);
  graph = tenant.graph('records-manager');
  siteId = (await openRecordsSite(graph, 'https://custodiandev.sharepoint.com/sites/records')).siteId;
});
afterAll(() => tenant.close());

describe('proof anchor files', () => {
  it('writes each head as a locked record, even with a label that starts unlocked, and reads it back whole', async () => {
    // A record label of the seeded file plan whose records start unlocked: the anchor is locked after labelling.
    const anchors = createProofAnchor(graph, siteId, {
      libraryTitle: 'Anchors Unlocked Label',
      labelName: 'Personnel Files - Unlocked Record'
    });
    const first = await anchors.write({ sequence: 3, hash: hash('a') }, '2030-01-01T00:00:00.000Z');
    await anchors.write(
      { sequence: 4, hash: hash('b'), addedReviewer: 'sam.okafor@custodiandev.onmicrosoft.com' },
      '2030-01-02T00:00:00.000Z'
    );
    const files = await anchors.readAll();
    expect(files.map((f) => [f.name, f.labelName, f.isRecordLocked, f.head])).toEqual([
      [
        'head-0000000003-aaaaaaaaaaaaaaaa.json',
        'Personnel Files - Unlocked Record',
        true,
        { sequence: 3, hash: hash('a'), anchoredAt: '2030-01-01T00:00:00.000Z' }
      ],
      [
        'head-0000000004-bbbbbbbbbbbbbbbb.json',
        'Personnel Files - Unlocked Record',
        true,
        { sequence: 4, hash: hash('b'), anchoredAt: '2030-01-02T00:00:00.000Z', addedReviewer: 'sam.okafor@custodiandev.onmicrosoft.com' }
      ]
    ]);
    expect(files[0].id).toBe(first);
    expect(files[0].createdBy).toBe('priya.raman@custodiandev.onmicrosoft.com');
    expect(Date.parse(files[0].createdAt)).not.toBeNaN();
  });

  it('reads a file that is not an anchor as one without a head, unlabelled and unlocked', async () => {
    const anchors = createProofAnchor(graph, siteId, { libraryTitle: 'Anchors With Strangers', labelName: 'Board Minutes - Permanent' });
    await anchors.write({ sequence: 0, hash: hash('c') }, '2030-01-01T00:00:00.000Z');
    const library = (await anchors.readAll())[0];
    expect(library.head).toMatchObject({ sequence: 0 });
    // Someone with access to the library adds files of their own.
    const driveId = await driveNamed(graph, siteId, 'Anchors With Strangers');
    const strangers: [string, unknown][] = [
      ['not json.json', 'not json'],
      ['negative.json', { sequence: -1, hash: hash('d') }],
      ['fraction.json', { sequence: 1.5, hash: hash('d') }],
      ['short hash.json', { sequence: 1, hash: 'abc' }],
      ['upper hash.json', { sequence: 1, hash: 'A'.repeat(64) }],
      ['no hash.json', { sequence: 1 }],
      // Text of the right form, but not a string: read as it is, not as the text it turns into.
      ['hash in a list.json', { sequence: 1, hash: [hash('d')] }],
      ['blank reviewer.json', { sequence: 2, hash: hash('e'), addedReviewer: '  ', anchoredAt: 7 }]
    ];
    for (const [name, content] of strangers)
      await uploadSmallFile(graph, driveId, '', name, new Blob([typeof content === 'string' ? content : JSON.stringify(content)]));
    const read = new Map((await anchors.readAll()).map((f) => [f.name, f]));
    for (const [name] of strangers.slice(0, 7)) expect([name, read.get(name)?.head]).toEqual([name, undefined]);
    // A well-formed head keeps its sequence and hash; what is malformed beside them is left out.
    expect(read.get('blank reviewer.json')?.head).toEqual({ sequence: 2, hash: hash('e') });
    expect(read.get('negative.json')).toMatchObject({ isRecordLocked: false });
    expect(read.get('negative.json')).not.toHaveProperty('labelName');
  });

  it('two reviewers anchoring at once on a records site without the anchors library yet: one library, both anchors in it', async () => {
    // Both look for the library before either has made it; SharePoint refuses the second creation with 409.
    const options = { libraryTitle: 'Anchors Made Twice', labelName: 'Board Minutes - Permanent' };
    const [first, second] = await Promise.all([
      createProofAnchor(graph, siteId, options).write({ sequence: 1, hash: hash('1') }, '2030-01-01T00:00:00.000Z'),
      createProofAnchor(graph, siteId, options).write({ sequence: 2, hash: hash('2') }, '2030-01-01T00:00:01.000Z')
    ]);
    const lists = await graph.call<{ value: { displayName: string }[] }>({
      method: 'GET',
      url: `/sites/${encodeURIComponent(siteId)}/lists?$select=displayName`,
      action: 'list lists'
    });
    expect(lists.value.filter((l) => l.displayName === options.libraryTitle)).toHaveLength(1);
    const files = await createProofAnchor(graph, siteId, options).readAll();
    expect(files.map((f) => f.id).sort()).toEqual([first, second].sort());
  });

  it('anchors the same head twice (no decision between two hold changes) as two files, the first kept as it was', async () => {
    const anchors = createProofAnchor(graph, siteId, { libraryTitle: 'Anchors Same Head', labelName: 'Board Minutes - Permanent' });
    const first = await anchors.write({ sequence: 5, hash: hash('5') }, '2030-01-01T00:00:00.000Z');
    const second = await anchors.write({ sequence: 5, hash: hash('5') }, '2030-01-02T00:00:00.000Z');
    const files = (await anchors.readAll()).sort((a, b) => String(a.head?.anchoredAt).localeCompare(String(b.head?.anchoredAt)));
    expect(files.map((f) => [f.id, f.head?.anchoredAt, f.isRecordLocked])).toEqual([
      [first, '2030-01-01T00:00:00.000Z', true],
      [second, '2030-01-02T00:00:00.000Z', true]
    ]);
  });

  it('reads every anchor once, past a batch of eight, and leaves out folders someone made in the library', async () => {
    const anchors = createProofAnchor(graph, siteId, { libraryTitle: 'Anchors Many', labelName: 'Board Minutes - Permanent' });
    for (let sequence = 0; sequence < 11; sequence++)
      await anchors.write({ sequence, hash: hash(sequence.toString(16)) }, `2030-01-01T00:00:${String(sequence).padStart(2, '0')}.000Z`);
    const driveId = await driveNamed(graph, siteId, 'Anchors Many');
    await graph.call({
      method: 'POST',
      url: `/drives/${encodeURIComponent(driveId)}/root/children`,
      body: { name: 'Old anchors', folder: {}, '@microsoft.graph.conflictBehavior': 'fail' },
      action: 'make a folder'
    });
    const files = await anchors.readAll();
    expect(files.map((f) => f.head?.sequence)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(files.map((f) => f.name)).not.toContain('Old anchors');
  });

  it('checks that the anchor label makes records, naming what is wrong', () => {
    const label = (name: string, behavior: 'retain' | 'retainAsRecord' | 'retainAsRegulatoryRecord' | null): FilePlanLabel => ({
      name,
      retention: behavior && { behavior, action: 'none', trigger: 'dateCreated', duration: { kind: 'forever' }, dispositionStages: [] },
      descriptors: {}
    });
    const plan = [
      label('Board Minutes - Permanent', 'retainAsRecord'),
      label('Tax', 'retainAsRegulatoryRecord'),
      label('Email', 'retain'),
      label('Tag', null)
    ];
    const anchorWith = (labelName: string) => createProofAnchor(graph, siteId, { labelName });
    expect(() => anchorWith('board minutes - permanent').check(plan)).not.toThrow();
    expect(() => anchorWith('Tax').check(plan)).not.toThrow();
    for (const [name, why] of [
      ['Email', 'The anchor label "Email" does not mark items as records, so anchors could be edited or deleted.'],
      ['Tag', 'The anchor label "Tag" does not mark items as records, so anchors could be edited or deleted.'],
      ['Gone', 'The anchor label "Gone" is not in the file plan, so anchors could be edited or deleted.']
    ])
      expect(() => anchorWith(name).check(plan)).toThrow(
        expect.objectContaining({
          code: 'anchorLabelNotRecord',
          what: 'Custodian cannot anchor the proof register.',
          why,
          whatToDo: 'Ask your records manager to choose a record label (a regulatory record label where available) for proof anchors.'
        })
      );
  });
});
