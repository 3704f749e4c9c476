import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { exitCodes, maxFileBytes, runCustodian, type CustodianIo } from '../../src/cli/custodian';
import { printFilePlanReport } from '../../src/cli/printFilePlanReport';
import { readLabelNames } from '../../src/cli/readLabelNames';
import { filePlanCsvColumns } from '../../src/core/domain/filePlanCsvColumns';
import { formatFilePlanCsvReport } from '../../src/core/domain/formatFilePlanCsvReport';
import { validateFilePlanCsv } from '../../src/core/domain/validateFilePlanCsv';
import { writeFilePlanCsv } from '../../src/core/domain/writeFilePlanCsv';
import { header, validRow } from '../core/domain/support/filePlanFixtures';
import { propertyRuns } from '../support/propertyRuns';

// Some cases read 10 MB or start Node processes; a busy CI machine needs more than jest's 5 s default.
jest.setTimeout(30_000);

const repoRoot = join(__dirname, '../..');
const bin = join(repoRoot, 'bin/custodian.js');
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** As Excel's "CSV UTF-8" saves it: BOM, CRLF, quoted commas, quotes and line breaks. */
const excelPlan = writeFilePlanCsv(
  [
    validRow({ Comment: 'Finance, tax and payroll', Notes: 'Kept 7 years.\r\nAsk "Records" if unsure.', IsRecordLabel: 'TRUE' }),
    validRow({ LabelName: 'Employee files', RetentionAction: 'Keep', RetentionType: 'EventAgeInDays', EventType: 'Employee activity' }),
    validRow({ LabelName: 'Archive', RetentionAction: 'Delete', RetentionDuration: '365', RetentionType: 'TaggedAgeInDays' })
  ].map((values) => ({ ...values, IsRecordLabel: values.IsRecordLabel === '' ? 'FALSE' : values.IsRecordLabel, Regulatory: 'FALSE' }))
);

/** Errors in rows 3, 4 and 5 and in several columns; row 2 (two physical lines) is valid. */
const brokenPlan = writeFilePlanCsv([
  validRow({ Comment: 'Finance, tax and payroll', Notes: 'Kept 7 years.\r\nAsk "Records" if unsure.' }),
  validRow({ RetentionDuration: '40000' }),
  validRow({ LabelName: 'HR files!', IsRecordLabel: 'Yes' }),
  validRow({ LabelName: 'Contracts', ReviewerEmail: 'legal@contoso.com;nobody', EventType: 'Employee activity' })
]);

const brokenPlanLines = [
  'row 3, column LabelName: The name "Tax records" is already used on row 2; every label needs its own name.',
  'row 3, column RetentionDuration: RetentionDuration is 40000 days; the most Purview accepts is 36525 (100 years). Use Unlimited to keep items for longer.',
  'row 4, column LabelName: The name contains "!". The import accepts only letters A-Z and a-z, digits, hyphens and spaces.',
  'row 4, column IsRecordLabel: IsRecordLabel is "Yes"; write TRUE or FALSE (Microsoft\'s sample screenshot shows Yes/No, which the import rejects).',
  'row 5, column ReviewerEmail: "nobody" is not an email address. Separate addresses with semicolons.',
  'row 5, column EventType: EventType is only used when RetentionType is EventAgeInDays.'
];

const labelsNote =
  'note: No list of existing labels was given, so names already taken in the tenant were not checked. Pass --existing-labels FILE to check them.';
const eventTypesNote =
  'note: No list of event types was given, so the EventType names were not checked. Pass --event-types "A,B" to check them.';

type Files = Record<string, string | Uint8Array | Error | (() => Uint8Array)>;

function fsError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

/** Runs the command in this process over an in-memory file system. */
async function run(argv: string[], files: Files = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CustodianIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    readFile: (path) => {
      const file = files[path];
      if (file === undefined) throw fsError('ENOENT', `ENOENT: no such file or directory, open '${path}'`);
      if (file instanceof Error) throw file;
      if (typeof file === 'function') return file();
      return typeof file === 'string' ? encode(file) : file;
    }
  };
  const code = await runCustodian(argv, io);
  return { code, stdout, stderr };
}

