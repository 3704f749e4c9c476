import fc from 'fast-check';
import { excelCsvFormat, type CsvFormat } from '../../../src/core/domain/csvFormat';
import { decodeCsvBytes } from '../../../src/core/domain/decodeCsvBytes';
import { escapeCsvField, restoreNeutralisedFormula } from '../../../src/core/domain/escapeCsvField';
import { readCsv } from '../../../src/core/domain/readCsv';
import { writeCsv } from '../../../src/core/domain/writeCsv';
import { hostileText, textOf } from './support/arbitraries';
import { propertyRuns, stressRepeats } from '../../support/propertyRuns';

describe('readCsv: where a line ends, after a malformed cell or in an old file', () => {
  // Outside truth: RFC 4180 (CRLF ends a record; a quoted cell may hold line breaks) and the line endings Excel writes
  // on Windows (CRLF) and classic Mac OS (CR alone). A person fixing a file goes by the physical line numbers.
  it('ends the record at the line break after text that follows a closing quote, or after a stray quote', () => {
    for (const lineBreak of ['\n', '\r\n', '\r']) {
      const result = readCsv(['"ab"c', 'd"e', 'f,g', ''].join(lineBreak));
      expect(result.records).toStrictEqual([['abc'], ['d"e'], ['f', 'g']]);
      expect(result.issues.map((issue) => [issue.problem, issue.record, issue.line])).toStrictEqual([
        ['textAfterClosingQuote', 1, 1],
        ['quoteInsideUnquotedCell', 2, 2]
      ]);
    }
  });

  it('counts a line break of CR alone inside a quoted cell as a line, as in a classic Mac OS file', () => {
    const result = readCsv('"two\rlines",x\ry"z\r');
    expect(result.records).toStrictEqual([['two\rlines', 'x'], ['y"z']]);
    expect(result.issues).toStrictEqual([{ problem: 'quoteInsideUnquotedCell', record: 2, cell: 1, line: 3 }]);
  });

  it('keeps the line ending of the first line for writing back, and CRLF for a file of one line', () => {
    expect(readCsv('a\r\nb\nc\n').format.lineEnding).toBe('\r\n');
    expect(readCsv('a,b').format).toStrictEqual({ bom: false, lineEnding: '\r\n', finalLineEnding: false });
    expect(readCsv('').format).toStrictEqual({ bom: false, lineEnding: '\r\n', finalLineEnding: false });
  });
});

