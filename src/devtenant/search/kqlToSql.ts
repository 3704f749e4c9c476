import type Database from 'better-sqlite3';
import { KqlNotServed, type KqlNode, type PropertyOperator } from './kqlQuery';
import { type ManagedProperty, managedProperty } from './managedProperties';

/**
 * Turns a KQL tree into a condition on `search_index` (and its FTS5 table `search_text`), with every value bound as a
 * parameter, never spliced in: quotes, `'`, `#`, `%` and any other character in a query are matched as written.
 * Matching follows the KQL syntax reference: text properties kept whole (ComplianceTag, Filename, ...) match the whole
 * value, ignoring case; full-text properties (Title, Author) and free text match words, a phrase its words in order;
 * `*` at the end matches a prefix; dates, numbers and Yes/No values compare as such.
 */

export interface SqlCondition {
  sql: string;
  params: unknown[];
}

/** FTS5's token characters in `search_text` (letters, digits, private use, marks, symbols): a term without one finds nothing. */
const wordCharacter = /[\p{L}\p{N}\p{Co}\p{M}\p{So}]/u;

function ftsPhrase(value: string, prefix: boolean): string {
  return `"${value.replace(/"/g, '""')}"${prefix ? ' *' : ''}`;
}

function fullTextMatch(columns: string, value: string, prefix: boolean): SqlCondition {
  if (!wordCharacter.test(value)) return { sql: '0', params: [] };
  return {
    sql: 'rid IN (SELECT rowid FROM search_text WHERE search_text MATCH ?)',
    params: [`${columns} : ${ftsPhrase(value, prefix)}`]
  };
}

/** The last code point there is: every string starting with `p` sorts below `p + top`. */
const top = String.fromCodePoint(0x10ffff);

function hasValue(column: string): SqlCondition {
  return { sql: `(${column} IS NOT NULL AND ${column} <> '')`, params: [] };
}

type Part = Extract<KqlNode, { kind: 'property' }>;

function textCondition(column: string, node: Part): SqlCondition {
  const value = node.value.toLowerCase();
  if (node.prefix) {
    if (value === '') return hasValue(column);
    return { sql: `(${column} >= ? AND ${column} < ?)`, params: [value, value + top] };
  }
  if (node.operator === '<>') return { sql: `(${column} IS NOT NULL AND ${column} <> ?)`, params: [value] };
  return { sql: `${column} = ?`, params: [value] };
}

function partText(n: Part): string {
  return `${n.property}${n.operator}${n.phrase ? `"${n.value}"` : n.value}${n.prefix ? '*' : ''}`;
}

function refuseOperator(n: Part, prop: ManagedProperty, allowed: readonly PropertyOperator[]): void {
  if (!allowed.includes(n.operator))
    throw new KqlNotServed(
      partText(n),
      `uses ${n.operator}, which KQL does not support on ${prop.type === 'fullText' || prop.type === 'text' || prop.type === 'path' ? 'Text' : prop.type} properties such as ${prop.name}.`
    );
}

const dayMs = 24 * 60 * 60 * 1000;

/** A KQL date or date-time as the interval it names: a day (`2020-01-01`) or an instant (`2020-01-01T10:00:00Z`). */
function dateInterval(value: string, n: Part): [string, string] {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) {
    const start = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
    if (new Date(start).getUTCDate() !== Number(day[3])) throw new KqlNotServed(partText(n), `names a day that does not exist (${value}).`);
    return [new Date(start).toISOString(), new Date(start + dayMs).toISOString()];
  }
  const instant = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d{1,7})?Z?$/.exec(value);
  if (instant) {
    const ms = Date.parse(`${instant[1]}${instant[2] ? instant[2].slice(0, 4) : ''}Z`);
    if (!Number.isNaN(ms)) return [new Date(ms).toISOString(), new Date(ms + (instant[2] ? 1 : 1000)).toISOString()];
  }
  throw new KqlNotServed(
    partText(n),
    'gives a date the dev tenant does not read: it reads YYYY-MM-DD and YYYY-MM-DDThh:mm:ss[.fraction][Z] in UTC, not the relative names (today, "this week", ...).'
  );
}