const lines = (text: string): string[] => text.split('\n').filter((line) => line !== '');

describe('custodian fileplan validate', () => {
  it("accepts Excel's BOM + CRLF file with quoted commas, quotes and line breaks, exiting 0", async () => {
    const result = await run(
      ['fileplan', 'validate', 'plan.csv', '--event-types', 'Employee activity', '--existing-labels', 'labels.txt'],
      { 'plan.csv': excelPlan, 'labels.txt': 'Old label\r\n' }
    );
    expect(excelPlan.startsWith('\uFEFFLabelName,')).toBe(true);
    expect(excelPlan).toContain('"Kept 7 years.\r\nAsk ""Records"" if unsure."');
    expect(result).toEqual({ code: 0, stdout: '', stderr: 'plan.csv: no errors; 3 labels ready to import.\n' });
  });

  it('prints every error with its spreadsheet row and column, and exits 1', async () => {
    const result = await run(['fileplan', 'validate', 'broken.csv'], { 'broken.csv': brokenPlan });
    expect(result.code).toBe(1);
    expect(lines(result.stdout)).toEqual(brokenPlanLines);
    expect(lines(result.stderr)).toEqual([
      labelsNote,
      eventTypesNote,
      'broken.csv: 6 errors. Fix the errors before uploading the file to Purview.'
    ]);
  });

  it('prints a JSON array of {row, column, rule, message} with --json, keeping notes on stderr', async () => {
    const result = await run(['fileplan', 'validate', '--json', 'broken.csv'], { 'broken.csv': brokenPlan });
    expect(result.code).toBe(1);
    const findings = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(findings.map((finding) => Object.keys(finding))).toEqual(Array(6).fill(['row', 'column', 'rule', 'message']));
    expect(findings.map(({ row, column, rule }) => [row, column, rule])).toEqual([
      [3, 'LabelName', 'labelNameUnique'],
      [3, 'RetentionDuration', 'retentionDurationMax'],
      [4, 'LabelName', 'labelNameCharacters'],
      [4, 'IsRecordLabel', 'booleanValue'],
      [5, 'ReviewerEmail', 'reviewerEmail'],
      [5, 'EventType', 'eventTypeUnused']
    ]);
    expect(findings.map(({ row, column, message }) => `row ${row}, column ${column}: ${message}`)).toEqual(brokenPlanLines);
    expect(result.stdout).toBe(formatFilePlanCsvReport(validateFilePlanCsv(brokenPlan), 'json').stdout);
    expect(lines(result.stderr)).toEqual([labelsNote, eventTypesNote, expect.stringContaining('6 errors')]);
  });

  it('prints an empty JSON array and exits 0 for a valid file; warnings go to stderr', async () => {
    const plan = `${writeFilePlanCsv([validRow()])}${',,,,,,,,,,,,,,,,,,,'}\r\n`;
    const result = await run(['fileplan', 'validate', 'plan.csv', '--json', '--existing-labels=labels.txt'], {
      'plan.csv': plan,
      'labels.txt': ''
    });
    expect(result).toEqual({
      code: 0,
      stdout: '[]\n',
      stderr:
        'row 3: warning: This row is empty and was skipped. Delete it: Purview may reject an empty row.\n' +
        'plan.csv: no errors, 1 warning; 1 label ready to import.\n'
    });
  });

  it('notes the tenant rules it skipped and says which option runs them', async () => {
    const plan = writeFilePlanCsv([
      validRow({ IsRecordLabel: 'TRUE', Regulatory: 'TRUE' }),
      validRow({ LabelName: 'Moves on', RetentionAction: 'Keep', ComplianceTagForNextStage: 'Elsewhere' }),
      // Not one of Purview's built-in event types, which need no list to be known.
      validRow({ LabelName: 'Leavers', RetentionType: 'EventAgeInDays', EventType: 'Staff departure' })
    ]);
    const skipped = await run(['fileplan', 'validate', 'plan.csv'], { 'plan.csv': plan });
    expect(skipped.code).toBe(0);
    expect(lines(skipped.stderr)).toEqual([
      labelsNote,
      'note: Some relabel targets are not in this file and no list of existing labels was given, so they were not checked. Pass --existing-labels FILE to check them.',
      eventTypesNote,
      'note: It was not said whether regulatory records are enabled in the tenant, so Regulatory TRUE rows were not checked for it. Pass --regulatory-enabled or --regulatory-disabled to check them.',
      'plan.csv: no errors; 3 labels ready to import.'
    ]);

    const told = await run(
      [
        'fileplan',
        'validate',
        'plan.csv',
        '--existing-labels',
        'labels.txt',
        '--event-types=Contract end,',
        '--event-types',
        ' Project closed ',
        '--regulatory-disabled'
      ],
      { 'plan.csv': plan, 'labels.txt': 'TAX RECORDS\nSomewhere else\n' }
    );
    expect(told.code).toBe(1);
    expect(lines(told.stdout).map((line) => line.replace(/: .*/, ''))).toEqual([
      'row 2, column LabelName',
      'row 2, column Regulatory',
      'row 3, column ComplianceTagForNextStage',
      'row 4, column EventType'
    ]);
    expect(lines(told.stderr)).toEqual(['plan.csv: 4 errors. Fix the errors before uploading the file to Purview.']);

    const enabled = await run(['fileplan', 'validate', 'plan.csv', '--regulatory-enabled'], { 'plan.csv': plan });
    expect(enabled.stderr).not.toContain('regulatory');
  });

  it.each([
    ['one name per line (CRLF, blank lines, spaces)', encode('  Tax records \r\n\r\nHR\r\n')],
    ['Purview CSV with LabelName', encode(`${header}\nTax records${','.repeat(19)}\n`)],
    ['CLI for Microsoft 365 CSV (displayName)', encode('id,displayName,isInUse\n1,"Tax records",false\n')],
    [
      'Export-Csv from Windows PowerShell (#TYPE, Name)',
      encode('#TYPE Deserialized.Microsoft.Exchange.Management.Tasks.ComplianceTag\r\n"Name","Guid"\r\n"Tax records","x"\r\n')
    ],
    [
      'UTF-16 list from Windows PowerShell',
      new Uint8Array([0xff, 0xfe, ...Array.from('Tax records\r\n').flatMap((c) => [c.charCodeAt(0), 0])])
    ]
  ])('reads --existing-labels as %s', async (_format, labels) => {
    const result = await run(['fileplan', 'validate', 'plan.csv', '--existing-labels', 'labels'], {
      'plan.csv': writeFilePlanCsv([validRow()]),
      labels
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      'row 2, column LabelName: A label named "Tax records" already exists in the tenant; import creates new labels only.\n'
    );
  });

  it('reports an empty file, a file of random bytes and 10 MB of garbage as findings with exit 1', async () => {
    const empty = await run(['fileplan', 'validate', 'empty.csv'], { 'empty.csv': '' });
    expect(empty.code).toBe(1);
    expect(empty.stdout).toMatch(/^row 1: The file is empty\./);

    const noise = new Uint8Array(10_000_000).map((_, index) => 32 + ((index * 2654435761) % 95));
    const garbage = await run(['fileplan', 'validate', 'garbage.csv'], { 'garbage.csv': noise });
    expect(garbage.code).toBe(1);
    expect(lines(garbage.stdout)).toEqual([expect.stringMatching(/^row 1: The first row has none of the column names/)]);

    const junk = `${header}\n${'junk,"x\ny",,,\n'.repeat(800_000)}`;
    expect(junk.length).toBeGreaterThan(10_000_000);
    const rows = await run(['fileplan', 'validate', 'junk.csv', '--json'], { 'junk.csv': junk });
    expect(rows.code).toBe(1);
    const findings = JSON.parse(rows.stdout) as Array<{ row: number; rule: string }>;
    expect(findings).toHaveLength(800_000);
    expect(findings[799_999]).toMatchObject({ row: 800_001, rule: 'cellCount' });
  });

  it('never throws and always prints findings in its format, whatever the bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 3000 }),
          fc.string({ unit: fc.constantFrom(',', '"', '\r', '\n', 'a', 'TRUE', '\uFEFF', '😀') }).map(encode),
          fc.string({ unit: fc.constantFrom(',', '"', '\n', 'x', '40000', 'Keep') }).map((body) => encode(`${header}\n${body}`))
        ),
        fc.boolean(),
        async (bytes, json) => {
          const result = await run(['fileplan', 'validate', 'file.csv', ...(json ? ['--json'] : [])], { 'file.csv': bytes });
          expect(result.code).toBe(1);
          if (json) {
            expect(JSON.parse(result.stdout)).toEqual(expect.arrayContaining([expect.objectContaining({ row: expect.any(Number) })]));
          } else {
            expect(lines(result.stdout).every((line) => /^row \d+(, column [^:]+)?: \S/.test(line))).toBe(true);
          }
          expect(result.stderr).toMatch(/file\.csv: \d+ errors?( and \d+ warnings?)?\. Fix the errors/);
        }
      ),
      propertyRuns(150)
    );
  });
});

