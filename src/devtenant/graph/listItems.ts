import { errors } from '../errors';
import { type Ctx, json, jsonBody, noContent, type Reply, requirePrincipal } from '../http/context';
import type { Route } from '../http/router';
import { applySelect, collectionOptions, expandOption, filterOption, orderByOption, pageCollection, selectOption } from '../http/query';
import { getItemByNum, insertItem, type ItemMeta, itemsOfList, newItemRow, nextItemNumber, parseFields, updateItem } from '../store/items';
import { type ColumnDef, columnsOf, findList, type ListRow, type SiteRow } from '../store/sites';
import { enforceRecordAction, startsLocked } from '../records';
import { guid, driveItemId, cryptoRng } from '../store/ids';
import { hasControlCharacters } from '../protocol/controlCharacters';
import { stmt } from '../store/db';
import { checkIfMatch, etagOf, identitySet, itemWebUrl, loadListOfSite, sharepointIds } from './common';
import { readDeltaPage } from './delta';
import { preserveBeforeDelete } from '../holds/preservationHold';
import { enforceListViewThreshold, honorsNonIndexedQueries } from './listViewThreshold';

const readScopes = ['Sites.Read.All', 'Sites.ReadWrite.All'] as const;
const writeScopes = ['Sites.ReadWrite.All'] as const;

/** Hidden compliance columns SharePoint keeps on every item; read-only through fields. */
export const complianceFieldNames = [
  '_ComplianceTag',
  '_ComplianceTagWrittenTime',
  '_ComplianceTagUserId',
  '_IsRecord',
  '_ComplianceFlags'
] as const;

/** The item's `fields` (fieldValueSet): its columns, the system columns and the hidden compliance columns. */
export function fieldsOf(ctx: Ctx, list: ListRow, item: ItemMeta): Record<string, unknown> {
  const stored = parseFields(item);
  const isLibrary = list.template === 'documentLibrary';
  const fields: Record<string, unknown> = {
    '@odata.etag': etagOf(item),
    id: String(item.num),
    ContentType: isLibrary ? (item.is_folder ? 'Folder' : 'Document') : 'Item',
    Title: stored.Title ?? null,
    Created: item.created,
    Modified: item.modified,
    AuthorLookupId: item.created_by,
    EditorLookupId: item.modified_by,
    _UIVersionString: `${item.version}.0`,
    Attachments: false,
    ...stored
  };
  if (isLibrary) {
    fields.FileLeafRef = item.name;
    fields.LinkFilename = item.name;
    fields.DocIcon = item.is_folder ? undefined : item.name.slice(item.name.lastIndexOf('.') + 1);
    fields.FileSizeDisplay = item.is_folder ? undefined : String(item.size);
    fields.ItemChildCount = '0';
    fields.FolderChildCount = '0';
  }
  fields.ComplianceAssetId = stored.ComplianceAssetId ?? null;
  fields._ComplianceTag = item.label ?? '';
  fields._ComplianceTagWrittenTime = item.label_at ?? '';
  fields._ComplianceTagUserId = item.label_by ?? '';
  fields._IsRecord = item.label ? isRecordLabel(ctx, item.label) : false;
  for (const k of Object.keys(fields)) if (fields[k] === undefined) delete fields[k];
  return fields;
}

function isRecordLabel(ctx: Ctx, label: string): boolean {
  const row = stmt(ctx.tenant.db, "SELECT data FROM entities WHERE kind = 'retentionLabel' AND name = ? COLLATE NOCASE").get(label) as
    { data: string } | undefined;
  const behavior = row ? (JSON.parse(row.data) as { behaviorDuringRetentionPeriod: string }).behaviorDuringRetentionPeriod : '';
  return behavior === 'retainAsRecord' || behavior === 'retainAsRegulatoryRecord';
}

