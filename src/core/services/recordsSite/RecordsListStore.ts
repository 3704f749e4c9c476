import type { ListItem } from '@microsoft/microsoft-graph-types';
import type { CallOptions } from '../../graph/GraphCall';
import type { GraphGateway } from '../../graph/GraphGateway';
import { createListItem } from '../../graph/listItems/createListItem';
import { deleteListItemCall } from '../../graph/listItems/deleteListItem';
import { getListItemCall } from '../../graph/listItems/getListItem';
import { findListItemsCall } from '../../graph/listItems/findListItems';
import { listListItemsCall } from '../../graph/listItems/listListItems';
import { listAll } from '../../graph/iteratePages';
import type { ListRef } from '../../graph/listItems/ListRef';
import { quoteODataString } from '../../http/quoteODataString';
import { updateListItemFieldsCall } from '../../graph/listItems/updateListItemFields';
import { createListCall } from '../../graph/lists/createList';
import { findListByName } from '../../graph/lists/findListByName';
import { getList } from '../../graph/lists/getList';
import { indexListColumnCall } from '../../graph/lists/indexListColumn';
import { CustodianError } from '../../http/CustodianError';
import type { RecordsListDefinition } from './defineRecordsList';
import { columnDefinition, type RecordsColumn } from './RecordsColumn';
import { entryChangedError, entryRefusedError, invalidEntryError, missingColumnsError } from './recordsStoreErrors';
import { fieldsToRow, rowToFields } from './rowFields';

/** The version of an entry a write is based on: its list item id and the eTag it was read with. */
export interface EntryVersion {
  id: string;
  eTag: string;
}

/** One entry of a records list: the row, and the list item id and eTag to write it back with. */
export interface StoredEntry<T> extends EntryVersion {
  value: T;
  /** When SharePoint last saved it (ISO 8601). */
  modified?: string;
}

/** A value a query compares a column with. */
export type ColumnValue = string | number | boolean;

export type EntryFilter<T> = Partial<Record<keyof T & string, ColumnValue>>;

/** Changes to an entry: a property left out is kept, `null` empties an optional column. */
export type EntryChanges<T> = { [K in keyof T]?: T[K] | null };

/**
 * One of Custodian's lists on the records site, typed by its definition: every row written is checked by the
 * schema before it is sent and every row read is checked after, and every change and delete carries the eTag
 * the entry was read with (`If-Match`), so a change made meanwhile by someone else is a 412 the store reports
 * as `entryChanged`, never a silent overwrite. The list (with its columns) is created on first use.
 */
export class RecordsListStore<T extends Record<string, unknown>> {
  private ref?: Promise<ListRef>;

  constructor(
    private readonly graph: GraphGateway,
    readonly siteId: string,
    readonly definition: RecordsListDefinition<T>
  ) {}

  /** Finds the list on the records site, creating it with its columns the first time. */
  ensure(options: CallOptions = {}): Promise<ListRef> {
    if (!this.ref) {
      this.ref = this.findOrCreate(options);
      this.ref.catch(() => (this.ref = undefined));
    }
    return this.ref;
  }

  /** The entry with this list item id, or undefined when there is none. */
  async get(id: string, options: CallOptions = {}): Promise<StoredEntry<T> | undefined> {
    const ref = await this.ensure(options);
    try {
      return this.toEntry(await this.graph.call({ ...getListItemCall(ref, id), action: `read ${this.noun}` }, options));
    } catch (e) {
      if (e instanceof CustodianError && e.status === 404) return undefined;
      throw e;
    }
  }

  /** The entry whose key column equals `key` (the oldest, should two have been added at once). */
  async find(key: string, options: CallOptions = {}): Promise<StoredEntry<T> | undefined> {
    const found = await this.query({ [this.definition.key]: key } as EntryFilter<T>, options);
    return found[0];
  }

  /** Every entry whose columns equal the given values, oldest first. */
  async query(where: EntryFilter<T>, options: CallOptions = {}): Promise<StoredEntry<T>[]> {
    const ref = await this.ensure(options);
    const clauses: string[] = [];
    for (const [column, value] of Object.entries(where)) {
      if (value === undefined) continue;
      const definition = (this.definition.columns as Record<string, RecordsColumn>)[column];
      if (!definition) throw new RangeError(`'${column}' is not a column of '${this.definition.title}'.`);
      // Graph refuses a filter on a column that is not indexed, and SharePoint past 5,000 items (the list view threshold).
      if (!definition.indexed) throw new RangeError(`'${column}' of '${this.definition.title}' is not indexed; index it to query by it.`);
      clauses.push(`fields/${column} eq ${typeof value === 'string' ? quoteODataString(value) : String(value)}`);
    }
    const first = clauses.length ? findListItemsCall(ref, clauses.join(' and ')) : listListItemsCall(ref);
    const items = await listAll<ListItem>(this.graph, { ...first, action: `read ${this.nounPlural}` }, options);
    return items.map((i) => this.toEntry(i)).sort((a, b) => Number(a.id) - Number(b.id));
  }

  /** Every entry, oldest first. */
  list(options: CallOptions = {}): Promise<StoredEntry<T>[]> {
    return this.query({}, options);
  }

