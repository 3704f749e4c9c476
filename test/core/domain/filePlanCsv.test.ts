import fc from 'fast-check';
import { emptyFilePlanCsvValues, filePlanCsvColumns } from '../../../src/core/domain/filePlanCsvColumns';
import { filePlanCsvToGraphCreateBodies } from '../../../src/core/domain/filePlanCsvToGraphCreateBodies';
import { parseFilePlanCsv } from '../../../src/core/domain/parseFilePlanCsv';
import { validateFilePlanCsv } from '../../../src/core/domain/validateFilePlanCsv';
import { validateFilePlanRow } from '../../../src/core/domain/validateFilePlanRow';
import { writeFilePlanCsv } from '../../../src/core/domain/writeFilePlanCsv';
import { header, plainCsv, row, validRow } from './support/filePlanFixtures';
import { hostileCharacters, sometimes, textOf } from './support/arbitraries';
import { propertyRuns, stressRepeats } from '../../support/propertyRuns';

const excel = (lines: string[]): string => `\uFEFF${lines.join('\r\n')}\r\n`;
const csvLine = (cells: string[]): string => cells.join(',');

describe('validateFilePlanCsv', () => {
  it('accepts a file as Excel saves it (BOM, CRLF, quoted commas and line breaks) and reads every label', () => {
    const text = excel([
      header,
      csvLine([
        'Tax records',
        '"Finance, tax and payroll"',
        '"Kept 7 years.\r\nAsk Records if unsure."',
        'TRUE',
        'KeepAndDelete',
        '2555',
        'CreationAgeInDays',
        'records@contoso.com;legal@contoso.com',
        'FIN-01',
        'Finance',
        'Tax',
        'Payroll',
        'Legal',
        'Sarbanes-Oxley Act of 2002',
        'https://www.sec.gov/',
        '"U.S. Securities and Exchange Commission (SEC)"',
        'FALSE',
        '',
        'TRUE',
        ''
      ]),
      csvLine([
        'Employee files',
        '',
        '',
        'FALSE',
        'Keep',
        '2555',
        'EventAgeInDays',
        '',
        '',
        'HR',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        'Employee activity',
        '',
        'Archive'
      ]),
      csvLine(['Archive', '', '', '', 'Delete', '365', 'TaggedAgeInDays', '', '', '', '', '', '', '', '', '', '', '', '', ''])
    ]);
    const result = validateFilePlanCsv(text, { eventTypes: ['Employee activity'], existingLabels: [], regulatoryRecordsEnabled: false });
    expect(result.issues).toEqual([]);
    expect(result.skipped).toEqual([]);
    expect(result.labels.map(({ rowNumber, label }) => [rowNumber, label.name])).toEqual([
      [2, 'Tax records'],
      [3, 'Employee files'],
      [4, 'Archive']
    ]);
    expect(result.labels[0].label).toEqual({
      name: 'Tax records',
      descriptionForAdmins: 'Finance, tax and payroll',
      descriptionForUsers: 'Kept 7 years.\r\nAsk Records if unsure.',
      retention: {
        behavior: 'retainAsRecord',
        action: 'startDispositionReview',
        trigger: 'dateCreated',
        duration: { kind: 'days', days: 2555 },
        defaultRecordBehavior: 'startUnlocked',
        dispositionStages: [{ name: 'Stage 1', reviewers: ['records@contoso.com', 'legal@contoso.com'] }]
      },
      descriptors: {
        referenceId: 'FIN-01',
        department: 'Finance',
        category: 'Tax',
        subCategory: 'Payroll',
        authority: 'Legal',
        citation: {
          name: 'Sarbanes-Oxley Act of 2002',
          url: 'https://www.sec.gov/',
          jurisdiction: 'U.S. Securities and Exchange Commission (SEC)'
        }
      }
    });
    expect(result.labels[1].label.retention).toMatchObject({
      behavior: 'retain',
      action: 'relabel',
      labelToBeApplied: 'Archive',
      eventTypeName: 'Employee activity',
      trigger: 'dateOfEvent'
    });
    expect(result.labels[2].label.retention).toMatchObject({ behavior: 'doNotRetain', action: 'delete', trigger: 'dateLabeled' });
  });

  it('numbers rows as a spreadsheet does even when a cell spans several lines', () => {
    const text = writeFilePlanCsv([validRow({ Notes: 'line one\nline two\nline three' }), validRow({ LabelName: 'Bad #name' })]);
    const result = validateFilePlanCsv(text);
    expect(result.issues.map((issue) => [issue.row, issue.column, issue.rule])).toEqual([[3, 'LabelName', 'labelNameCharacters']]);
  });

  it('reports every error in every row, not only the first, in row and column order', () => {
    const text = plainCsv([
      validRow({ LabelName: 'Tax!', RetentionDuration: '99999', RetentionType: 'Daily' }),
      validRow({ LabelName: 'HR', IsRecordLabel: 'yes', Regulatory: 'true', ReviewerEmail: 'not-an-address' }),
      validRow({ LabelName: 'HR' })
    ]);
    const result = validateFilePlanCsv(text);
    expect(result.ok).toBe(false);
    expect(result.issues.map((issue) => `${issue.row}:${issue.column}:${issue.rule}`)).toEqual([
      '2:LabelName:labelNameCharacters',
      '2:RetentionDuration:retentionDurationMax',
      '2:RetentionType:retentionTypeValue',
      '3:IsRecordLabel:booleanValue',
      '3:ReviewerEmail:reviewerEmail',
      '3:Regulatory:booleanValue',
      '4:LabelName:labelNameUnique'
    ]);
    expect(result.labels).toEqual([]);
  });

  it('lists the tenant rules it could not run, and runs them once the facts are given', () => {
    const rows = [
      validRow({ RetentionType: 'EventAgeInDays', EventType: 'Contract end', IsRecordLabel: 'TRUE', Regulatory: 'TRUE' }),
      validRow({ LabelName: 'Old', RetentionAction: 'Keep', ComplianceTagForNextStage: 'Somewhere else' })
    ];
    const blind = validateFilePlanCsv(plainCsv(rows));
    expect(blind.ok).toBe(true);
    expect(blind.skipped.map((skip) => skip.rule).sort()).toEqual([
      'eventTypeExists',
      'labelNameTaken',
      'regulatoryEnabled',
      'relabelTargetExists'
    ]);
    const informed = validateFilePlanCsv(plainCsv(rows), { eventTypes: [], existingLabels: ['Old'], regulatoryRecordsEnabled: false });
    expect(informed.skipped).toEqual([]);
    expect(informed.issues.map((issue) => issue.rule).sort()).toEqual([
      'eventTypeExists',
      'labelNameTaken',
      'regulatoryEnabled',
      'relabelTargetExists'
    ]);
  });

  it("knows Purview's built-in event types, in any case, even when the tenant's list given lacks them", () => {
    const rows = ['Employee activity', 'EXPIRATION OR TERMINATION OF CONTRACTS AND AGREEMENTS', 'product lifetime', 'Office Party'].map(
      (eventType, i) => validRow({ LabelName: `Event label ${i}`, RetentionType: 'EventAgeInDays', EventType: eventType })
    );
    const result = validateFilePlanCsv(plainCsv(rows), { eventTypes: ['Contract Expiry'] });
    expect(result.issues.map((issue) => `${issue.row}:${issue.rule}`)).toEqual(['5:eventTypeExists']);
  });

  it.each([
    ['an apostrophe', "O'Brien files", '"\'"'],
    ['a double quote', 'The "big" one', '"\\""'],
    ['a hash and percent', 'Tax #1 100%', '"#" "%"'],
    ['angle brackets', '<script>', '"<" ">"'],
    ['an emoji', 'Tax 😀', '"😀"'],
    ['right-to-left text with an override', 'Tax \u202eexe.', '"\\u202e" "."'],
    ['Hebrew', 'ארכיון', '"א" "ר" "כ" "י" "ו" "ן"']
  ])('explains a name with %s without letting it break the message', (_what, name, shown) => {
    const result = validateFilePlanCsv(writeFilePlanCsv([validRow({ LabelName: name })]));
    const issue = result.issues.find((candidate) => candidate.rule === 'labelNameCharacters');
    expect(issue?.message).toContain(shown);
    expect(issue?.message).not.toMatch(/[\n\r\u202e]/);
  });

  it('keeps line breaks in a name out of the message and still checks the rest of the row', () => {
    const result = validateFilePlanCsv(writeFilePlanCsv([validRow({ LabelName: 'Tax\nrecords', RetentionDuration: '0' })]));
    expect(result.issues.map((issue) => issue.rule)).toEqual(['labelNameCharacters', 'retentionDurationValue']);
    expect(result.issues[0].message).toContain('"\\n"');
  });

  it('shortens a very long name in the message', () => {
    const name = `${'x'.repeat(5000)}!`;
    const result = validateFilePlanCsv(writeFilePlanCsv([validRow({ LabelName: name })]));
    expect(result.issues.map((issue) => issue.rule)).toEqual(['labelNameLength', 'labelNameCharacters']);
    expect(result.issues.every((issue) => issue.message.length < 300)).toBe(true);
  });

  it.each([
    ['TRUE ', 'has spaces around "TRUE"; remove them.'],
    ['true', 'must be written exactly TRUE, not "true".'],
    ['No', 'write TRUE or FALSE'],
    ['1', 'is "1", which is not allowed. Use TRUE or FALSE.']
  ])('tells how to fix IsRecordLabel %j', (value, advice) => {
    const result = validateFilePlanRow({ rowNumber: 2, values: validRow({ IsRecordLabel: value }) });
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0].message).toContain(advice);
  });

  it.each(['unlimited', ' Unlimited', '-5', '3.5', '1e3', '٣٦٥'])('refuses the duration %j', (value) => {
    const result = validateFilePlanRow({ rowNumber: 2, values: validRow({ RetentionDuration: value, RetentionAction: 'Keep' }) });
    expect(result.issues.map((issue) => issue.rule)).toEqual(['retentionDurationValue']);
  });

  it('lists unknown enum values in one pass', () => {
    const result = validateFilePlanRow({
      rowNumber: 7,
      values: validRow({
        RetentionAction: 'Archive',
        RetentionType: 'WhenSent',
        IsRecordLabel: 'Maybe',
        Regulatory: 'N/A',
        IsRecordUnlockedAsDefault: '?'
      })
    });
    expect(result.issues.map((issue) => `${issue.row}:${issue.column}`)).toEqual([
      '7:IsRecordLabel',
      '7:Regulatory',
      '7:IsRecordUnlockedAsDefault',
      '7:RetentionAction',
      '7:RetentionType'
    ]);
    expect(result.label).toBeUndefined();
  });

  it.each([
    ['an empty file', ''],
    ['a lone byte order mark', '\uFEFF'],
    ['a blank first line', '\r\n\r\n'],
    ['random text', 'hello world, this is not a file plan\nat all'],
    ['a header and nothing else', `${header}`]
  ])('explains %s instead of throwing', (_what, text) => {
    const result = validateFilePlanCsv(text);
    expect(result.ok).toBe(false);
    expect(result.issues.length).toBeGreaterThan(0);
    expect(result.issues.every((issue) => issue.severity === 'error')).toBe(true);
  });

  it('reports random bytes, and random text under a valid header, as errors, never as exceptions', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const result = validateFilePlanCsv(bytes);
        expect(result.ok).toBe(false);
        expect(result.issues.some((issue) => issue.severity === 'error')).toBe(true);
      }),
      propertyRuns(200)
    );
    fc.assert(
      fc.property(textOf([',', '"', '\r\n', '\n', 'x', 'TRUE', 'Keep', '40000', '\uFEFF', ' '], 0, 200), (body) => {
        const result = validateFilePlanCsv(`${header}\r\n${body}`);
        expect(result.issues.every((issue) => issue.row >= 1 && issue.message.length > 0)).toBe(true);
      }),
      propertyRuns(300)
    );
  });

  it('survives 10 MB of garbage with errors, not exceptions', () => {
    const garbage = `${header}\n${'junk,"x\ny",,,\n'.repeat(stressRepeats(800_000))}`;
    expect(garbage.length).toBeGreaterThan(stressRepeats(10_000_000));
    const result = validateFilePlanCsv(garbage);
    expect(result.ok).toBe(false);
    expect(result.issues[0]).toMatchObject({ row: 2, rule: 'cellCount' });
  }, 30_000);

  it('reads a wrong header order by name, so row errors are still found', () => {
    const columns = [...filePlanCsvColumns].reverse();
    const values = validRow({ RetentionDuration: 'forever' });
    const text = `${columns.join(',')}\n${columns.map((column) => values[column]).join(',')}\n`;
    const rules = validateFilePlanCsv(text).issues.map((issue) => issue.rule);
    expect(rules.filter((rule) => rule === 'columnOrder')).toHaveLength(20);
    expect(rules).toContain('retentionDurationValue');
  });

  it('validates a 1,000-row file and keeps every label', () => {
    const rows = Array.from({ length: 1000 }, (_, index) => validRow({ LabelName: `Label ${index}`, Notes: `Row ${index}, "quoted"` }));
    const result = validateFilePlanCsv(writeFilePlanCsv(rows));
    expect(result.ok).toBe(true);
    expect(result.labels).toHaveLength(1000);
  });
});

