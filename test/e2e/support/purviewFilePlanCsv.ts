/**
 * Purview's file plan CSV as Microsoft documents it, typed in by hand for the browser tests. Nothing here comes
 * from src/: the product's own columns, reader and writer are what those tests check, so they cannot be the oracle.
 *
 * Source: "Use file plan to create and manage retention labels", Microsoft Learn,
 * https://learn.microsoft.com/purview/file-plan-manager#information-about-the-label-properties-for-import
 * (its property table lists the blank template's columns, in the template's order).
 */
export const purviewFilePlanColumns = [
  'LabelName',
  'Comment',
  'Notes',
  'IsRecordLabel',
  'RetentionAction',
  'RetentionDuration',
  'RetentionType',
  'ReviewerEmail',
  'ReferenceId',
  'DepartmentName',
  'Category',
  'SubCategory',
  'AuthorityType',
  'CitationName',
  'CitationUrl',
  'CitationJurisdiction',
  'Regulatory',
  'EventType',
  'IsRecordUnlockedAsDefault',
  'ComplianceTagForNextStage'
] as const;

export type PurviewFilePlanColumn = (typeof purviewFilePlanColumns)[number];

/** One label row of an import file; a column left out is an empty cell. */
export type PurviewFilePlanRow = Partial<Record<PurviewFilePlanColumn, string>>;

/** RFC 4180 section 2: a cell holding a comma, a quote or a line break is quoted, and its quotes are doubled. */
const cell = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * An import file as a person fills in Purview's blank template: the header, then one line per row, CRLF
 * (RFC 4180). `columns` is the header to write, for files whose header a person has changed.
 */
export function purviewFilePlanCsv(rows: readonly PurviewFilePlanRow[], columns: readonly string[] = purviewFilePlanColumns): string {
  const lines = [columns, ...rows.map((row) => columns.map((column) => row[column as PurviewFilePlanColumn] ?? ''))];
  return lines.map((line) => line.map(cell).join(',')).join('\r\n') + '\r\n';
}

export interface ReadCsv {
  /** The first line with its byte order mark (which Excel's "CSV UTF-8" writes) taken off. */
  headerLine: string;
  header: string[];
  /** Every later record, its cells keyed by the header's names. */
  rows: Record<string, string>[];
}

/**
 * Splits an exported file into its header and rows (RFC 4180: quoted cells may hold commas, doubled quotes
 * and line breaks; a line ending after the last record starts no record). Enough for the tests' assertions:
 * it throws on an unclosed quote or a record whose cell count differs from the header's.
 */
export function readCsv(text: string): ReadCsv {
  const body = text.replace(/^\uFEFF/, '');
  const records: string[][] = [];
  let record: string[] = [];
  let value = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (quoted) {
      if (char === '"' && body[i + 1] === '"') {
        value += '"';
        i++;
      } else if (char === '"') quoted = false;
      else value += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(value);
      value = '';
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && body[i + 1] === '\n') i++;
      records.push([...record, value]);
      record = [];
      value = '';
    } else value += char;
  }
  if (quoted) throw new Error('The CSV ends inside a quoted cell.');
  if (value !== '' || record.length > 0) records.push([...record, value]);
  const [header = [], ...rest] = records;
  // RFC 4180 section 2: every record has as many fields as the header.
  const uneven = rest.findIndex((cells) => cells.length !== header.length);
  if (uneven !== -1) throw new Error(`Record ${uneven + 2} has ${rest[uneven].length} cells; the header has ${header.length}.`);
  return {
    headerLine: body.split(/\r\n|\n|\r/, 1)[0],
    header,
    rows: rest.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i]])))
  };
}