/** Graph's listItem (https://learn.microsoft.com/graph/api/resources/listitem). */
export function listItemRepresentation(
  ctx: Ctx,
  site: SiteRow,
  list: ListRow,
  item: ItemMeta,
  opts: { fields?: boolean; fieldSelect?: string[] }
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    '@odata.etag': etagOf(item),
    id: String(item.num),
    eTag: etagOf(item),
    createdDateTime: item.created,
    lastModifiedDateTime: item.modified,
    webUrl: itemWebUrl(ctx, site, list, item),
    createdBy: identitySet(ctx.tenant.db, item.created_by),
    lastModifiedBy: identitySet(ctx.tenant.db, item.modified_by),
    parentReference: { id: list.id, siteId: site.id },
    contentType: {
      id: list.template === 'documentLibrary' ? (item.is_folder ? '0x0120' : '0x0101') : '0x01',
      name: list.template === 'documentLibrary' ? (item.is_folder ? 'Folder' : 'Document') : 'Item'
    },
    sharepointIds: sharepointIds(ctx, site, list, item)
  };
  if (opts.fields) {
    const f = fieldsOf(ctx, list, item);
    out.fields = opts.fieldSelect ? applySelect(f, opts.fieldSelect, ['@odata.etag']) : f;
  }
  return out;
}

function loadItem(ctx: Ctx, p: Record<string, string>): { site: SiteRow; list: ListRow; item: ItemMeta } {
  const { site, list } = loadListOfSite(ctx, p.siteId, p.listId, findList);
  if (!/^\d+$/.test(p.itemId)) throw errors.notFound(`The list item '${p.itemId}' was not found.`);
  const item = getItemByNum(ctx.tenant.db, list.id, Number(p.itemId));
  if (!item) throw errors.notFound(`The list item '${p.itemId}' was not found.`);
  return { site, list, item };
}

function listItems(ctx: Ctx, p: Record<string, string>): Reply {
  const { site, list } = loadListOfSite(ctx, p.siteId, p.listId, findList);
  const expand = expandOption(ctx, ['fields', 'driveItem']);
  const fx = expand.get('fields');
  // Before any item is read: a refused query costs SharePoint nothing either.
  enforceListViewThreshold(
    ctx.tenant.db,
    list,
    columnsOf(list),
    { filter: filterOption(ctx), orderBy: orderByOption(ctx) },
    honorsNonIndexedQueries(ctx.headers['prefer'])
  );
  const items = itemsOfList(ctx.tenant.db, list.id);
  // Filters see fields whether or not they are expanded (SharePoint filters on columns).
  const rows = items.map((it) => listItemRepresentation(ctx, site, list, it, { fields: true }));
  return json(
    pageCollection(ctx, rows, { keep: ['id', ...expand.keys()] }, (o) => {
      const copy = { ...o };
      if (!fx) delete copy.fields;
      else if (fx.select) copy.fields = applySelect(copy.fields as Record<string, unknown>, fx.select, ['@odata.etag']);
      return copy;
    })
  );
}

function getListItem(ctx: Ctx, p: Record<string, string>): Reply {
  const { site, list, item } = loadItem(ctx, p);
  const expand = expandOption(ctx, ['fields', 'driveItem']);
  const fx = expand.get('fields');
  const rep = listItemRepresentation(ctx, site, list, item, { fields: !!fx, fieldSelect: fx?.select });
  return json(applySelect(rep, selectOption(ctx), ['id', ...expand.keys()]));
}

function getFields(ctx: Ctx, p: Record<string, string>): Reply {
  const { list, item } = loadItem(ctx, p);
  return json(applySelect(fieldsOf(ctx, list, item), selectOption(ctx), ['@odata.etag']));
}

/** Checks a fieldValueSet against the list's columns; unknown, read-only and mistyped values are a 400. */
export function validateFieldValues(list: ListRow, values: Record<string, unknown>): Record<string, unknown> {
  const columns = columnsOf(list);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (key.startsWith('@odata')) continue;
    if ((complianceFieldNames as readonly string[]).includes(key))
      throw errors.badRequest(
        `Field '${key}' is read-only; set labels with the retentionLabel API or SPPolicyStoreProxy.`,
        'fieldReadOnly'
      );
    const col = columns.find((c) => c.name === key);
    if (!col) throw errors.badRequest(`Field '${key}' is not recognized.`, 'fieldNotRecognized');
    out[key] = checkValue(col, value);
  }
  return out;
}