describe('parseFilePlanCsv and writeFilePlanCsv', () => {
  it('writes back an Excel file byte for byte', () => {
    const text = excel([
      header,
      csvLine([
        'Tax records',
        '"Kept, then deleted"',
        '"He said ""7 years"""',
        'FALSE',
        'KeepAndDelete',
        '2555',
        'CreationAgeInDays',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        'FALSE',
        '',
        '',
        ''
      ]),
      csvLine(Array.from({ length: 20 }, () => ''))
    ]);
    const parsed = parseFilePlanCsv(text);
    expect(parsed.issues).toEqual([]);
    expect(
      writeFilePlanCsv(
        parsed.document.rows.map((entry) => entry.values),
        parsed.document.format
      )
    ).toBe(text);
  });

  it('round-trips any cell text exactly, including formulas, quotes, line breaks, emoji and right-to-left text', () => {
    const alphabet = [...hostileCharacters, "'", '=', '+', '@'];
    const cells = fc.tuple(...filePlanCsvColumns.map(() => sometimes(textOf(alphabet, 1, 12), 40)));
    const anyRows = fc.array(
      cells.map((texts) => {
        const values = emptyFilePlanCsvValues();
        filePlanCsvColumns.forEach((column, index) => {
          values[column] = texts[index] ?? '';
        });
        return values;
      }),
      { minLength: 1, maxLength: 4 }
    );
    const layout = fc.record({
      bom: fc.boolean(),
      lineEnding: fc.constantFrom('\r\n' as const, '\n' as const),
      finalLineEnding: fc.boolean()
    });
    fc.assert(
      fc.property(anyRows, layout, (rows, format) => {
        const text = writeFilePlanCsv(rows, format);
        const parsed = parseFilePlanCsv(text);
        expect(parsed.issues).toEqual([]);
        expect(parsed.document.rows.map((entry) => entry.values)).toEqual(rows);
        expect(parsed.document.format).toEqual(format);
        expect(
          writeFilePlanCsv(
            parsed.document.rows.map((entry) => entry.values),
            parsed.document.format
          )
        ).toBe(text);
      }),
      propertyRuns(300)
    );
  });

  it('writes a formula-like comment so Excel shows it as text, and reads it back unchanged', () => {
    const text = writeFilePlanCsv([validRow({ Comment: '=HYPERLINK("http://evil.example","Open")', LabelName: '-Archive' })]);
    const line = text.split('\r\n')[1];
    // "-Archive" opens in Excel as a formula (#NAME?): it is neutralised too, and reads back as it was.
    expect(line.startsWith("'-Archive,")).toBe(true);
    expect(parseFilePlanCsv(text).document.rows[0].values.LabelName).toBe('-Archive');
    expect(line).toContain(`"'=HYPERLINK(""http://evil.example"",""Open"")"`);
    expect(parseFilePlanCsv(text).document.rows[0].values.Comment).toBe('=HYPERLINK("http://evil.example","Open")');
  });

  it('keeps rows whose cell count is wrong out of the document, and reports them', () => {
    const parsed = parseFilePlanCsv(`${header}\nonly,three,cells\n${Object.values(row({ LabelName: 'Ok' })).join(',')}\n`);
    expect(parsed.issues.map((issue) => [issue.rule, issue.row])).toEqual([['cellCount', 2]]);
    expect(parsed.document.rows.map((entry) => [entry.rowNumber, entry.values.LabelName])).toEqual([[3, 'Ok']]);
  });
});