  async create(value: T, options: CallOptions = {}): Promise<StoredEntry<T>> {
    const action = `save ${this.noun}`;
    const fields = this.fieldsFor(value, action, true);
    const ref = await this.ensure(options);
    return this.toEntry(await createListItem(this.graph, ref, fields, { ...options, action }));
  }

  /**
   * Changes some properties of an entry, if nobody changed it since `version` was read; the merged row must
   * still satisfy the schema. Returns the entry as saved, with its new eTag.
   */
  async update(version: EntryVersion & { value?: T }, changes: EntryChanges<T>, options: CallOptions = {}): Promise<StoredEntry<T>> {
    const action = `save ${this.noun}`;
    if (version.value) {
      const merged: Record<string, unknown> = { ...version.value, ...changes };
      for (const [k, v] of Object.entries(merged)) if (v === null) delete merged[k];
      this.fieldsFor(merged as Partial<T>, action, true);
    }
    const fields = this.fieldsFor(changes as Partial<T>, action, false);
    const ref = await this.ensure(options);
    try {
      const saved = await this.graph.call({ ...updateListItemFieldsCall(ref, version.id, fields, version.eTag), action }, options);
      const record = saved as Record<string, unknown>;
      return this.toEntry({ id: version.id, eTag: String(record['@odata.etag'] ?? ''), fields: record } as ListItem);
    } catch (e) {
      throw e instanceof CustodianError && e.status === 412 ? entryChangedError(e, action) : e;
    }
  }

  /** Deletes an entry, if nobody changed it since `version` was read; an entry already gone is not an error. */
  async remove(version: EntryVersion, options: CallOptions = {}): Promise<void> {
    const action = `delete ${this.noun}`;
    const ref = await this.ensure(options);
    try {
      await this.graph.call({ ...deleteListItemCall(ref, version.id, { eTag: version.eTag }), action }, options);
    } catch (e) {
      // Already gone (our own delete repeated after a dropped connection, or someone else's): the entry is removed.
      if (e instanceof CustodianError && e.status === 404) return;
      throw e instanceof CustodianError && e.status === 412 ? entryChangedError(e, action) : e;
    }
  }

  private get noun(): string {
    return `the entry in '${this.definition.title}'`;
  }

  private get nounPlural(): string {
    return `the entries of '${this.definition.title}'`;
  }

  private fieldsFor(value: Partial<T>, action: string, whole: boolean): Record<string, unknown> {
    if (whole) {
      const checked = this.definition.schema.safeParse(value);
      if (!checked.success) throw entryRefusedError(action, describeIssues(checked.error.issues));
    }
    const mapped = rowToFields(this.definition, value);
    if (!mapped.ok) throw entryRefusedError(action, mapped.reason);
    return mapped.fields;
  }

  private toEntry(item: ListItem): StoredEntry<T> {
    const id = String(item.id ?? '');
    const fields = (item.fields ?? {}) as Record<string, unknown>;
    const mapped = fieldsToRow(this.definition, fields);
    if (!mapped.ok) throw invalidEntryError(this.definition.title, id, mapped.reason);
    const parsed = this.definition.schema.safeParse(mapped.row);
    if (!parsed.success) throw invalidEntryError(this.definition.title, id, describeIssues(parsed.error.issues));
    const eTag = String(item.eTag ?? fields['@odata.etag'] ?? '');
    const modified = typeof fields.Modified === 'string' ? fields.Modified : (item.lastModifiedDateTime ?? undefined);
    return { id, eTag, value: parsed.data, ...(modified ? { modified } : {}) };
  }

  private async findOrCreate(options: CallOptions): Promise<ListRef> {
    const { title, description, columns } = this.definition;
    let list = await findListByName(this.graph, this.siteId, title, options);
    if (!list) {
      try {
        list = await this.graph.call(
          {
            ...createListCall(this.siteId, {
              displayName: title,
              description,
              columns: Object.entries(columns as Record<string, RecordsColumn>).map(([name, c]) => columnDefinition(name, c))
            }),
            action: `set up its list '${title}' on the records site`
          },
          options
        );
      } catch (e) {
        // Someone else created it at the same moment: use theirs.
        if (!(e instanceof CustodianError && e.status === 409)) throw e;
        list = await findListByName(this.graph, this.siteId, title, options);
        if (!list) throw e;
      }
      return { siteId: this.siteId, listId: String(list.id) };
    }
    const ref = { siteId: this.siteId, listId: String(list.id) };
    const existing = new Map(((await getList(this.graph, ref, options)).columns ?? []).map((c) => [c.name, c]));
    const missing = Object.keys(columns).filter((c) => !existing.has(c));
    if (missing.length) throw missingColumnsError(title, missing);
    // A list made by an earlier version may lack an index a query now relies on: add it (a filter on a column that
    // is not indexed is refused by Graph).
    for (const [name, column] of Object.entries(columns as Record<string, RecordsColumn>)) {
      const found = existing.get(name);
      if (column.indexed && found?.id && found.indexed !== true)
        await this.graph.call(
          { ...indexListColumnCall(ref, found.id, name), action: `index the column '${name}' of its list '${title}' on the records site` },
          options
        );
    }
    return ref;
  }
}

function describeIssues(issues: readonly { path: (string | number)[]; message: string }[]): string {
  return issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}
