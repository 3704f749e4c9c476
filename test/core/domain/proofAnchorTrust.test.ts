import { judgeProofAnchors, type ProofAnchorFile } from '../../../src/core/domain/proofAnchorTrust';

// Which files in the proof anchors library verification may rely on. The outside truth is the tenant's own
// guarantee, stated here by hand: a locked record carrying a retention label can be neither changed nor deleted
// (Microsoft's record restrictions table, test/fixtures/purviewRecordRestrictions.ts), so only such a file, written
// by someone the records team trusts, proves where the register was. Every reason below is the sentence a records
// manager reads on the Proof tab when an anchor is refused.

const label = 'Custodian Proof Anchor';
const svc = 'svc-custodian@contoso.com';
const hashOf = (sequence: number): string => sequence.toString(16).padStart(64, 'c');

/**
 * An anchor file as Graph describes it: by default a locked record with the register's label, by the service account,
 * created on the day its entry was recorded (entry n on 2 January plus n days).
 */
const anchor = (id: string, sequence: number | undefined, over: Partial<ProofAnchorFile> = {}): ProofAnchorFile => {
  const day = (over.head?.sequence ?? sequence ?? 0) + 1;
  return {
    id,
    name: `head-${id}.json`,
    createdAt: `2034-01-${String(day + 1).padStart(2, '0')}T09:00:00Z`,
    createdBy: svc,
    labelName: label,
    isRecordLocked: true,
    ...(sequence === undefined ? {} : { head: { sequence, hash: hashOf(sequence) } }),
    ...over
  };
};

const trustedIds = (files: ProofAnchorFile[], policy: Parameters<typeof judgeProofAnchors>[1]): string[] =>
  judgeProofAnchors(files, policy).trusted.map((t) => t.id);

describe('an anchor is trusted only when the tenant keeps it as it was and a trusted writer wrote it', () => {
  const policy = { labelName: label, writers: [svc] };

  it('trusts a locked anchor with the register label by the service account, giving its id, name and the head it holds', () => {
    const file = anchor('01SOUND', 3, { createdAt: '2034-01-03T09:00:00Z', lastModifiedBy: svc });
    expect(judgeProofAnchors([file], policy)).toEqual({
      trusted: [{ id: '01SOUND', name: 'head-01SOUND.json', sequence: 3, hash: hashOf(3) }],
      rejected: [],
      writers: [svc]
    });
  });

  it.each<[string, Partial<ProofAnchorFile>, string]>([
    [
      'another label',
      { labelName: 'Invoices - 7 Years' },
      'it carries the label "Invoices - 7 Years", not the register\'s label "Custodian Proof Anchor"'
    ],
    ['no label', { labelName: undefined }, 'it has no retention label, so anyone who can edit the library could have changed it'],
    ['an empty label', { labelName: '' }, 'it has no retention label, so anyone who can edit the library could have changed it'],
    ['the label but no record lock', { isRecordLocked: false }, 'it is not a locked record, so its content could have been changed'],
    [
      'an untrusted creator',
      { createdBy: 'mallory@contoso.com' },
      "it was created by mallory@contoso.com, who is neither Custodian's service account nor a records manager"
    ],
    [
      'an untrusted last editor',
      { lastModifiedBy: 'ana@contoso.com' },
      'it was last modified by ana@contoso.com, who may not write anchors'
    ],
    ['no head in its content', { head: undefined }, 'its content is not an anchor (a JSON object with a sequence and a SHA-256 hash)']
  ])('refuses an anchor with %s, saying why', (_what, over, reason) => {
    const file = anchor('01BAD', 2, over);
    expect(judgeProofAnchors([file], policy)).toStrictEqual({
      trusted: [],
      rejected: [{ id: '01BAD', name: 'head-01BAD.json', createdBy: file.createdBy, reason }],
      writers: [svc]
    });
  });

  it('refuses an anchor whose creator Graph does not name, without inventing one', () => {
    const file = anchor('01ANON', 2, { createdBy: undefined });
    expect(judgeProofAnchors([file], policy).rejected).toStrictEqual([
      {
        id: '01ANON',
        name: 'head-01ANON.json',
        reason: "it was created by an unknown account, who is neither Custodian's service account nor a records manager"
      }
    ]);
  });

  it('names the first thing wrong: the label before the lock, the lock before the writer', () => {
    const { rejected } = judgeProofAnchors(
      [
        anchor('labelAndLock', 1, { labelName: 'Other', isRecordLocked: false, createdBy: 'mallory@contoso.com' }),
        anchor('lockAndWriter', 2, { isRecordLocked: false, createdBy: 'mallory@contoso.com' }),
        anchor('writerAndEditor', 3, { createdBy: 'mallory@contoso.com', lastModifiedBy: 'mallory@contoso.com', head: undefined })
      ],
      policy
    );
    expect(rejected.map((r) => r.reason)).toEqual([
      'it carries the label "Other", not the register\'s label "Custodian Proof Anchor"',
      'it is not a locked record, so its content could have been changed',
      "it was created by mallory@contoso.com, who is neither Custodian's service account nor a records manager"
    ]);
  });

  it('compares labels and accounts ignoring case, as Purview and Entra ID do', () => {
    const files = [
      anchor('lower', 1, { labelName: 'custodian proof anchor', createdBy: 'SVC-Custodian@Contoso.com' }),
      anchor('upper', 2, { labelName: 'CUSTODIAN PROOF ANCHOR', lastModifiedBy: 'Sam.Okafor@contoso.com' })
    ];
    expect(
      trustedIds(files, {
        labelName: 'Custodian Proof ANCHOR',
        writers: ['SVC-custodian@contoso.com'],
        reviewers: ['sam.okafor@CONTOSO.com']
      })
    ).toEqual(['lower', 'upper']);
  });

  it("trusts the file plan's disposition reviewers, and lists every trusted writer in lower case", () => {
    const { trusted, writers } = judgeProofAnchors([anchor('sam', 1, { createdBy: 'sam.okafor@contoso.com' })], {
      labelName: label,
      writers: ['SVC-Custodian@contoso.com', 'Priya.Raman@contoso.com'],
      reviewers: ['Sam.Okafor@contoso.com']
    });
    expect(trusted.map((t) => t.id)).toEqual(['sam']);
    expect(writers).toEqual([svc, 'priya.raman@contoso.com', 'sam.okafor@contoso.com']);
  });

  it('lists anchors oldest first, then by id when two were created in the same second', () => {
    const at = '2034-02-01T00:00:00Z';
    const files = [
      anchor('c', 3, { createdAt: '2034-03-01T00:00:00Z' }),
      anchor('b', 2, { createdAt: at }),
      anchor('a', 1, { createdAt: at }),
      anchor('z', 0, { createdAt: '2034-01-01T00:00:00Z' })
    ];
    expect(trustedIds(files, policy)).toEqual(['z', 'a', 'b', 'c']);
    const refused = files.map((f) => ({ ...f, isRecordLocked: false }));
    expect(judgeProofAnchors(refused, policy).rejected.map((r) => r.id)).toEqual(['z', 'a', 'b', 'c']);
  });
});