function checkValue(col: ColumnDef, value: unknown): unknown {
  if (value === null) {
    if (col.required) throw errors.badRequest(`Field '${col.name}' is required.`);
    return null;
  }
  switch (col.type) {
    case 'text':
    case 'choice': {
      if (typeof value !== 'string') throw errors.badRequest(`Field '${col.name}' must be a string.`);
      if (hasControlCharacters(value.replace(/[\t\n\r]/g, '')))
        throw errors.badRequest(`Field '${col.name}' contains a control character.`);
      if ([...value].length > 255) throw errors.badRequest(`Field '${col.name}' is longer than 255 characters.`);
      if (col.type === 'choice' && col.choices && !col.choices.includes(value))
        throw errors.badRequest(`'${value}' is not one of the choices of '${col.name}'.`);
      return value;
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw errors.badRequest(`Field '${col.name}' must be a number.`);
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw errors.badRequest(`Field '${col.name}' must be true or false.`);
      return value;
    case 'dateTime':
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value)))
        throw errors.badRequest(`Field '${col.name}' must be an ISO 8601 date.`);
      return new Date(value).toISOString().replace(/\.000Z$/, 'Z');
    // As in SharePoint Online: Graph writes a person as `{name}LookupId` (the site user list's id) and cannot write
    // a managed metadata column at all; the dev tenant writes both through `ValidateUpdateListItem` only.
    case 'person':
      throw errors.badRequest(
        `Field '${col.name}' is a person column: write '${col.name}LookupId' (a site user id) or use SharePoint's ValidateUpdateListItem.`,
        'invalidRequest'
      );
    case 'term':
      throw errors.badRequest(
        `Field '${col.name}' is a managed metadata column, which Graph cannot write; use SharePoint's ValidateUpdateListItem.`,
        'invalidRequest'
      );
  }
  return value;
}

/** Writes field values after the eTag and record checks; the caller already validated them. */
export function writeFields(ctx: Ctx, item: ItemMeta, values: Record<string, unknown>): void {
  enforceRecordAction(ctx.tenant.db, item, 'editProperties', ctx.principal);
  const merged = { ...parseFields(item), ...values };
  updateItem(ctx.tenant.db, item.id, {
    fields: JSON.stringify(merged),
    modified: ctx.tenant.clock.nowIso(),
    modified_by: requirePrincipal(ctx).userId,
    version: item.version + 1,
    seq: ctx.tenant.nextSeq()
  });
}

function patchFields(ctx: Ctx, p: Record<string, string>): Reply {
  const { list, item } = loadItem(ctx, p);
  checkIfMatch(ctx, item);
  const values = validateFieldValues(list, jsonBody(ctx));
  writeFields(ctx, item, values);
  return json(fieldsOf(ctx, list, getItemByNum(ctx.tenant.db, list.id, item.num) as ItemMeta));
}