describe('filePlanCsvToGraphCreateBodies', () => {
  it('builds one create body per row, relabel targets first, once every id is known', () => {
    const text = plainCsv([
      validRow({
        LabelName: 'Contracts',
        RetentionAction: 'Keep',
        RetentionType: 'EventAgeInDays',
        EventType: 'Contract end',
        ComplianceTagForNextStage: 'Archive',
        Category: 'Legal'
      }),
      validRow({ LabelName: 'Archive', RetentionAction: 'Delete', RetentionDuration: '30' })
    ]);
    const missing = filePlanCsvToGraphCreateBodies(text, { eventTypes: ['Contract end'] });
    expect(missing).toMatchObject({
      ok: false,
      missing: [
        { kind: 'eventType', name: 'Contract end' },
        { kind: 'category', name: 'Legal' }
      ]
    });

    const result = filePlanCsvToGraphCreateBodies(
      text,
      { eventTypes: ['Contract end'] },
      { eventTypes: { 'contract end': 'evt-1' }, categories: { Legal: 'cat-1' }, graphBaseUrl: 'http://127.0.0.1:7071/v1.0/' }
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.bodies.map((entry) => [entry.rowNumber, entry.body.displayName])).toEqual([
      [3, 'Archive'],
      [2, 'Contracts']
    ]);
    // Event types come first, in the file's order, then the templates: the order they must be created in.
    const events = plainCsv([
      validRow({ LabelName: 'Legal', Category: 'Legal' }),
      validRow({ LabelName: 'Leavers', RetentionType: 'EventAgeInDays', EventType: 'Employee exit' }),
      validRow({ LabelName: 'Closures', RetentionType: 'EventAgeInDays', EventType: 'Site closure' })
    ]);
    expect(filePlanCsvToGraphCreateBodies(events, { eventTypes: ['Employee exit', 'Site closure'] })).toMatchObject({
      ok: false,
      missing: [
        { kind: 'eventType', name: 'Employee exit' },
        { kind: 'eventType', name: 'Site closure' },
        { kind: 'category', name: 'Legal' }
      ]
    });
    expect(result.bodies[1].body).toEqual({
      '@odata.type': '#microsoft.graph.security.retentionLabel',
      displayName: 'Contracts',
      behaviorDuringRetentionPeriod: 'retain',
      actionAfterRetentionPeriod: 'relabel',
      retentionTrigger: 'dateOfEvent',
      retentionDuration: { '@odata.type': '#microsoft.graph.security.retentionDurationInDays', days: 2555 },
      labelToBeApplied: 'Archive',
      'retentionEventType@odata.bind': "http://127.0.0.1:7071/v1.0/security/triggerTypes/retentionEventTypes('evt-1')",
      descriptors: { 'categoryTemplate@odata.bind': "http://127.0.0.1:7071/v1.0/security/labels/categories('cat-1')" }
    });
  });

  it('lists what the tenant lacks once each, whatever the case, event types first whatever the row order', () => {
    const text = plainCsv([
      validRow({ LabelName: 'Tax', Category: 'Finance' }),
      validRow({ LabelName: 'Payroll', Category: 'FINANCE', DepartmentName: 'HR' }),
      validRow({ LabelName: 'Leavers', RetentionType: 'EventAgeInDays', EventType: 'Employee exit', Category: 'finance' }),
      validRow({
        LabelName: 'Starters',
        RetentionType: 'EventAgeInDays',
        EventType: 'employee EXIT',
        Category: 'Legal',
        DepartmentName: 'Legal'
      })
    ]);
    expect(filePlanCsvToGraphCreateBodies(text, { eventTypes: ['Employee exit'] })).toMatchObject({
      ok: false,
      missing: [
        { kind: 'eventType', name: 'Employee exit' },
        { kind: 'category', name: 'Finance' },
        { kind: 'department', name: 'HR' },
        { kind: 'category', name: 'Legal' },
        { kind: 'department', name: 'Legal' }
      ]
    });
  });

  it('builds nothing from an invalid file', () => {
    const result = filePlanCsvToGraphCreateBodies(plainCsv([validRow({ LabelName: '' })]));
    expect(result).toMatchObject({ ok: false, missing: [] });
    expect(result.validation.issues[0].rule).toBe('labelNameRequired');
  });
});