function compareInterval(column: string, op: PropertyOperator, [start, end]: [unknown, unknown]): SqlCondition {
  switch (op) {
    case ':':
    case '=':
      return { sql: `(${column} >= ? AND ${column} < ?)`, params: [start, end] };
    case '<>':
      return { sql: `(${column} < ? OR ${column} >= ?)`, params: [start, end] };
    case '<':
      return { sql: `${column} < ?`, params: [start] };
    case '<=':
      return { sql: `${column} < ?`, params: [end] };
    case '>':
      return { sql: `${column} >= ?`, params: [end] };
    case '>=':
      return { sql: `${column} >= ?`, params: [start] };
  }
}

function integerOf(value: string, n: Part): number {
  if (!/^-?\d{1,15}$/.test(value)) throw new KqlNotServed(partText(n), `needs a whole number, not '${value}'.`);
  return Number(value);
}

function yesNoOf(value: string, n: Part): 0 | 1 {
  const v = value.toLowerCase();
  if (v === 'true' || v === '1' || v === 'yes') return 1;
  if (v === 'false' || v === '0' || v === 'no') return 0;
  throw new KqlNotServed(partText(n), `needs true or false, not '${value}'.`);
}

/** `{guid}`, `GUID` and `guid` are one id. */
function guidOf(value: string): string {
  return value.replace(/^\{|\}$/g, '').toLowerCase();
}

/** Path values may carry any origin (the dev tenant's changes with its port); the index keeps server-relative paths. */
function serverRelative(value: string): string {
  let v = value.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  try {
    v = decodeURIComponent(v);
  } catch {
    // A value that is not percent-encoded is compared as written.
  }
  return v.toLowerCase();
}

