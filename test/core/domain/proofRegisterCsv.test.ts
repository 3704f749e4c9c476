import { readProofRegisterCsv, writeProofRegisterCsv } from '../../../src/core/domain/proofRegisterCsv';
import { proofEntryOfLine } from '../../../src/core/domain/proofRegisterLine';
import { documentedHash, documentedLines, genesis, type LinePayload } from './support/documentedChain';

// The export an auditor downloads from the Proof tab and checks offline (`custodian proof verify FILE`). Outside
// truths: RFC 4180 (cells with a comma, quote or line break are quoted, quotes doubled; CRLF between records),
// Excel's "CSV UTF-8" (a byte order mark first), OWASP's CSV injection rule (a cell starting with =, +, -, @, tab or
// carriage return gets a leading apostrophe, https://owasp.org/www-community/attacks/CSV_Injection), and the hash
// documented in docs/domain.md, recomputed by test/support/documentedProofHash.ts. Every expected cell is written
// out by hand below.

const header =
  'Sequence,Recorded (UTC),Kind,Subject,Subject id,Action,Stage,By,Justification,Outcome,' +
  'Label,Relabelled to,Extended until,Reviewer added,Detail (JSON),Previous hash,Hash,Anchor id,Anchored hash';

const hold: LinePayload = {
  kind: 'hold',
  subject: 'hold-1',
  subjectName: 'Audit 2034',
  action: 'createHold',
  stage: 0,
  by: '@priya',
  justification: '-2+3',
  outcome: 'active',
  detail: {}
};

/** Three entries: an anchored decision with a formula as justification, a hold, a relabel adding a reviewer. */
const lines = documentedLines([
  {
    kind: 'decision',
    subject: 'site|list|10',
    subjectName: 'Invoice 10.pdf',
    action: 'approve',
    stage: 1,
    by: 'sam.okafor@contoso.com',
    justification: '=HYPERLINK("http://evil.example","click")',
    outcome: 'nextStage',
    detail: { label: 'Invoices - 7 Years' },
    anchorId: '01ANCHOR0'
  },
  hold,
  {
    kind: 'decision',
    subject: 'site|list|12',
    subjectName: 'O\'Brien, "Q1"\nfinal.pdf',
    action: 'relabel',
    stage: 2,
    by: "+cmd|' /C calc'!A0",
    justification: 'Board minute 14, item "3"',
    outcome: 'relabelled',
    detail: {
      label: 'Invoices - 7 Years',
      relabelTo: '-Archive',
      until: '2041-03-03',
      reviewer: 'dev@contoso.com',
      box: 'shelf 3, box 14'
    },
    anchorId: '01ANCHOR2'
  }
]);
const [h0, h1, h2] = lines.map((l) => l.hash);

const row2 =
  `0,2034-03-01T10:00:00.000Z,decision,Invoice 10.pdf,site|list|10,approve,1,sam.okafor@contoso.com,` +
  `"'=HYPERLINK(""http://evil.example"",""click"")",nextStage,Invoices - 7 Years,,,,"{""label"":""Invoices - 7 Years""}",` +
  `${genesis},${h0},01ANCHOR0,${h0}`;
const row3 = `1,2034-03-02T10:00:00.000Z,hold,Audit 2034,hold-1,createHold,0,'@priya,'-2+3,active,,,,,{},${h0},${h1},,`;
const row4 =
  `2,2034-03-03T10:00:00.000Z,decision,"O'Brien, ""Q1""\nfinal.pdf",site|list|12,relabel,2,'+cmd|' /C calc'!A0,` +
  `"Board minute 14, item ""3""",relabelled,Invoices - 7 Years,'-Archive,2041-03-03,dev@contoso.com,` +
  `"{""label"":""Invoices - 7 Years"",""relabelTo"":""-Archive"",""until"":""2041-03-03"",""reviewer"":""dev@contoso.com"",""box"":""shelf 3, box 14""}",` +
  `${h1},${h2},01ANCHOR2,${h2}`;