describe('custodian fileplan convert', () => {
  it('converts a CSV to JSON and back to the same bytes', async () => {
    const toJson = await run(['fileplan', 'convert', 'plan.csv', '--to', 'json'], { 'plan.csv': excelPlan });
    expect(toJson).toMatchObject({ code: 0, stderr: '' });
    expect((JSON.parse(toJson.stdout) as Array<{ name: string }>).map((label) => label.name)).toEqual([
      'Tax records',
      'Employee files',
      'Archive'
    ]);
    const toCsv = await run(['fileplan', 'convert', 'plan.json', '--to=csv'], { 'plan.json': toJson.stdout });
    expect(toCsv).toEqual({ code: 0, stdout: excelPlan, stderr: '' });
  });

  it('prints warnings about what the CSV cannot hold on stderr', async () => {
    const label = {
      name: 'Contracts',
      retention: {
        behavior: 'retain',
        action: 'startDispositionReview',
        trigger: 'dateCreated',
        duration: { kind: 'days', days: 10 },
        dispositionStages: [
          { name: 'Stage 1', reviewers: ['a@contoso.com'] },
          { name: 'Stage 2', reviewers: ['b@contoso.com'] }
        ]
      },
      descriptors: {}
    };
    const result = await run(['fileplan', 'convert', 'plan.json', '--to', 'csv'], { 'plan.json': JSON.stringify([label]) });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\uFEFFLabelName,.*\r\nContracts,/);
    expect(result.stderr).toBe(
      'warning: Contracts: Only the first of 2 disposition review stages can be imported; add the other 1 in the Purview portal after importing.\n'
    );
  });

  it('refuses to convert a CSV with errors, listing them, with exit 1', async () => {
    const result = await run(['fileplan', 'convert', 'broken.csv', '--to', 'json'], { 'broken.csv': brokenPlan });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(lines(result.stderr)).toEqual(['custodian: The file plan has errors; fix them before converting.', ...brokenPlanLines]);
  });

  it('says so when the file is already in the format asked for, or is not a file plan', async () => {
    const json = await run(['fileplan', 'convert', 'plan.json', '--to', 'json'], { 'plan.json': '\uFEFF [{"name":"x"}]' });
    expect(json.code).toBe(1);
    expect(json.stderr).toContain('plan.json looks like JSON already; to turn Custodian JSON into a file plan CSV, use --to csv.');
    const csv = await run(['fileplan', 'convert', 'plan.csv', '--to', 'csv'], { 'plan.csv': excelPlan });
    expect(csv.code).toBe(1);
    expect(lines(csv.stderr)).toEqual([
      expect.stringMatching(/^custodian: The file is not JSON: /),
      'plan.csv does not look like JSON; to turn a file plan CSV into JSON, use --to json.'
    ]);
    const wrong = await run(['fileplan', 'convert', 'plan.json', '--to', 'csv'], { 'plan.json': '[{"name":""}]' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/^custodian: 0\.name: /);
    expect(wrong.stderr).not.toContain('does not look like JSON');
  });
});