function propertyCondition(db: Database.Database, n: Part): SqlCondition {
  const prop = managedProperty(n.property);
  if (!prop)
    throw new KqlNotServed(partText(n), `restricts '${n.property}', which is not a managed property the dev tenant's index keeps.`);
  if (n.prefix && n.value === '' && n.operator === ':') {
    const kept = prop.name !== 'contentclass' && (prop.type === 'text' || prop.type === 'fullText' || prop.type === 'path');
    return kept ? hasValue(prop.column) : { sql: '1', params: [] };
  }
  if (prop.name === 'contentclass') {
    refuseOperator(n, prop, [':', '=', '<>']);
    const v = n.value.toLowerCase();
    const wanted = ['sts_listitem_documentlibrary', 'sts_listitem_genericlist'].filter((c) => (n.prefix ? c.startsWith(v) : c === v));
    const matches = wanted.map((c) => (c === 'sts_listitem_documentlibrary' ? 1 : 0));
    const sql = matches.length === 0 ? '0' : matches.length === 2 ? '1' : `is_library = ${matches[0]}`;
    return n.operator === '<>' ? { sql: `NOT (${sql})`, params: [] } : { sql, params: [] };
  }
  switch (prop.type) {
    case 'text':
      refuseOperator(n, prop, [':', '=', '<>']);
      return textCondition(prop.column, n);
    case 'fullText':
      refuseOperator(n, prop, [':', '=', '<>']);
      if (n.operator === ':') return fullTextMatch(prop.ftsColumn as string, n.value, n.prefix);
      return textCondition(prop.column, n);
    case 'path': {
      refuseOperator(n, prop, [':', '=', '<>']);
      const v = serverRelative(n.value);
      if (n.operator === '<>') return { sql: 'path_lc <> ?', params: [v] };
      if (n.prefix || n.operator === ':') {
        // `path:` scopes to a folder and what is under it (search-concept-files, example 5).
        const folder = v.endsWith('/') || n.prefix ? v : `${v}/`;
        const sql = '(path_lc >= ? AND path_lc < ?)';
        if (n.prefix || v.endsWith('/')) return { sql, params: [folder, folder + top] };
        return { sql: `(path_lc = ? OR ${sql})`, params: [v, folder, folder + top] };
      }
      return { sql: 'path_lc = ?', params: [v] };
    }
    case 'dateTime': {
      if (n.prefix) throw new KqlNotServed(partText(n), 'puts a wildcard on a date.');
      if (n.range) {
        const [from] = dateInterval(n.range.from, n);
        const [, to] = dateInterval(n.range.to, n);
        return compareInterval(prop.column, ':', [from, to]);
      }
      return compareInterval(prop.column, n.operator, dateInterval(n.value, n));
    }
    case 'integer': {
      if (n.prefix) throw new KqlNotServed(partText(n), 'puts a wildcard on a number.');
      if (n.range) return compareInterval(prop.column, ':', [integerOf(n.range.from, n), integerOf(n.range.to, n) + 1]);
      const v = integerOf(n.value, n);
      return compareInterval(prop.column, n.operator, [v, v + 1]);
    }
    case 'yesNo': {
      refuseOperator(n, prop, [':', '=', '<>']);
      if (n.prefix) throw new KqlNotServed(partText(n), 'puts a wildcard on a Yes/No value.');
      const want = (yesNoOf(n.value, n) === 1) !== (n.operator === '<>');
      const sql = prop.name === 'IsDocument' ? '(is_library = 1 AND is_folder = 0)' : `${prop.column} = 1`;
      return { sql: want ? sql : `NOT ${sql}`, params: [] };
    }
    case 'guid': {
      refuseOperator(n, prop, [':', '=', '<>']);
      if (n.prefix) throw new KqlNotServed(partText(n), `puts a wildcard on an id (${prop.name}).`);
      const v = guidOf(n.value);
      let sql: string;
      let params: unknown[];
      if (prop.name === 'SiteId' || prop.name === 'WebId') {
        // Composite site ids are `host,siteGuid,webGuid`: the sites table says which ones carry the guid.
        const part = prop.name === 'SiteId' ? 1 : 2;
        const ids = (db.prepare('SELECT id FROM sites').all() as { id: string }[])
          .map((s) => s.id)
          .filter((id) => id.split(',')[part]?.toLowerCase() === v);
        sql = ids.length === 0 ? '0' : `site_id IN (${ids.map(() => '?').join(', ')})`;
        params = ids;
      } else if (prop.name === 'ListId') {
        const ids = (db.prepare('SELECT id FROM lists WHERE id = ? COLLATE NOCASE').all(v) as { id: string }[]).map((l) => l.id);
        sql = ids.length === 0 ? '0' : `list_id IN (${ids.map(() => '?').join(', ')})`;
        params = ids;
      } else {
        sql = `${prop.column} = ?`;
        params = [v];
      }
      return n.operator === '<>' ? { sql: `NOT (${sql})`, params } : { sql, params };
    }
  }
}

/** The condition a KQL tree puts on `search_index`; throws `KqlNotServed` for what the dev tenant does not read. */
export function kqlToSql(db: Database.Database, node: KqlNode): SqlCondition {
  switch (node.kind) {
    case 'everything':
      return { sql: '1', params: [] };
    case 'text':
      // Free text is matched against titles and file names.
      return fullTextMatch('{title filename}', node.value, node.prefix);
    case 'property':
      return propertyCondition(db, node);
    case 'not': {
      const inner = kqlToSql(db, node.operand);
      // `IS NOT 1`, not `NOT`: an item without the property (NULL) is one the restriction does not match.
      return { sql: `(${inner.sql}) IS NOT 1`, params: inner.params };
    }
    case 'and':
    case 'or': {
      const parts = node.operands.map((o) => kqlToSql(db, o));
      return {
        sql: parts.map((p) => `(${p.sql})`).join(node.kind === 'and' ? ' AND ' : ' OR '),
        params: parts.flatMap((p) => p.params)
      };
    }
  }
}

/** The words and phrases a query searches for, as Microsoft's `searchTerms` lists them (property restrictions left out). */
export function searchTermsOf(node: KqlNode): string[] {
  switch (node.kind) {
    case 'text':
      return [node.value.toLowerCase()];
    case 'and':
    case 'or':
      return node.operands.flatMap(searchTermsOf);
    default:
      return [];
  }
}