describe('trust on first use, when the host configures no writer', () => {
  it("trusts the creator of the oldest locked anchor with the register's label, and nobody else", () => {
    const files = [
      anchor('mallory-later', 5, { createdAt: '2034-01-05T00:00:00Z', createdBy: 'mallory@contoso.com' }),
      anchor('priya-later', 6, { createdAt: '2034-01-06T00:00:00Z', createdBy: 'PRIYA.RAMAN@contoso.com' }),
      // Older than Priya's, but none of them can stand as the first anchor: unlocked, another label, no creator.
      anchor('unlocked', 1, { createdAt: '2034-01-01T00:00:00Z', createdBy: 'mallory@contoso.com', isRecordLocked: false }),
      anchor('relabelled', 2, { createdAt: '2034-01-02T00:00:00Z', createdBy: 'mallory@contoso.com', labelName: 'Other' }),
      anchor('unlabelled', 2, { createdAt: '2034-01-02T00:00:00Z', createdBy: 'mallory@contoso.com', labelName: undefined }),
      anchor('anonymous', 3, { createdAt: '2034-01-03T00:00:00Z', createdBy: undefined }),
      anchor('priya-first', 4, { createdAt: '2034-01-04T00:00:00Z', createdBy: 'priya.raman@contoso.com' })
    ];
    const { trusted, writers } = judgeProofAnchors(files, { labelName: label });
    expect(trusted.map((t) => t.id)).toEqual(['priya-first', 'priya-later']);
    expect(writers).toEqual(['priya.raman@contoso.com']);
  });

  it('takes the first by id when two first anchors were created in the same second', () => {
    const at = '2034-01-01T00:00:00Z';
    const files = [anchor('02', 1, { createdAt: at, createdBy: 'mallory@contoso.com' }), anchor('01', 0, { createdAt: at })];
    expect(trustedIds(files, { labelName: label })).toEqual(['01']);
  });

  it('treats a writers setting of blanks as no writer configured', () => {
    const files = [anchor('first', 0, { createdBy: 'priya.raman@contoso.com' })];
    expect(judgeProofAnchors(files, { labelName: label, writers: ['', '  '] })).toMatchObject({
      trusted: [{ id: 'first' }],
      writers: ['priya.raman@contoso.com']
    });
  });

  it('trusts nobody on first use once a writer is configured', () => {
    const files = [anchor('first', 0, { createdBy: 'priya.raman@contoso.com', createdAt: '2034-01-01T00:00:00Z' })];
    expect(judgeProofAnchors(files, { labelName: label, writers: [svc] })).toMatchObject({ trusted: [], writers: [svc] });
  });

  it('trusts nobody when no file can stand as the first anchor', () => {
    const files = [anchor('unlocked', 0, { isRecordLocked: false }), anchor('anonymous', 1, { createdBy: undefined })];
    expect(judgeProofAnchors(files, { labelName: label })).toMatchObject({ trusted: [], writers: [] });
  });
});