/** The export as Excel's "CSV UTF-8" holds it: BOM, CRLF after every record. */
const csv = (...records: string[]): string => `\uFEFF${records.join('\r\n')}\r\n`;
const exported = csv(header, row2, row3, row4);

/** The entries exactly as they were hashed (docs/domain.md): every field of the line but the chain's own. */
const hashedEntries = lines.map(({ sequence, recordedAt, previousHash, hash, anchor: _anchor, ...payload }) => ({
  sequence,
  recordedAt,
  payload,
  previousHash,
  hash
}));

describe('writeProofRegisterCsv: the register export an auditor downloads', () => {
  it('writes the 19 columns, every cell escaped as RFC 4180 and OWASP ask, and each anchored entry with its anchor', () => {
    expect(writeProofRegisterCsv(lines)).toBe(exported);
  });

  it('writes only the header for an empty register', () => {
    expect(writeProofRegisterCsv([])).toBe(`\uFEFF${header}\r\n`);
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1+1', "'-1+1"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', `"'\r=1+1"`],
    // A negative number alone builds no formula and stays a number in Excel.
    ['-5', '-5'],
    ["'=1+1", "''=1+1"],
    ['Past its 7-year schedule', 'Past its 7-year schedule']
  ])('writes the justification %j as the cell %j, and reads it back unchanged', (justification, cell) => {
    const [line] = documentedLines([{ ...hold, justification }]);
    const text = writeProofRegisterCsv([line]);
    expect(text).toBe(
      csv(header, `0,2034-03-01T10:00:00.000Z,hold,Audit 2034,hold-1,createHold,0,'@priya,${cell},active,,,,,{},${genesis},${line.hash},,`)
    );
    const read = readProofRegisterCsv(text);
    expect(read).toMatchObject({ ok: true, entries: [{ payload: { justification } }] });
  });
});

describe('proofEntryOfLine: a line of the register as it was hashed', () => {
  it('keeps every field of the line in the payload and leaves the anchor out, so the documented hash matches', () => {
    const entry = proofEntryOfLine(lines[2]);
    expect(entry).toEqual(hashedEntries[2]);
    expect(documentedHash(entry)).toBe(lines[2].hash);
  });
});