describe('readCsv', () => {
  it('reads what Excel writes: BOM, CRLF, quoted commas, doubled quotes and line breaks in cells', () => {
    const text = '\uFEFFLabelName,Notes\r\n"Tax, 2024","She said ""keep it""\r\nfor 7 years"\r\nHR,\r\n';
    const result = readCsv(text);
    expect(result.ok).toBe(true);
    expect(result.records).toEqual([
      ['LabelName', 'Notes'],
      ['Tax, 2024', 'She said "keep it"\r\nfor 7 years'],
      ['HR', '']
    ]);
    expect(result.format).toEqual({ bom: true, lineEnding: '\r\n', finalLineEnding: true });
  });

  it('reads LF files, CR-only (old Mac) files and files without a final line break', () => {
    expect(readCsv('a,b\nc,d').records).toEqual([
      ['a', 'b'],
      ['c', 'd']
    ]);
    expect(readCsv('a,b\nc,d').format).toEqual({ bom: false, lineEnding: '\n', finalLineEnding: false });
    expect(readCsv('a\rb\r').records).toEqual([['a'], ['b']]);
    expect(readCsv('a\rb\r').format.lineEnding).toBe('\r');
  });

  it('keeps empty cells, including a trailing one and an empty line', () => {
    expect(readCsv('a,,\n\n,b\n').records).toEqual([['a', '', ''], [''], ['', 'b']]);
    expect(readCsv('a,b,').records).toEqual([['a', 'b', '']]);
    expect(readCsv('"",""').records).toEqual([['', '']]);
  });

  it('reads an empty file as no records', () => {
    expect(readCsv('')).toMatchObject({ ok: true, records: [] });
    expect(readCsv('\uFEFF')).toMatchObject({ ok: true, records: [], format: { bom: true } });
  });

  it('reports an unterminated quote where it opens, with its physical line, and keeps what it read', () => {
    const result = readCsv('a,b\n"c\nd,e\nf,g\n');
    expect(result.ok).toBe(false);
    expect(result.issues).toEqual([{ problem: 'unterminatedQuote', record: 2, cell: 1, line: 2 }]);
    expect(result.records[1]).toEqual(['c\nd,e\nf,g\n']);
  });

  it('reports text after a closing quote and a quote inside an unquoted cell, and goes on reading', () => {
    const result = readCsv('"ab"c,d\ne"f,g\nh,i\n');
    expect(result.issues.map((issue) => [issue.problem, issue.record, issue.cell])).toEqual([
      ['textAfterClosingQuote', 1, 1],
      ['quoteInsideUnquotedCell', 2, 1]
    ]);
    expect(result.records).toEqual([
      ['abc', 'd'],
      ['e"f', 'g'],
      ['h', 'i']
    ]);
  });

  it('counts physical lines across multi-line cells so errors point at the right line', () => {
    const result = readCsv('"a\r\nb\nc",x\r\ny,"z\n');
    expect(result.issues).toEqual([{ problem: 'unterminatedQuote', record: 2, cell: 2, line: 4 }]);
  });

  it('never throws on any text, and reads it whole: every character is in a cell or is syntax', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), textOf([',', '"', '\r', '\n', '\uFEFF', 'a'], 0, 60)), (text) => {
        const result = readCsv(text);
        expect(result.issues.every((issue) => issue.record >= 1 && issue.cell >= 1 && issue.line >= 1)).toBe(true);
        const cellText = result.records.flat().join('');
        const significant = text.replace(/^\uFEFF/, '').replace(/[,"\r\n]/g, '');
        expect(cellText.replace(/[,"\r\n]/g, '')).toBe(significant);
      }),
      propertyRuns(200)
    );
  });

  it('never throws on 10 MB of garbage', () => {
    const garbage = 'x"y,\r\n\u0000'.repeat(stressRepeats(1_400_000));
    const result = readCsv(garbage);
    expect(result.records.length).toBeGreaterThan(1000);
  }, 30_000);
});

