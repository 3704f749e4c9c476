import { readCsv } from '../../../src/core/domain/readCsv';
import { writeProofRegisterCsv } from '../../../src/core/domain/proofRegisterCsv';
import { disposalBatches } from '../../../src/ui/dispositions/proof';
import { registerEntry } from './fakeServices';

describe('writeProofRegisterCsv', () => {
  it('neutralises formula injection and keeps commas, quotes and line breaks as data', () => {
    const csv = writeProofRegisterCsv([
      registerEntry(0, { justification: '=HYPERLINK("http://evil.example","click")' }),
      registerEntry(1, { subjectName: 'O\'Brien, "Q1"\nfinal.docx', by: '@sum(1)' })
    ]);
    expect(csv.startsWith('\uFEFFSequence,Recorded (UTC),Kind,Subject')).toBe(true);
    const read = readCsv(csv);
    expect(read.ok).toBe(true);
    const [header, first, second] = read.records;
    expect(first[header.indexOf('Justification')]).toBe('\'=HYPERLINK("http://evil.example","click")');
    expect(second[header.indexOf('Subject')]).toBe('O\'Brien, "Q1"\nfinal.docx');
    expect(second[header.indexOf('By')]).toBe("'@sum(1)");
    expect(first[header.indexOf('Hash')]).toBe('0'.padStart(64, 'a'));
  });
});

describe('disposalBatches', () => {
  it('groups disposals by UTC day and approver, newest first, leaving other decisions and holds out', () => {
    const batches = disposalBatches([
      registerEntry(0, { recordedAt: '2026-05-04T23:59:00.000Z' }),
      registerEntry(1, { recordedAt: '2026-05-05T00:01:00.000Z' }),
      registerEntry(2, { recordedAt: '2026-05-05T09:00:00.000Z', by: 'sam@contoso.com' }),
      registerEntry(3, { recordedAt: '2026-05-05T10:00:00.000Z' }),
      registerEntry(4, { outcome: 'nextStage' }),
      registerEntry(5, { kind: 'hold', action: 'createHold', outcome: 'active' })
    ]);
    expect(batches.map((b) => [b.day, b.by, b.entries.map((e) => e.sequence)])).toEqual([
      ['2026-05-05', 'priya.raman@contoso.com', [1, 3]],
      ['2026-05-05', 'sam@contoso.com', [2]],
      ['2026-05-04', 'priya.raman@contoso.com', [0]]
    ]);
  });
});
