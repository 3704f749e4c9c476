// Prints how long file plan validation takes on the inputs issue 3 names (goal: under a second for 1,000
// rows). Not a test: timing depends on the machine. Run it with `npm run bench -- filePlanCsv [--json]`;
// with --json each input is one JSON object on a line.
import { randomBytes } from 'node:crypto';
import { validateFilePlanCsv } from '../src/core/domain/validateFilePlanCsv';
import { writeFilePlanCsv } from '../src/core/domain/writeFilePlanCsv';
import { validRow } from '../test/core/domain/support/filePlanFixtures';

const json = process.argv.includes('--json');

function time(name: string, input: string | Uint8Array): void {
  const started = performance.now();
  const result = validateFilePlanCsv(input, { eventTypes: ['Employee activity'], existingLabels: [] });
  const elapsed = performance.now() - started;
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (json) {
    const measured = { benchmark: 'filePlanCsv-validate', input: name, size, ms: Math.round(elapsed), issues: result.issues.length };
    console.log(JSON.stringify({ ...measured, labels: result.labels.length }));
    return;
  }
  console.log(
    `${name.padEnd(40)} ${String(size).padStart(10)} chars  ${elapsed.toFixed(0).padStart(6)} ms  ${result.issues.length} issues, ${result.labels.length} labels`
  );
}

const valid = writeFilePlanCsv(
  Array.from({ length: 1000 }, (_, index) =>
    validRow({
      LabelName: `Label ${index}`,
      Notes: `Kept for seven years, then "reviewed".\nRow ${index}.`,
      ReviewerEmail: 'records@contoso.com'
    })
  )
);
const broken = writeFilePlanCsv(
  Array.from({ length: 1000 }, (_, index) =>
    validRow({
      LabelName: `Label #${index % 10}`,
      RetentionDuration: '99999',
      IsRecordLabel: 'Yes',
      ReviewerEmail: 'nobody',
      EventType: 'Gone'
    })
  )
);
const bytes = new Uint8Array(randomBytes(1_000_000));
const garbage = Array.from(randomBytes(10_000_000), (byte) => String.fromCharCode(32 + (byte % 95))).join('');

time('1,000 valid labels', valid);
time('1,000 labels with 5+ errors each', broken);
time('1 MB of random bytes', bytes);
time('10 MB of printable garbage', garbage);