describe('custodian help and misuse', () => {
  it.each([[['--help']], [['-h']], [['help']]])('prints the main help for %j', async (argv) => {
    const result = await run(argv);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^custodian: check a Microsoft Purview file plan/);
    expect(result.stdout).toContain('custodian fileplan convert FILE --to json|csv');
  });

  it.each([[['fileplan', '--help']], [['fileplan', 'help']], [['fileplan', 'validate', 'x', '--help']], [['fileplan', 'convert', '-h']]])(
    'prints the fileplan help for %j',
    async (argv) => {
      const result = await run(argv);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toMatch(/^custodian fileplan: /);
      for (const option of ['--json', '--event-types', '--existing-labels', '--regulatory-enabled', '--regulatory-disabled', '--to']) {
        expect(result.stdout).toContain(option);
      }
    }
  );

  const plan = writeFilePlanCsv([validRow()]);
  const files: Files = {
    'plan.csv': plan,
    folder: fsError('EISDIR', 'EISDIR: illegal operation on a directory, read'),
    'secret.csv': fsError('EACCES', "EACCES: permission denied, open 'secret.csv'"),
    'locked.csv': fsError('EPERM', "EPERM: operation not permitted, open 'locked.csv'"),
    'plan.csv/x': fsError('ENOTDIR', "ENOTDIR: not a directory, open 'plan.csv/x'"),
    'odd.csv': fsError('EIO', 'EIO: i/o error, read'),
    'thrown.csv': () => {
      // Not an Error at all, as some file system shims throw.
      throw 'the disk said no';
    },
    'coded.csv': () => {
      throw Object.assign(new Error('strange failure'), { code: 42 });
    },
    'binary.txt': new Uint8Array([0x41, 0, 0x42]),
    'latin1.txt': new Uint8Array([0x43, 0x61, 0x66, 0xe9]),
    'table.csv': 'id,title\n1,Tax\n',
    'quote.csv': 'LabelName,Comment\n"Tax,x\n',
    'huge.csv': new Uint8Array(maxFileBytes + 1)
  };

  it.each([
    [[], 'no command given. To check a file plan: custodian fileplan validate FILE', 'custodian --help'],
    [['--version'], 'there is no command "--version". The command is fileplan (validate, convert).', 'custodian --help'],
    [['validate', 'plan.csv'], 'validate is a fileplan command: custodian fileplan validate ...'],
    [['fileplan'], 'fileplan needs a command: validate or convert.'],
    [['fileplan', 'check', 'plan.csv'], 'fileplan has no command "check". Its commands: validate, convert.'],
    [['fileplan', 'validat', 'plan.csv'], 'fileplan has no command "validat". Did you mean validate? Its commands: validate, convert.'],
    [['fileplan', 'validate'], 'fileplan validate needs the path of a file, for example: custodian fileplan validate plan.csv'],
    [
      ['fileplan', 'validate', 'a.csv', 'b.csv'],
      'fileplan validate takes one file, but was given 2: "a.csv", "b.csv". Run it once per file (put quotes around a path with spaces).'
    ],
    [
      ['fileplan', 'validate', 'plan.csv', '--jsn'],
      'fileplan validate has no option "--jsn". Did you mean --json? Its options: --json, --event-types, --existing-labels, --regulatory-enabled, --regulatory-disabled.'
    ],
    [
      ['fileplan', 'validate', 'plan.csv', '-j'],
      'fileplan validate has no option "-j". Its options: --json, --event-types, --existing-labels, --regulatory-enabled, --regulatory-disabled.'
    ],
    [['fileplan', 'validate', 'plan.csv', '--json=yes'], '--json takes no value; write just --json.'],
    [['fileplan', 'validate', 'plan.csv', '--event-types'], '--event-types needs a value: the event type names, separated by commas.'],
    [
      ['fileplan', 'validate', 'plan.csv', '--existing-labels', '--json'],
      '--existing-labels needs a value: the path of a file listing the labels.'
    ],
    [
      ['fileplan', 'validate', 'plan.csv', '--regulatory-enabled', '--regulatory-disabled'],
      'Give either --regulatory-enabled or --regulatory-disabled, not both.'
    ],
    [
      ['fileplan', 'validate', 'missing.csv'],
      'Cannot find the file plan "missing.csv": there is no such file. Check the name and the folder; a relative path starts from the folder you run custodian in.'
    ],
    [['fileplan', 'validate', 'folder'], 'The file plan "folder" is a folder. Give the path of the file itself.'],
    [
      ['fileplan', 'validate', 'secret.csv'],
      'Cannot read the file plan "secret.csv": permission denied. Check that your account may read it, or copy it somewhere it can.'
    ],
    [
      ['fileplan', 'validate', 'locked.csv'],
      'Cannot read the file plan "locked.csv": the system does not allow it. Check that your account may read it, or copy it somewhere it can.'
    ],
    [['fileplan', 'validate', 'plan.csv/x'], 'Cannot find the file plan "plan.csv/x": part of the path is a file, not a folder.'],
    [['fileplan', 'validate', 'odd.csv'], 'Cannot read the file plan "odd.csv": EIO: i/o error, read'],
    [['fileplan', 'validate', 'thrown.csv'], 'Cannot read the file plan "thrown.csv": the disk said no'],
    [['fileplan', 'validate', 'coded.csv'], 'Cannot read the file plan "coded.csv": strange failure'],
    [
      ['fileplan', 'validate', 'huge.csv'],
      'The file plan "huge.csv" is 32 MB; a file plan of at most 1,000 labels is far smaller (custodian reads up to 32 MB). Check that this is the right file.'
    ],
    [
      ['fileplan', 'validate', 'plan.csv', '--existing-labels', 'gone.txt'],
      'Cannot find the list of existing labels "gone.txt": there is no such file. Check the name and the folder; a relative path starts from the folder you run custodian in.'
    ],
    [
      ['fileplan', 'validate', 'plan.csv', '--existing-labels', 'plan.csv'],
      '--existing-labels "plan.csv" is the file plan itself. Give a list of the labels already in the tenant.'
    ],
    [
      ['fileplan', 'validate', 'plan.csv', '--existing-labels', 'table.csv'],
      'The list of existing labels "table.csv" looks like a CSV file, but its first line has no LabelName, displayName, Name column. Give one label name per line, or an export with one of those columns.'
    ],
    [
      ['fileplan', 'validate', 'plan.csv', '--existing-labels', 'binary.txt'],
      'The list of existing labels "binary.txt" contains NUL characters, so it is not a text file.'
    ],
    [
      ['fileplan', 'validate', 'plan.csv', '--existing-labels', 'latin1.txt'],
      'The list of existing labels "latin1.txt" is not UTF-8 or UTF-16 text. Save it as UTF-8.'
    ],
    [
      ['fileplan', 'validate', 'plan.csv', '--existing-labels', 'quote.csv'],
      'The list of existing labels "quote.csv" is not valid CSV: see line 2, cell 1 (a quote is missing or extra).'
    ],
    [
      ['fileplan', 'convert', 'plan.csv'],
      'fileplan convert needs --to json (to read a file plan CSV) or --to csv (to read Custodian JSON).'
    ],
    [['fileplan', 'convert', 'plan.csv', '--to', 'xml'], '--to must be json or csv, not "xml".'],
    [['fileplan', 'convert', 'plan.csv', '--to', 'JSON'], '--to must be json or csv, not "JSON".'],
    [['fileplan', 'convert', 'plan.csv', '--to'], '--to needs a value: json or csv.'],
    [['fileplan', 'convert', 'plan.csv', '--to', 'json', '--to=csv'], '--to was given more than once (json, csv); give it once.'],
    [['fileplan', 'convert', 'plan.csv', '--to', 'json', '--json'], 'fileplan convert has no option "--json". Its options: --to.']
  ])('refuses %j with a message and exit 2', async (argv, message, help = 'custodian fileplan --help') => {
    const result = await run(argv, files);
    expect(result).toEqual({ code: exitCodes.usage, stdout: '', stderr: `custodian: ${message}\nRun '${help}' for usage.\n` });
  });

  it('reads a file whose name starts with a dash after --, and accepts a repeated --to with the same value', async () => {
    expect(await run(['fileplan', 'validate', '--', '--plan.csv'], { '--plan.csv': plan })).toMatchObject({ code: 0 });
    expect(await run(['fileplan', 'convert', 'plan.csv', '--to=json', '--to', 'json'], { 'plan.csv': plan })).toMatchObject({ code: 0 });
  });

  it('reports a failure of its own as a bug with exit 3, and never rejects', async () => {
    let stderr = '';
    const broken: CustodianIo = {
      stdout: () => undefined,
      stderr: (text) => {
        stderr += text;
      },
      readFile: () => null as unknown as Uint8Array
    };
    expect(await runCustodian(['fileplan', 'validate', 'plan.csv'], broken)).toBe(exitCodes.internal);
    expect(stderr).toMatch(/^custodian: unexpected failure, which is a bug in custodian\. Please report it with this message:\n\w*Error/);

    const silent: CustodianIo = {
      ...broken,
      stderr: () => {
        throw new Error('stderr closed');
      }
    };
    expect(await runCustodian(['nonsense'], silent)).toBe(exitCodes.usage);
    expect(await runCustodian(['fileplan', 'validate', 'plan.csv'], silent)).toBe(exitCodes.internal);
  });
});