describe('edge cases of the file plan CSV', () => {
  it('reports a CSV syntax problem in the header and one past the last column', () => {
    const badHeader = validateFilePlanCsv(`${header.replace('Comment', 'Com"ment')}\n${Object.values(validRow()).join(',')}\n`);
    expect(badHeader.issues).toContainEqual(
      expect.objectContaining({
        rule: 'csvSyntax',
        row: 1,
        column: null,
        message: expect.stringMatching(/^Cell 2 of the header has a quote/)
      })
    );
    const beyond = validateFilePlanCsv(`${header}\n${Object.values(validRow()).join(',')},x"y\n`);
    expect(beyond.issues).toContainEqual(expect.objectContaining({ rule: 'csvSyntax', row: 2, column: null }));
  });

  it('skips an empty line between labels with a warning, keeping the row numbers of what follows', () => {
    const text = `${header}\n${Object.values(validRow()).join(',')}\n\n${Object.values(validRow({ LabelName: 'Bad!' })).join(',')}\n`;
    const result = validateFilePlanCsv(text);
    expect(result.issues.map((issue) => [issue.row, issue.rule, issue.severity])).toEqual([
      [3, 'blankRow', 'warning'],
      [4, 'labelNameCharacters', 'error']
    ]);
  });

  it('explains reviewers given without any retention settings, and a ReviewerEmail of only separators', () => {
    const alone = validateFilePlanRow({ rowNumber: 2, values: row({ LabelName: 'Tax', ReviewerEmail: 'legal@contoso.com' }) });
    expect(alone.issues.map((issue) => [issue.rule, issue.column])).toEqual([['reviewerGroup', 'ReviewerEmail']]);
    const separators = validateFilePlanRow({ rowNumber: 2, values: validRow({ ReviewerEmail: ' ; ;' }) });
    expect(separators.issues.map((issue) => issue.message)).toEqual([
      'ReviewerEmail has only semicolons and spaces; give at least one email address.'
    ]);
  });

  it('refuses a regulatory label that would start unlocked', () => {
    const result = validateFilePlanRow({
      rowNumber: 2,
      values: validRow({ IsRecordLabel: 'TRUE', Regulatory: 'TRUE', IsRecordUnlockedAsDefault: 'TRUE' })
    });
    expect(result.issues.map((issue) => issue.message)).toEqual([
      'A regulatory record cannot be unlocked, so IsRecordUnlockedAsDefault cannot be TRUE.'
    ]);
  });

  it.each([
    [{ LabelName: 'Tax!@#$%^&*()_' }, 'LabelName', /^The name contains "!" "@" "#" "\$" "%" "\^" "&" "\*" and more\./],
    [
      { RetentionAction: 'Keep', RetentionDuration: '', RetentionType: '' },
      'RetentionDuration',
      /^RetentionDuration is required because RetentionAction is filled in;/
    ],
    [
      { RetentionAction: 'KeepAndDelete', ReviewerEmail: 'a;b;c;d;e;f' },
      'ReviewerEmail',
      /^"a", "b", "c", "d", "e" and others are not email addresses\./
    ],
    [{ RetentionType: 'WhenSent', EventType: 'Employee activity' }, 'RetentionType', /^RetentionType is "WhenSent"/]
  ])('words the message for many problems in one cell: %j', (cells, column, message) => {
    const result = validateFilePlanRow({ rowNumber: 2, values: validRow(cells) });
    expect(result.issues).toContainEqual(expect.objectContaining({ column, message: expect.stringMatching(message) }));
    // An EventType beside a RetentionType that is itself wrong is not reported a second time.
    expect(result.issues.filter((issue) => issue.rule === 'eventTypeUnused')).toEqual([]);
  });

  it('checks the relabel target of a row that has no name', () => {
    const result = validateFilePlanCsv(
      plainCsv([validRow({ LabelName: '', RetentionAction: 'Keep', ComplianceTagForNextStage: 'Gone' })]),
      {
        existingLabels: []
      }
    );
    expect(result.issues.map((issue) => [issue.rule, issue.column])).toEqual([
      ['labelNameRequired', 'LabelName'],
      ['relabelTargetExists', 'ComplianceTagForNextStage']
    ]);
  });

  it('asks for each missing template once, even when several rows need it', () => {
    const result = filePlanCsvToGraphCreateBodies(
      plainCsv([validRow({ Category: 'Finance' }), validRow({ LabelName: 'HR', Category: 'FINANCE' })])
    );
    expect(result).toMatchObject({ ok: false, missing: [{ kind: 'category', name: 'Finance' }] });
  });
});
