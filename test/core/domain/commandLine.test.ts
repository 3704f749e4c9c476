import { convertFilePlan } from '../../../src/core/domain/convertFilePlan';
import { excelCsvFormat } from '../../../src/core/domain/csvFormat';
import type { FilePlanCsvIssue } from '../../../src/core/domain/filePlanCsvRules';
import { formatFilePlanCsvReport } from '../../../src/core/domain/formatFilePlanCsvReport';
import { validateFilePlanCsv, type ValidateFilePlanCsvResult } from '../../../src/core/domain/validateFilePlanCsv';
import { writeFilePlanCsv } from '../../../src/core/domain/writeFilePlanCsv';
import { plainCsv, row, validRow } from './support/filePlanFixtures';

describe('formatFilePlanCsvReport (custodian fileplan validate)', () => {
  const text = plainCsv([validRow({ RetentionDuration: '40000' }), row({}), validRow({ LabelName: 'HR', EventType: 'Employee activity' })]);

  it('prints each problem as "row R, column C: message", notes on stderr, and exits 1 on errors', () => {
    const report = formatFilePlanCsvReport(validateFilePlanCsv(text));
    expect(report.exitCode).toBe(1);
    expect(report.stdout.split('\n')).toEqual([
      'row 2, column RetentionDuration: RetentionDuration is 40000 days; the most Purview accepts is 36525 (100 years). Use Unlimited to keep items for longer.',
      'row 3: warning: This row is empty and was skipped. Delete it: Purview may reject an empty row.',
      'row 4, column EventType: EventType is only used when RetentionType is EventAgeInDays.',
      ''
    ]);
    expect(report.stderr).toBe(
      'note: No list of existing labels was given, so names already taken in the tenant were not checked.\n' +
        'note: No list of event types was given, so the EventType names were not checked.\n'
    );
  });

  it('prints a JSON array of {row, column, rule, message} for --json', () => {
    const report = formatFilePlanCsvReport(validateFilePlanCsv(text, { existingLabels: [] }), 'json');
    expect(JSON.parse(report.stdout)).toEqual([
      { row: 2, column: 'RetentionDuration', rule: 'retentionDurationMax', message: expect.stringContaining('40000') },
      { row: 4, column: 'EventType', rule: 'eventTypeUnused', message: 'EventType is only used when RetentionType is EventAgeInDays.' }
    ]);
    expect(report.stderr.split('\n')[0]).toBe(
      'row 3: warning: This row is empty and was skipped. Delete it: Purview may reject an empty row.'
    );
  });

  it('exits 0 for a valid file, printing nothing but an empty JSON array', () => {
    const valid = validateFilePlanCsv(plainCsv([validRow()]), { existingLabels: [] });
    expect(formatFilePlanCsvReport(valid)).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(formatFilePlanCsvReport(valid, 'json')).toEqual({ stdout: '[]\n', stderr: '', exitCode: 0 });
  });
});

describe('formatFilePlanCsvReport, on a validation result written by hand', () => {
  // The lines `custodian fileplan validate` prints, written out here, for a result that holds exactly the issues given.
  const result = (issues: FilePlanCsvIssue[], skipped: ValidateFilePlanCsvResult['skipped'] = []): ValidateFilePlanCsvResult => ({
    ok: !issues.some((i) => i.severity === 'error'),
    issues,
    skipped,
    labels: [],
    document: { format: excelCsvFormat, rows: [] }
  });
  const error: FilePlanCsvIssue = {
    row: 2,
    column: 'LabelName',
    rule: 'labelNameRequired',
    severity: 'error',
    message: 'Give the label a name.'
  };
  const wholeRow: FilePlanCsvIssue = { row: 5, column: null, rule: 'cellCount', severity: 'error', message: 'This row has 19 cells.' };
  const warning: FilePlanCsvIssue = { row: 3, column: null, rule: 'blankRow', severity: 'warning', message: 'This row is empty.' };
  const skipped = [{ rule: 'labelNameTaken' as const, reason: 'No list of existing labels was given.' }];

  it('text: errors and warnings in the order given, the warning marked, notes on stderr, exit 1', () => {
    expect(formatFilePlanCsvReport(result([error, warning, wholeRow], skipped))).toEqual({
      stdout: 'row 2, column LabelName: Give the label a name.\nrow 3: warning: This row is empty.\nrow 5: This row has 19 cells.\n',
      stderr: 'note: No list of existing labels was given.\n',
      exitCode: 1
    });
  });

  it('text: warnings alone exit 0', () => {
    expect(formatFilePlanCsvReport(result([warning]), 'text')).toEqual({
      stdout: 'row 3: warning: This row is empty.\n',
      stderr: '',
      exitCode: 0
    });
  });

  it('json: the errors as an indented array on stdout, warnings then notes on stderr, exit 1', () => {
    expect(formatFilePlanCsvReport(result([error, warning, wholeRow], skipped), 'json')).toEqual({
      stdout:
        '[\n  {\n    "row": 2,\n    "column": "LabelName",\n    "rule": "labelNameRequired",\n    "message": "Give the label a name."\n  },\n' +
        '  {\n    "row": 5,\n    "column": null,\n    "rule": "cellCount",\n    "message": "This row has 19 cells."\n  }\n]\n',
      stderr: 'row 3: warning: This row is empty.\nnote: No list of existing labels was given.\n',
      exitCode: 1
    });
  });

  it('json: warnings alone give an empty array and exit 0', () => {
    expect(formatFilePlanCsvReport(result([warning]), 'json')).toEqual({
      stdout: '[]\n',
      stderr: 'row 3: warning: This row is empty.\n',
      exitCode: 0
    });
  });
});

