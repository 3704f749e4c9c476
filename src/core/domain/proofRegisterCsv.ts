import { restoreNeutralisedFormula } from './escapeCsvField';
import type { AnchoredHead } from './proofAnchorTrust';
import type { ProofEntry } from './proofEntry';
import { proofEntryOfLine, type ProofRegisterLine } from './proofRegisterLine';
import { readCsv } from './readCsv';
import { writeCsv } from './writeCsv';

type Column = [header: string, write: (line: ProofRegisterLine) => string];

/** The four detail keys shown in columns of their own; the full detail is in "Detail (JSON)", which is hashed. */
const shownDetail: [header: string, key: string][] = [
  ['Label', 'label'],
  ['Relabelled to', 'relabelTo'],
  ['Extended until', 'until'],
  ['Reviewer added', 'reviewer']
];

const columns: Column[] = [
  ['Sequence', (e) => String(e.sequence)],
  ['Recorded (UTC)', (e) => e.recordedAt],
  ['Kind', (e) => e.kind],
  ['Subject', (e) => e.subjectName],
  ['Subject id', (e) => e.subject],
  ['Action', (e) => e.action],
  ['Stage', (e) => String(e.stage)],
  ['By', (e) => e.by],
  ['Justification', (e) => e.justification],
  ['Outcome', (e) => e.outcome],
  ...shownDetail.map(([header, key]): Column => [header, (e) => e.detail[key] ?? '']),
  ['Detail (JSON)', (e) => JSON.stringify(e.detail)],
  ['Previous hash', (e) => e.previousHash],
  ['Hash', (e) => e.hash],
  ['Anchor id', (e) => e.anchor?.id ?? ''],
  ['Anchored hash', (e) => e.anchor?.hash ?? '']
];

/**
 * The proof register as CSV for Excel (BOM, CRLF), every cell escaped by the domain's `escapeCsvField` with
 * formula injection neutralised: a justification such as `=HYPERLINK(...)` opens as text, never as a formula.
 * Every hashed field is in it, and each anchored entry names its anchor and the hash the anchor holds, so
 * `custodian proof verify FILE` can check a copy offline.
 *
 * @example writeProofRegisterCsv(lines).split('\r\n')[0] // '\uFEFFSequence,Recorded (UTC),Kind,...'
 */
export function writeProofRegisterCsv(lines: readonly ProofRegisterLine[]): string {
  return writeCsv([columns.map(([header]) => header), ...lines.map((line) => columns.map(([, value]) => value(line)))]);
}

export type ReadProofRegisterCsvResult =
  | { ok: true; entries: ProofEntry[]; anchors: AnchoredHead[] }
  | { ok: false; reason: string; /** 1-based, the header is row 1, as Excel numbers rows. */ row?: number };

const kinds = ['decision', 'hold'] as const;

/**
 * Reads a register export written by `writeProofRegisterCsv` back into the entries as they were hashed, and the
 * anchored heads it names. A row whose shown detail columns disagree with its hashed detail was edited by hand.
 */
export function readProofRegisterCsv(text: string): ReadProofRegisterCsvResult {
  const read = readCsv(text);
  if (!read.ok) {
    const issue = read.issues[0];
    return { ok: false, row: issue.record, reason: `Row ${issue.record} is not valid CSV (${issue.problem}, cell ${issue.cell}).` };
  }
  const [header = [], ...rows] = read.records;
  const at = new Map(header.map((name, index) => [name.replace(/^\uFEFF/, ''), index]));
  const missing = columns.map(([name]) => name).filter((name) => !at.has(name));
  if (missing.length)
    return {
      ok: false,
      row: 1,
      reason: `This is not a Custodian proof register export: it has no column ${missing.map((m) => `"${m}"`).join(', ')}. Export the register again from the Proof tab.`
    };
  const entries: ProofEntry[] = [];
  const anchors: AnchoredHead[] = [];
  for (let index = 0; index < rows.length; index += 1) {
    const row = index + 2;
    const cell = (name: string): string => restoreNeutralisedFormula(rows[index][at.get(name) as number] ?? '');
    const sequence = Number(cell('Sequence'));
    const stage = Number(cell('Stage'));
    const kind = cell('Kind') as (typeof kinds)[number];
    let detail: Record<string, string>;
    try {
      detail = JSON.parse(cell('Detail (JSON)')) as Record<string, string>;
    } catch {
      return { ok: false, row, reason: `Row ${row}: its Detail (JSON) is not JSON, so the row was edited.` };
    }
    if (!Number.isInteger(sequence) || !Number.isInteger(stage) || !kinds.includes(kind) || typeof detail !== 'object' || detail === null)
      return {
        ok: false,
        row,
        reason: `Row ${row}: its Sequence, Stage, Kind or Detail (JSON) is not what Custodian writes, so the row was edited.`
      };
    for (const [name, key] of shownDetail)
      if (cell(name) !== (detail[key] ?? ''))
        return {
          ok: false,
          row,
          reason: `Row ${row} (entry ${sequence}) was edited: its ${name} column says "${cell(name)}" but the entry as hashed says "${detail[key] ?? ''}".`
        };
    const line: ProofRegisterLine = {
      sequence,
      recordedAt: cell('Recorded (UTC)'),
      kind,
      subject: cell('Subject id'),
      subjectName: cell('Subject'),
      action: cell('Action'),
      stage,
      by: cell('By'),
      justification: cell('Justification'),
      outcome: cell('Outcome'),
      detail,
      previousHash: cell('Previous hash'),
      hash: cell('Hash')
    };
    entries.push(proofEntryOfLine(line));
    if (cell('Anchor id')) anchors.push({ id: cell('Anchor id'), name: `exported on row ${row}`, sequence, hash: cell('Anchored hash') });
  }
  return { ok: true, entries, anchors };
}