describe('readLabelNames (--existing-labels)', () => {
  it.each([
    ['an empty file', '', []],
    ['a BOM and blank lines', '\uFEFF\n\n', []],
    ['names with CR line endings and spaces', ' A \rB\r', ['A', 'B']],
    ['a one-column CSV with a quoted header', '"Name"\r\n"Tax, records"\r\n', ['Tax, records']],
    ['a header in other case, blank cells skipped', 'LABELNAME,Comment\n,x\nTax,"a\nb"\n', ['Tax']],
    ['LabelName preferred over Name', 'Name,LabelName\nx,Tax\n', ['Tax']],
    ['a CSV export with a short row', 'id,displayName\n1\n2,HR\n', ['HR']]
  ])('reads %s', (_what, text, names) => {
    expect(readLabelNames(encode(text))).toEqual({ ok: true, names });
  });

  it('reads UTF-16 big-endian too', () => {
    const bytes = new Uint8Array([0xfe, 0xff, ...Array.from('HR\nTax').flatMap((c) => [0, c.charCodeAt(0)])]);
    expect(readLabelNames(bytes)).toEqual({ ok: true, names: ['HR', 'Tax'] });
  });
});

describe('printFilePlanReport', () => {
  const result = validateFilePlanCsv(
    [
      header,
      ...Array.from({ length: 6 }, (_, index) =>
        filePlanCsvColumns.map((column) => (column === 'LabelName' ? `Bad!${index}` : column === 'RetentionDuration' ? 'x' : '')).join(',')
      ),
      ',,,,,,,,,,,,,,,,,,,',
      'a,b'
    ].join('\n')
  );

  it('prints exactly what one formatFilePlanCsvReport call gives, in slices of any size', () => {
    expect(result.issues.filter((issue) => issue.severity === 'warning')).not.toHaveLength(0);
    fc.assert(
      fc.property(
        fc.subarray(result.issues),
        fc.subarray(result.skipped.length > 0 ? result.skipped : [{ rule: 'labelNameTaken' as const, reason: 'Skipped.' }]),
        fc.constantFrom('text' as const, 'json' as const),
        fc.integer({ min: 1, max: 8 }),
        (issues, skipped, format, chunkSize) => {
          const part = { ...result, issues, skipped };
          let stdout = '';
          let stderr = '';
          const exitCode = printFilePlanReport(
            part,
            format,
            {
              stdout: (text) => {
                stdout += text;
              },
              stderr: (text) => {
                stderr += text;
              }
            },
            chunkSize
          );
          expect({ stdout, stderr, exitCode }).toEqual(formatFilePlanCsvReport(part, format));
        }
      )
    );
  });

  it('prints more findings than one slice holds through the command', async () => {
    const many = `${header}\n${'a\n'.repeat(25_000)}`;
    const text = await run(['fileplan', 'validate', 'many.csv'], { 'many.csv': many });
    expect(text.code).toBe(1);
    expect(lines(text.stdout)).toHaveLength(25_000);
    expect(text.stdout).toBe(formatFilePlanCsvReport(validateFilePlanCsv(many)).stdout);
    const json = await run(['fileplan', 'validate', 'many.csv', '--json'], { 'many.csv': many });
    expect(json.stdout).toBe(formatFilePlanCsvReport(validateFilePlanCsv(many), 'json').stdout);
  });
});