describe('convertFilePlan (custodian fileplan convert)', () => {
  it('converts CSV to JSON labels and back to the same CSV', () => {
    const original = writeFilePlanCsv([
      validRow({ Comment: 'Tax, payroll', IsRecordLabel: 'TRUE', Regulatory: 'FALSE', ReviewerEmail: 'a@contoso.com' })
    ]);
    const csv = convertFilePlan(original, 'json');
    expect(csv.ok).toBe(true);
    if (!csv.ok) return;
    expect(JSON.parse(csv.text)).toEqual([
      expect.objectContaining({
        name: 'Tax records',
        descriptionForAdmins: 'Tax, payroll',
        retention: expect.objectContaining({ behavior: 'retainAsRecord' })
      })
    ]);
    const back = convertFilePlan(csv.text, 'csv');
    expect(back).toMatchObject({ ok: true, warnings: [] });
    if (!back.ok) return;
    expect(back.text).toBe(original);
    const again = convertFilePlan(new TextEncoder().encode(back.text), 'json');
    expect(again).toEqual(csv);
    expect(convertFilePlan(new TextEncoder().encode(csv.text), 'csv')).toEqual(back);
  });

  it('refuses to convert a CSV with errors, or JSON that is not a file plan, with reasons', () => {
    expect(convertFilePlan(plainCsv([validRow({ LabelName: '' })]), 'json')).toMatchObject({
      ok: false,
      reasons: ['The file plan has errors; fix them before converting.'],
      validation: { ok: false }
    });
    expect(convertFilePlan('{"name":', 'csv')).toMatchObject({ ok: false, reasons: [expect.stringMatching(/^The file is not JSON: /)] });
    expect(convertFilePlan('{"name":"x"}', 'csv')).toEqual({ ok: false, reasons: ['The file: Expected array, received object'] });
    expect(convertFilePlan('[{"name":"","retention":null,"descriptors":{}}]', 'csv')).toEqual({
      ok: false,
      reasons: ['0.name: Give the label a name.']
    });
  });

  it('warns about what the CSV cannot carry, naming the label', () => {
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
    const result = convertFilePlan(`\uFEFF${JSON.stringify([label])}`, 'csv');
    expect(result).toMatchObject({
      ok: true,
      warnings: [
        'Contracts: Only the first of 2 disposition review stages can be imported; add the other 1 in the Purview portal after importing.'
      ]
    });
  });
});

describe('convertFilePlan, JSON labels to CSV', () => {
  it('keeps a zero-width no-break space inside a name, taking off only a byte order mark at the start', () => {
    // U+FEFF is a byte order mark only as the file's first character; inside a name it is text and stays.
    const labels = JSON.stringify([{ name: 'Tax\uFEFFrecords', retention: null, descriptors: {} }]);
    const converted = convertFilePlan(labels, 'csv');
    expect(converted).toStrictEqual({ ok: true, text: expect.stringContaining('\r\nTax\uFEFFrecords,'), warnings: [] });
    expect(convertFilePlan(`\uFEFF${labels}`, 'csv')).toStrictEqual(converted);
  });

  it('has nothing to warn about from CSV to JSON: every CSV column has a place in a label', () => {
    expect(convertFilePlan(plainCsv([validRow({ Category: 'Finance', SubCategory: 'Tax' })]), 'json')).toStrictEqual({
      ok: true,
      text: expect.stringContaining('"subCategory": "Tax"'),
      warnings: []
    });
  });
});