describe('a reviewer added during a review anchors only decisions after the one that added them', () => {
  const policy = { labelName: label, writers: [svc] };
  const dev = 'dev@contoso.com';
  const addsDev = (sequence: number, over: Partial<ProofAnchorFile> = {}): ProofAnchorFile =>
    anchor(`adds-dev-${sequence}`, undefined, { head: { sequence, hash: hashOf(sequence), addedReviewer: 'Dev@Contoso.com' }, ...over });

  it('trusts their anchors of later entries, refuses the one of the entry that added them, and names them as writers', () => {
    const files = [
      addsDev(4),
      anchor('dev-4', 4, { createdBy: 'DEV@contoso.com' }),
      anchor('dev-5', 5, { createdBy: 'DEV@contoso.com', lastModifiedBy: dev })
    ];
    const { trusted, rejected, writers } = judgeProofAnchors(files, policy);
    expect(trusted.map((t) => t.id)).toEqual(['adds-dev-4', 'dev-5']);
    expect(rejected).toEqual([
      {
        id: 'dev-4',
        name: 'head-dev-4.json',
        createdBy: 'DEV@contoso.com',
        reason: 'it was created by DEV@contoso.com, who was added as a reviewer at entry 4 and may anchor only later entries'
      }
    ]);
    expect(writers).toEqual([svc, dev]);
  });

  it('refuses an earlier anchor they last modified, saying from which entry they may write', () => {
    const files = [addsDev(4), anchor('svc-3', 3, { lastModifiedBy: 'Dev@contoso.com' })];
    expect(judgeProofAnchors(files, policy).rejected).toEqual([
      expect.objectContaining({
        id: 'svc-3',
        reason: 'it was last modified by Dev@contoso.com, who was added as a reviewer at entry 4 and may anchor only later entries'
      })
    ]);
  });

  it('counts them from the earliest trusted anchor that names them', () => {
    const files = [addsDev(8), addsDev(4), anchor('dev-6', 6, { createdBy: dev })];
    expect(trustedIds(files, policy)).toEqual(['adds-dev-4', 'dev-6', 'adds-dev-8']);
  });

  it('lets a reviewer they added anchor later entries too, whatever order the library lists the files in', () => {
    const files = [
      anchor('dev-adds-ana', undefined, { createdBy: dev, head: { sequence: 6, hash: hashOf(6), addedReviewer: 'ana@contoso.com' } }),
      anchor('ana-6', 6, { createdBy: 'ana@contoso.com' }),
      anchor('ana-7', 7, { createdBy: 'ana@contoso.com' }),
      addsDev(4)
    ];
    const { trusted, rejected, writers } = judgeProofAnchors(files, policy);
    expect(trusted.map((t) => t.id)).toEqual(['adds-dev-4', 'dev-adds-ana', 'ana-7']);
    expect(rejected.map((r) => r.id)).toEqual(['ana-6']);
    expect(writers).toEqual([svc, dev, 'ana@contoso.com']);
  });

  it('still counts them when the naming anchor was last modified by a trusted writer', () => {
    expect(trustedIds([addsDev(4, { lastModifiedBy: svc }), anchor('dev-5', 5, { createdBy: dev })], policy)).toEqual([
      'adds-dev-4',
      'dev-5'
    ]);
  });

  it.each<[string, Partial<ProofAnchorFile>]>([
    ['is not a locked record', { isRecordLocked: false }],
    ['carries another label', { labelName: 'Other' }],
    ['has no label', { labelName: undefined }],
    ['was created by someone untrusted', { createdBy: 'mallory@contoso.com' }],
    ['was last modified by someone untrusted', { lastModifiedBy: 'mallory@contoso.com' }]
  ])('adds nobody when the anchor naming them %s', (_what, over) => {
    const { trusted, rejected, writers } = judgeProofAnchors([addsDev(4, over), anchor('dev-5', 5, { createdBy: dev })], policy);
    expect(trusted).toEqual([]);
    expect(rejected.find((r) => r.id === 'dev-5')?.reason).toBe(
      "it was created by dev@contoso.com, who is neither Custodian's service account nor a records manager"
    );
    expect(writers).toEqual([svc]);
  });
});