describe('readProofRegisterCsv: a copy of the export, read back for offline verification', () => {
  it('gives back the entries exactly as they were hashed, and the anchors the export names, by row', () => {
    const read = readProofRegisterCsv(exported);
    expect(read).toEqual({
      ok: true,
      entries: hashedEntries,
      anchors: [
        { id: '01ANCHOR0', name: 'exported on row 2', sequence: 0, hash: h0 },
        { id: '01ANCHOR2', name: 'exported on row 4', sequence: 2, hash: h2 }
      ]
    });
    if (read.ok) for (const entry of read.entries) expect(documentedHash(entry)).toBe(entry.hash);
  });

  it('finds the columns by their header: a copy with columns moved and a column of notes added reads the same', () => {
    const move = (record: string): string => {
      // Swap Subject (4th) and Subject id (5th), add a Notes column in front. Cells here hold no comma.
      const cells = record.split(',');
      [cells[3], cells[4]] = [cells[4], cells[3]];
      return ['Notes', ...cells].join(',');
    };
    const moved = csv(move(header), move(row3).replace(/^Notes/, 'seen by the auditor'));
    expect(readProofRegisterCsv(moved)).toEqual({ ok: true, entries: [hashedEntries[1]], anchors: [] });
  });

  it('reads LF line endings and no byte order mark (a copy saved by another tool), and a byte order mark added twice', () => {
    const lf = `${[header, row3].join('\n')}\n`;
    expect(readProofRegisterCsv(lf)).toMatchObject({ ok: true, entries: [hashedEntries[1]] });
    expect(readProofRegisterCsv(`\uFEFF${csv(header, row3)}`)).toMatchObject({ ok: true, entries: [hashedEntries[1]] });
  });

  it('reads the cells a spreadsheet dropped from the end of a row as empty', () => {
    const short = row3.split(',').slice(0, 15).join(',');
    expect(readProofRegisterCsv(csv(header, short))).toEqual({
      ok: true,
      entries: [{ ...hashedEntries[1], previousHash: '', hash: '' }],
      anchors: []
    });
  });

  it('refuses a file that is not a register export, naming the columns it lacks, as row 1', () => {
    const withoutHashes = header.replace(',Hash,', ',').replace(',Anchor id,', ',');
    expect(readProofRegisterCsv(csv(withoutHashes))).toEqual({
      ok: false,
      row: 1,
      reason:
        'This is not a Custodian proof register export: it has no column "Hash", "Anchor id". Export the register again from the Proof tab.'
    });
    expect(readProofRegisterCsv('')).toMatchObject({
      ok: false,
      row: 1,
      reason: expect.stringContaining('no column "Sequence", "Recorded (UTC)"')
    });
  });

  it('refuses text that is not CSV, naming the row and cell', () => {
    const quoteInside = row3.replace('Audit 2034', 'Audit "2034"');
    expect(readProofRegisterCsv(csv(header, row2, quoteInside))).toEqual({
      ok: false,
      row: 3,
      reason: 'Row 3 is not valid CSV (quoteInsideUnquotedCell, cell 4).'
    });
  });

  it('refuses a row whose Detail (JSON) is not JSON', () => {
    expect(readProofRegisterCsv(csv(header, row2, row3.replace(',{},', ',{,'), row4))).toEqual({
      ok: false,
      row: 3,
      reason: 'Row 3: its Detail (JSON) is not JSON, so the row was edited.'
    });
  });

  it.each([
    ['a Sequence that is not a whole number', (r: string) => r.replace(/^1,/, '1.5,')],
    ['a Sequence that is not a number', (r: string) => r.replace(/^1,/, 'one,')],
    ['a Stage that is not a whole number', (r: string) => r.replace(',createHold,0,', ',createHold,0.5,')],
    ['a Stage that is not a number', (r: string) => r.replace(',createHold,0,', ',createHold,first,')],
    ['a Kind Custodian never writes', (r: string) => r.replace(',hold,', ',disposal,')],
    ['a Detail (JSON) that is null', (r: string) => r.replace(',{},', ',null,')],
    ['a Detail (JSON) that is a string', (r: string) => r.replace(',{},', ',"""x""",')],
    ['a Detail (JSON) that is a number', (r: string) => r.replace(',{},', ',42,')]
  ])('refuses a row with %s', (_what, edit) => {
    const edited = edit(row3);
    expect(edited).not.toBe(row3);
    expect(readProofRegisterCsv(csv(header, row2, edited, row4))).toEqual({
      ok: false,
      row: 3,
      reason: 'Row 3: its Sequence, Stage, Kind or Detail (JSON) is not what Custodian writes, so the row was edited.'
    });
  });

  it.each([
    ['Label', 'Invoices - 7 Years', 'Tax Records - 6 Years'],
    ['Relabelled to', '-Archive', 'Permanent'],
    ['Extended until', '2041-03-03', '2051-03-03'],
    ['Reviewer added', 'dev@contoso.com', 'ana@contoso.com']
  ])('refuses a row whose %s column was edited away from the hashed detail %j', (column, hashed, shown) => {
    const cell = hashed.startsWith('-') ? `'${hashed}` : hashed;
    const edited = row4.replace(`,${cell},`, `,${shown},`);
    expect(edited).not.toBe(row4);
    expect(readProofRegisterCsv(csv(header, row2, row3, edited))).toEqual({
      ok: false,
      row: 4,
      reason: `Row 4 (entry 2) was edited: its ${column} column says "${shown}" but the entry as hashed says "${hashed}".`
    });
  });

  it('refuses a shown detail filled in where the hashed detail has none', () => {
    const edited = row3.replace(',active,,,,,{},', ',active,,,,ana@contoso.com,{},');
    expect(readProofRegisterCsv(csv(header, edited))).toEqual({
      ok: false,
      row: 2,
      reason: 'Row 2 (entry 1) was edited: its Reviewer added column says "ana@contoso.com" but the entry as hashed says "".'
    });
  });
});