function createListItem(ctx: Ctx, p: Record<string, string>): Reply {
  const { site, list } = loadListOfSite(ctx, p.siteId, p.listId, findList);
  if (list.template === 'documentLibrary')
    throw errors.badRequest('Files and folders should only be added to a DocumentLibrary via the OneDrive API');
  const body = jsonBody(ctx);
  for (const key of Object.keys(body))
    if (key !== 'fields') throw errors.badRequest(`The property '${key}' cannot be set when creating a list item.`);
  if (body.fields === null || typeof body.fields !== 'object' || Array.isArray(body.fields))
    throw errors.badRequest("The property 'fields' must be an object.");
  const values = validateFieldValues(list, body.fields as Record<string, unknown>);
  for (const col of columnsOf(list))
    if (col.required && (values[col.name] === undefined || values[col.name] === ''))
      throw errors.badRequest(`Field '${col.name}' is required.`);
  const num = nextItemNumber(ctx.tenant.db, list.id);
  const now = ctx.tenant.clock.nowIso();
  const user = requirePrincipal(ctx).userId;
  const name = `${num}_.000`;
  insertItem(
    ctx.tenant.db,
    newItemRow({
      id: driveItemId(cryptoRng),
      list_id: list.id,
      num,
      uid: guid(cryptoRng),
      parent_id: null,
      path: `/${name}`,
      name,
      created: now,
      created_by: user,
      fields: JSON.stringify(values),
      label: list.default_label,
      locked: startsLocked(ctx.tenant.db, list.default_label) ? 1 : 0,
      seq: ctx.tenant.nextSeq()
    })
  );
  const item = getItemByNum(ctx.tenant.db, list.id, num) as ItemMeta;
  return json(listItemRepresentation(ctx, site, list, item, { fields: true }), 201);
}

function deleteListItem(ctx: Ctx, p: Record<string, string>): Reply {
  const { list, item } = loadItem(ctx, p);
  checkIfMatch(ctx, item);
  if (item.is_folder) throw errors.notImplemented('deleting a folder through its listItem (delete the driveItem)');
  enforceRecordAction(ctx.tenant.db, item, 'delete', ctx.principal);
  preserveBeforeDelete(ctx, list, [item]);
  updateItem(ctx.tenant.db, item.id, { deleted: 1, seq: ctx.tenant.nextSeq(), modified: ctx.tenant.clock.nowIso() });
  return noContent();
}

/**
 * `GET /sites/{s}/lists/{l}/items/delta` (`$expand=fields($select=...)`, `$select`, `$top`): the same rounds,
 * tokens and links as the drive's delta (`readDeltaPage`); deleted items carry `deleted: { state: 'deleted' }`.
 */
function listItemsDelta(ctx: Ctx, p: Record<string, string>): Reply {
  const { site, list } = loadListOfSite(ctx, p.siteId, p.listId, findList);
  const fx = expandOption(ctx, ['fields']).get('fields');
  const select = selectOption(ctx);
  const page = readDeltaPage(ctx, list.id, `${ctx.origin}/${ctx.version}/sites/${site.id}/lists/${list.id}/items/delta`);
  const value = page.rows.map((r) =>
    r.deleted
      ? { id: String(r.num), deleted: { state: 'deleted' } }
      : applySelect(listItemRepresentation(ctx, site, list, r, { fields: !!fx, fieldSelect: fx?.select }), select, [
          'id',
          'fields',
          'deleted'
        ])
  );
  const body: Record<string, unknown> = { value };
  if (page.nextLink) body['@odata.nextLink'] = page.nextLink;
  else body['@odata.deltaLink'] = page.deltaLink;
  return json(body);
}

export const listItemRoutes: readonly Route[] = [
  {
    pattern: 'sites/{siteId}/lists/{listId}/items',
    ops: {
      GET: { scopes: readScopes, query: collectionOptions, run: listItems },
      POST: { scopes: writeScopes, run: createListItem }
    }
  },
  {
    pattern: 'sites/{siteId}/lists/{listId}/items/delta',
    ops: { GET: { scopes: readScopes, query: ['token', '$select', '$expand', '$top'], run: listItemsDelta } }
  },
  {
    pattern: 'sites/{siteId}/lists/{listId}/items/{itemId}',
    ops: {
      GET: { scopes: readScopes, query: ['$select', '$expand'], run: getListItem },
      DELETE: { scopes: writeScopes, run: deleteListItem }
    }
  },
  {
    pattern: 'sites/{siteId}/lists/{listId}/items/{itemId}/fields',
    ops: {
      GET: { scopes: readScopes, query: ['$select'], run: getFields },
      PATCH: { scopes: writeScopes, run: patchFields }
    }
  }
];