describe('bin/custodian.js, run as a real process', () => {
  let folder: string;
  const custodian = (args: string[]): { status: number | null; stdout: Buffer; stderr: string } => {
    const result = spawnSync(process.execPath, [bin, ...args], { cwd: folder, encoding: 'buffer', timeout: 60_000 });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr.toString('utf8') };
  };

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'custodian-cli-'));
    writeFileSync(join(folder, 'excel plan.csv'), excelPlan);
    writeFileSync(join(folder, 'broken.csv'), brokenPlan);
    writeFileSync(
      join(folder, 'noise.bin'),
      new Uint8Array(4096).map((_, index) => (index * 2654435761) >>> 24)
    );
    writeFileSync(join(folder, 'labels.txt'), 'Old label\n');
    mkdirSync(join(folder, 'a folder'));
  });

  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('starts with a Node shebang and is CommonJS', () => {
    const source = readFileSync(bin, 'utf8');
    expect(source.startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(source).toContain("require('tsx/cjs')");
  });

  it("validates Excel's BOM + CRLF file: exit 0, nothing on stdout", () => {
    const result = custodian([
      'fileplan',
      'validate',
      'excel plan.csv',
      '--event-types',
      'Employee activity',
      '--existing-labels',
      'labels.txt'
    ]);
    expect(result).toEqual({ status: 0, stdout: Buffer.alloc(0), stderr: 'excel plan.csv: no errors; 3 labels ready to import.\n' });
  });

  it('prints each error with its row and column and exits 1, with the skipped rules noted on stderr', () => {
    const result = custodian(['fileplan', 'validate', 'broken.csv']);
    expect(result.status).toBe(1);
    expect(lines(result.stdout.toString('utf8'))).toEqual(brokenPlanLines);
    expect(lines(result.stderr)).toEqual([
      labelsNote,
      eventTypesNote,
      'broken.csv: 6 errors. Fix the errors before uploading the file to Purview.'
    ]);
  });

  it('prints JSON with --json', () => {
    const result = custodian(['fileplan', 'validate', 'broken.csv', '--json', '--existing-labels', 'labels.txt']);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout.toString('utf8'))).toHaveLength(6);
    expect(lines(result.stderr)).toEqual([eventTypesNote, expect.stringContaining('6 errors')]);
  });

  it('reports random bytes as findings with exit 1', () => {
    const result = custodian(['fileplan', 'validate', 'noise.bin']);
    expect(result.status).toBe(1);
    expect(result.stdout.toString('utf8')).toMatch(/^row 1: The file (is not valid UTF-8|contains NUL)/);
  });

  it('converts CSV to JSON and back to the same bytes', () => {
    const toJson = custodian(['fileplan', 'convert', 'excel plan.csv', '--to', 'json']);
    expect(toJson.status).toBe(0);
    writeFileSync(join(folder, 'plan.json'), toJson.stdout);
    const toCsv = custodian(['fileplan', 'convert', 'plan.json', '--to', 'csv']);
    expect(toCsv).toMatchObject({ status: 0, stderr: '' });
    expect(toCsv.stdout.equals(Buffer.from(excelPlan, 'utf8'))).toBe(true);
    expect(toCsv.stdout.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it.each([
    [['fileplan', 'validate', 'broken.csv', '--strict'], 'has no option "--strict"'],
    [['fileplan', 'validate', 'nowhere.csv'], 'Cannot find the file plan "nowhere.csv"'],
    [['fileplan', 'validate', 'a folder'], 'The file plan "a folder" is a folder'],
    [['fileplan', 'convert', 'broken.csv', '--to', 'yaml'], '--to must be json or csv']
  ])('exits 2 for misuse: %j', (args, message) => {
    const result = custodian(args);
    expect(result.status).toBe(2);
    expect(result.stdout).toHaveLength(0);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toMatch(/Run 'custodian (fileplan )?--help' for usage\.\n$/);
  });
});
