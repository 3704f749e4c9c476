import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exitCodes, runCustodian, type CustodianIo } from '../../src/cli/custodian';
import type { ProofEntrySummary } from '../../src/core/services/disposition/ProofEntrySummary';
import { writeProofRegisterCsv } from '../../src/core/domain/proofRegisterCsv';
import { sha256, sortedKeyJson } from '../support/documentedProofHash';

jest.setTimeout(30_000);

/** Chains the lines from `from` on, as Custodian records them, or as a forger recomputes them. */
function chain(lines: ProofEntrySummary[], from = 0): ProofEntrySummary[] {
  return lines.map((line, i, all) => {
    if (i < from) return line;
    const previousHash = i === 0 ? '0'.repeat(64) : all[i - 1].hash;
    const { sequence, recordedAt, kind, subject, subjectName, action, stage, by, justification, outcome, detail } = line;
    const payload = { kind, subject, subjectName, action, stage, by, justification, outcome, detail };
    const hash = sha256(sortedKeyJson({ sequence, recordedAt, payload, previousHash }));
    all[i] = { ...line, previousHash, hash };
    return all[i];
  });
}

const line = (sequence: number, over: Partial<ProofEntrySummary>): ProofEntrySummary => ({
  sequence,
  recordedAt: `2034-03-0${sequence + 1}T10:00:00.000Z`,
  kind: 'decision',
  subject: `site|list|${sequence + 10}`,
  subjectName: `Invoice ${sequence + 10}.pdf`,
  action: 'approve',
  stage: 2,
  by: 'sam.okafor@custodiandev.onmicrosoft.com',
  justification: 'Past its 7-year schedule.',
  outcome: 'disposed',
  detail: { label: 'Invoices - 7 Years' },
  hash: '',
  previousHash: '',
  ...over
});

/** A register as the Proof tab exports it: each decision anchored, one hold entry, a formula-like justification. */
function register(): ProofEntrySummary[] {
  const lines = chain([
    line(0, { justification: '=HYPERLINK("http://evil.example")', stage: 1, outcome: 'nextStage' }),
    line(1, { subjectName: 'O\'Brien, "Q1"\nfinal.pdf' }),
    line(2, { kind: 'hold', action: 'createHold', subject: 'hold-1', subjectName: 'Audit 2034', stage: 0, outcome: 'active', detail: {} }),
    line(3, { detail: { label: 'Invoices - 7 Years', relabelTo: 'Tax Records - 6 Years' }, outcome: 'relabelled' })
  ]);
  return lines.map((l) => ({ ...l, anchor: { id: `01ANCHOR${l.sequence}`, hash: l.hash } }));
}

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'custodian-proof-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[], files: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CustodianIo = {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    readFile: (path) => {
      if (!(path in files)) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return new TextEncoder().encode(files[path]);
    }
  };
  const code = await runCustodian(argv, io);
  return { code, out, err };
}

describe('custodian proof verify FILE (offline, against the register as the Proof tab exports it)', () => {
  it('accepts an intact export and the head hash printed on its certificate', async () => {
    const lines = register();
    const head = lines[lines.length - 1].hash;
    const result = await run(['proof', 'verify', 'register.csv', '--head', head], { 'register.csv': writeProofRegisterCsv(lines) });
    expect(result).toMatchObject({ code: exitCodes.ok, err: '' });
    expect(result.out).toBe(
      `register.csv: verified. 4 entries, head hash ${head}. The chain passes through all 5 anchors and heads given, the newest at entry 3.\n`
    );
  });

  it('rejects an edited entry whose chain was recomputed, naming the entry', async () => {
    const lines = register();
    lines[1] = { ...lines[1], justification: 'Approved by the board.' };
    const forged = chain(lines, 1); // the anchor columns still hold what the anchors held
    const result = await run(['proof', 'verify', 'register.csv'], { 'register.csv': writeProofRegisterCsv(forged) });
    expect(result.code).toBe(exitCodes.findings);
    expect(result.out).toMatch(/^register\.csv: NOT VERIFIED\. Entry 1 was rewritten and the chain recomputed/);
    expect(result.out).toContain('Entry 1 is "O\'Brien, \\"Q1\\"\\nfinal.pdf", row 3 of the file.');
  });

  it('rejects a forgery that rewrote the anchor columns too, against the head hash from the certificate', async () => {
    const certificateHead = register()[3].hash;
    const lines = register().map(({ anchor: _a, ...l }) => l);
    lines[2] = { ...lines[2], subjectName: 'Audit 2034 (cancelled)' };
    const forged = chain(lines, 2);
    const file = { 'register.csv': writeProofRegisterCsv(forged) };
    const alone = await run(['proof', 'verify', 'register.csv'], file);
    expect(alone.code).toBe(exitCodes.ok);
    expect(alone.err).toMatch(/names no anchor and no --head was given, so only its inner consistency is proved/);
    const result = await run(['proof', 'verify', 'register.csv', '--head', certificateHead], file);
    expect(result.code).toBe(exitCodes.findings);
    expect(result.out).toContain(`The head hash ${certificateHead} is not in this register`);
  });

  it('rejects a row whose shown Label was edited without touching the hashed detail, naming the row', async () => {
    const csv = writeProofRegisterCsv(register()).replace(
      ',Invoices - 7 Years,Tax Records - 6 Years,',
      ',Board Minutes - Permanent,Tax Records - 6 Years,'
    );
    const result = await run(['proof', 'verify', 'register.csv'], { 'register.csv': csv });
    expect(result.code).toBe(exitCodes.findings);
    expect(result.out).toMatch(/Row 5 \(entry 3\) was edited: its Label column says "Board Minutes - Permanent"/);
  });

  it('refuses a --head that is not a hash, and a file that is not a register export, saying what to do', async () => {
    const bad = await run(['proof', 'verify', 'register.csv', '--head', 'abc'], { 'register.csv': writeProofRegisterCsv(register()) });
    expect(bad).toMatchObject({ code: exitCodes.usage });
    expect(bad.err).toMatch(/--head "abc" is not a head hash: it has 64 digits 0-9 and a-f\. Copy it from the certificate\./);
    const plan = await run(['proof', 'verify', 'plan.csv'], { 'plan.csv': 'LabelName,Comment\r\nTax,x\r\n' });
    expect(plan).toMatchObject({ code: exitCodes.usage });
    expect(plan.err).toMatch(/not a Custodian proof register export: it has no column "Sequence"/);
    expect((await run(['proof', 'verfy', 'x.csv'], {})).err).toMatch(/proof has no command "verfy"\. Did you mean verify\?/);
  });

  it('runs from bin/custodian.js on a real file, exiting 1 on a tampered export', () => {
    const lines = register();
    lines[0] = { ...lines[0], by: 'ana.ortiz@custodiandev.onmicrosoft.com' };
    const path = join(dir, 'tampered.csv');
    writeFileSync(path, writeProofRegisterCsv(chain(lines, 0)));
    const run = spawnSync(process.execPath, [join(__dirname, '../../bin/custodian.js'), 'proof', 'verify', path], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('NOT VERIFIED. Entry 0 was rewritten and the chain recomputed');
  });
});