describe('escapeCsvField', () => {
  it('quotes only cells with a comma, quote or line break, as Excel does', () => {
    expect(escapeCsvField('plain text')).toBe('plain text');
    expect(escapeCsvField(' padded ')).toBe(' padded ');
    expect(escapeCsvField('a,b')).toBe('"a,b"');
    expect(escapeCsvField('say "hi"')).toBe('"say ""hi"""');
    expect(escapeCsvField('two\nlines')).toBe('"two\nlines"');
    expect(escapeCsvField('cr\ronly')).toBe('"cr\ronly"');
  });

  it.each([
    ['=HYPERLINK("http://evil","click")', `"'=HYPERLINK(""http://evil"",""click"")"`],
    ['+1 555 0100', "'+1 555 0100"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ["=cmd|' /C calc'!A0", `'=cmd|' /C calc'!A0`],
    ['-2+3', "'-2+3"]
  ])('neutralises the formula %j', (value, escaped) => {
    expect(escapeCsvField(value)).toBe(escaped);
  });

  it('neutralises text a label name may hold too (Excel reads "-Archive" as a formula), but not a negative number', () => {
    expect(escapeCsvField('-Archive 2024')).toBe("'-Archive 2024");
    expect(escapeCsvField('-1-1')).toBe("'-1-1");
    expect(escapeCsvField('-5')).toBe('-5');
    expect(escapeCsvField('-0.25')).toBe('-0.25');
  });

  it('round-trips every string through neutralise and restore, including ones that already start with apostrophes', () => {
    const alphabet = ["'", '=', '+', '-', '@', '\t', '\r', 'a', ' ', ',', '"'];
    fc.assert(
      fc.property(textOf(alphabet, 0, 6), (value) => {
        let written = escapeCsvField(value);
        if (written.startsWith('"')) written = written.slice(1, -1).replace(/""/g, '"');
        expect(restoreNeutralisedFormula(written)).toBe(value);
      }),
      propertyRuns(2000)
    );
  });
});

describe('writeCsv', () => {
  it("writes Excel's layout by default", () => {
    expect(
      writeCsv([
        ['a', 'b,c'],
        ['d', '']
      ])
    ).toBe('\uFEFFa,"b,c"\r\nd,\r\n');
    expect(excelCsvFormat).toEqual({ bom: true, lineEnding: '\r\n', finalLineEnding: true });
  });

  it('writes no records as no line at all, not an empty line that reads back as one empty record', () => {
    expect(writeCsv([])).toBe('\uFEFF');
    expect(readCsv(writeCsv([]))).toMatchObject({ ok: true, records: [] });
  });

  it('reads back exactly what it wrote, for any cells and any layout (formulas neutralised, then restored)', () => {
    const format: fc.Arbitrary<CsvFormat> = fc.record({
      bom: fc.boolean(),
      lineEnding: fc.constantFrom('\r\n' as const, '\n' as const, '\r' as const),
      finalLineEnding: fc.boolean()
    });
    const records = fc
      .integer({ min: 1, max: 5 })
      .chain((width) => fc.array(fc.array(hostileText(0, 8), { minLength: width, maxLength: width }), { minLength: 1, maxLength: 6 }));
    fc.assert(
      fc.property(format, records, (layout, cells) => {
        // A last record of one empty cell without a final line break reads as a final line break:
        // nothing in the text tells them apart.
        const last = cells[cells.length - 1];
        fc.pre(!(last.length === 1 && last[0] === '' && !layout.finalLineEnding));
        const text = writeCsv(cells, layout);
        const read = readCsv(text);
        expect(read.issues).toEqual([]);
        const values = read.records.map((record) => record.map(restoreNeutralisedFormula));
        expect(values).toEqual(cells);
        expect(writeCsv(values, read.format)).toBe(text);
      }),
      propertyRuns(400)
    );
  });
});

describe('decodeCsvBytes', () => {
  const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

  it('decodes UTF-8 with and without a byte order mark, keeping the mark', () => {
    expect(decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...encode('Café,😀')]))).toEqual({ ok: true, text: '\uFEFFCafé,😀' });
    expect(decodeCsvBytes(encode('Café'))).toEqual({ ok: true, text: 'Café' });
  });

  it('refuses Windows-1252 ("CSV (Comma delimited)") with advice to save as CSV UTF-8', () => {
    const result = decodeCsvBytes(new Uint8Array([0x43, 0x61, 0x66, 0xe9]));
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.reason).toContain('CSV UTF-8');
  });

  // Excel's "Unicode text" is UTF-16 little-endian after the byte order mark FF FE; big-endian starts FE FF
  // (Unicode's FAQ on the BOM). Each is named, so that the person saves the right kind of file.
  const utf16 = 'The file is saved as UTF-16 ("Unicode text"). Save it from Excel as "CSV UTF-8 (Comma delimited)" instead.';
  const notUtf8 = 'The file is not valid UTF-8. Save it from Excel as "CSV UTF-8 (Comma delimited)", not "CSV (Comma delimited)".';

  it('refuses UTF-16 in both byte orders, saying it is UTF-16, and binary files with NUL bytes', () => {
    expect(decodeCsvBytes(new Uint8Array([0xff, 0xfe, 0x41, 0x00]))).toEqual({ ok: false, reason: utf16 });
    expect(decodeCsvBytes(new Uint8Array([0xfe, 0xff, 0x00, 0x41]))).toEqual({ ok: false, reason: utf16 });
    expect(decodeCsvBytes(new Uint8Array([0x41, 0x00, 0x42]))).toEqual({
      ok: false,
      reason: 'The file contains NUL characters, so it is not a text CSV file.'
    });
  });

  it('calls a file UTF-16 only for a whole byte order mark: one byte of it, or its bytes swapped into the other mark, is not', () => {
    for (const start of [
      [0xff, 0x41],
      [0x41, 0xfe],
      [0xfe, 0x41],
      [0x41, 0xff],
      [0xff, 0xff],
      [0xfe, 0xfe]
    ]) {
      expect(decodeCsvBytes(new Uint8Array([...start, 0x41]))).toEqual({ ok: false, reason: notUtf8 });
    }
  });
});
