// Prints how long file plan validation takes on the inputs issue 3 names. Not a test: timing depends
// on the machine. Run it with
//   npx esbuild test/core/domain/bench/validateFilePlanCsv.bench.ts --bundle --platform=node --log-level=warning | node
import { validateFilePlanCsv } from '../../../../src/core/domain/validateFilePlanCsv';
import { writeFilePlanCsv } from '../../../../src/core/domain/writeFilePlanCsv';
import { random } from '../support/random';
import { validRow } from '../support/filePlanFixtures';

function time(name: string, input: string | Uint8Array): void {
  const started = performance.now();
  const result = validateFilePlanCsv(input, { eventTypes: ['Employee activity'], existingLabels: [] });
  const elapsed = performance.now() - started;
  const size = typeof input === 'string' ? input.length : input.byteLength;
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
const rng = random(1);
const bytes = new Uint8Array(1_000_000).map(() => rng.int(0, 255));
const garbage = Array.from({ length: 10_000_000 / 8 }, () =>
  String.fromCharCode(...Array.from({ length: 8 }, () => rng.int(32, 126)))
).join('');

time('1,000 valid labels', valid);
time('1,000 labels with 5+ errors each', broken);
time('1 MB of random bytes', bytes);
time('10 MB of printable garbage', garbage);
