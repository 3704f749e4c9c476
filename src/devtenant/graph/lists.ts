import { errors } from '../errors';
import { type Ctx, json, jsonBody, type Reply } from '../http/context';
import type { Route } from '../http/router';
import { applySelect, collectionOptions, expandOption, pageCollection, selectOption } from '../http/query';
import { type ColumnDef, columnsOf, findList, getList, type ListRow, listsOfSite, type SiteRow } from '../store/sites';
import { guid, driveId, cryptoRng, driveItemId, nameGuid } from '../store/ids';
import { hasControlCharacters } from '../protocol/controlCharacters';
import { listWebUrl, loadListOfSite, loadSite, identitySet } from './common';
import { complianceFieldNames } from './listItems';
import { driveResource } from './driveResource';
import { isPreservationHoldLibrary } from '../holds/preservationHold';

const readScopes = ['Sites.Read.All', 'Sites.ReadWrite.All'] as const;

/** Graph's columnDefinition for one column. */
export function columnRepresentation(col: ColumnDef): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: nameGuid(col.name),
    name: col.name,
    displayName: col.displayName,
    description: col.description ?? '',
    columnGroup: 'Custom Columns',
    enforceUniqueValues: false,
    hidden: col.hidden ?? false,
    indexed: col.indexed ?? false,
    readOnly: col.readOnly ?? false,
    required: col.required ?? false
  };
  if (col.type === 'text') out.text = { allowMultipleLines: false, appendChangesToExistingText: false, linesForEditing: 0, maxLength: 255 };
  if (col.type === 'choice') out.choice = { allowTextEntry: false, choices: col.choices ?? [], displayAs: 'dropDownMenu' };
  if (col.type === 'number') out.number = {};
  if (col.type === 'boolean') out.boolean = {};
  if (col.type === 'dateTime') out.dateTime = { displayAs: 'default', format: 'dateTime' };
  if (col.type === 'person')
    out.personOrGroup = { allowMultipleSelection: false, chooseFromType: 'peopleOnly', displayAs: 'nameWithPresence' };
  if (col.type === 'term') out.term = { allowMultipleValues: false, showFullyQualifiedName: false };
  return out;
}

/** Graph's list (https://learn.microsoft.com/graph/api/resources/list). */
export function listRepresentation(ctx: Ctx, site: SiteRow, list: ListRow): Record<string, unknown> {
  return {
    '@odata.etag': `"${list.id},1"`,
    id: list.id,
    name: list.url_name,
    displayName: list.display_name,
    description: list.description,
    createdDateTime: list.created,
    lastModifiedDateTime: list.modified,
    webUrl: listWebUrl(ctx, site, list),
    list: { contentTypesEnabled: false, hidden: isPreservationHoldLibrary(list), template: list.template },
    parentReference: { siteId: site.id }
  };
}

function listLists(ctx: Ctx, p: Record<string, string>): Reply {
  const site = loadSite(ctx, p.siteId);
  return json(
    pageCollection(
      ctx,
      listsOfSite(ctx.tenant.db, site.id).map((l) => listRepresentation(ctx, site, l))
    )
  );
}

function getListOp(ctx: Ctx, p: Record<string, string>): Reply {
  const { site, list } = loadListOfSite(ctx, p.siteId, p.listId, findList);
  const expand = expandOption(ctx, ['columns', 'drive']);
  const rep = listRepresentation(ctx, site, list);
  if (expand.has('columns')) rep.columns = columnsOf(list).map(columnRepresentation);
  if (expand.has('drive') && list.drive_id) rep.drive = driveResource(ctx, site, list);
  return json(applySelect(rep, selectOption(ctx), ['id', ...expand.keys()]));
}

function listColumns(ctx: Ctx, p: Record<string, string>): Reply {
  const { list } = loadListOfSite(ctx, p.siteId, p.listId, findList);
  return json(pageCollection(ctx, columnsOf(list).map(columnRepresentation)));
}

const columnTypes = ['text', 'choice', 'number', 'boolean', 'dateTime', 'personOrGroup', 'term'] as const;

/**
 * A column from a columnDefinition body, checked as SharePoint checks it: a name of letters, digits and underscores,
 * unique in the list, and one type facet (`text: {}`, `choice: { choices }`, ...).
 */
function columnOfBody(c: Record<string, unknown>, existing: readonly ColumnDef[]): ColumnDef {
  if (!c || typeof c.name !== 'string' || !/^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(c.name))
    throw errors.badRequest('Each column needs a name of letters, digits and underscores.');
  const name = c.name;
  if (existing.some((x) => x.name.toLowerCase() === name.toLowerCase()) || (complianceFieldNames as readonly string[]).includes(name))
    throw errors.conflict(`A column named '${name}' already exists.`);
  const facet = columnTypes.find((t) => c[t] !== undefined);
  if (!facet)
    throw errors.notImplemented(
      `the column type of '${name}' (text, choice, number, boolean, dateTime, personOrGroup and term are served)`
    );
  const type = facet === 'personOrGroup' ? 'person' : facet;
  const choices = type === 'choice' ? ((c.choice as { choices?: unknown }).choices as string[] | undefined) : undefined;
  if (type === 'choice' && (!Array.isArray(choices) || choices.some((x) => typeof x !== 'string')))
    throw errors.badRequest(`Column '${name}' needs choice.choices as strings.`);
  return {
    name,
    displayName: typeof c.displayName === 'string' && c.displayName.trim() !== '' ? c.displayName : name,
    type,
    ...(typeof c.description === 'string' && c.description !== '' ? { description: c.description } : {}),
    ...(choices ? { choices } : {}),
    ...(c.required === true ? { required: true } : {}),
    ...(c.indexed === true ? { indexed: true } : {})
  };
}

/**
 * `POST /sites/{id}/lists/{id}/columns` with a columnDefinition: 201 and the column as Graph describes it
 * (https://learn.microsoft.com/graph/api/list-post-columns). Permission: Sites.Manage.All.
 */
function createColumn(ctx: Ctx, p: Record<string, string>): Reply {
  const { list } = loadListOfSite(ctx, p.siteId, p.listId, findList);
  const columns = columnsOf(list);
  const column = columnOfBody(jsonBody(ctx), columns);
  ctx.tenant.db
    .prepare('UPDATE lists SET columns = ?, modified = ? WHERE id = ?')
    .run(JSON.stringify([...columns, column]), ctx.tenant.clock.nowIso(), list.id);
  return json(columnRepresentation(column), 201);
}

/**
 * The properties of Graph's columnDefinition (https://learn.microsoft.com/graph/api/resources/columndefinition), so a
 * PATCH naming one the dev tenant does not change is told so (501), and a name Graph does not have is a 400.
 */
const columnDefinitionProperties = [
  'id',
  'name',
  'displayName',
  'description',
  'indexed',
  'required',
  'boolean',
  'calculated',
  'choice',
  'columnGroup',
  'contentApprovalStatus',
  'currency',
  'dateTime',
  'defaultValue',
  'enforceUniqueValues',
  'geolocation',
  'hidden',
  'hyperlinkOrPicture',
  'isDeletable',
  'isReorderable',
  'isSealed',
  'lookup',
  'number',
  'personOrGroup',
  'propagateChanges',
  'readOnly',
  'sourceColumn',
  'sourceContentType',
  'term',
  'text',
  'thumbnail',
  'type',
  'validation'
];

/** Applies a columnDefinition PATCH body to a column: what can be set at creation can be changed, except the name. */
function patchedColumn(column: ColumnDef, body: Record<string, unknown>): ColumnDef {
  const out: ColumnDef = { ...column };
  for (const [key, value] of Object.entries(body)) {
    if (key.startsWith('@odata')) continue;
    switch (key) {
      case 'indexed':
      case 'required':
        if (typeof value !== 'boolean') throw errors.badRequest(`The property '${key}' must be true or false.`);
        if (value) out[key] = true;
        else delete out[key];
        break;
      case 'displayName':
        if (typeof value !== 'string' || value.trim() === '' || hasControlCharacters(value) || [...value].length > 255)
          throw errors.badRequest("The property 'displayName' must be a non-empty name of at most 255 characters.");
        out.displayName = value;
        break;
      case 'description':
        if (typeof value !== 'string') throw errors.badRequest("The property 'description' must be a string.");
        if (value === '') delete out.description;
        else out.description = value;
        break;
      // SharePoint fixes a column's internal name (and so its id) when the column is created; a client that sends
      // the column back as it read it is not asking to rename it.
      case 'id':
      case 'name':
        if (value !== (key === 'id' ? nameGuid(column.name) : column.name))
          throw errors.badRequest(`The property '${key}' of a column cannot be changed.`);
        break;
      case 'choice': {
        if (column.type !== 'choice') throw errors.notImplemented(`changing the type of the column '${column.name}'`);
        if (value === null || typeof value !== 'object' || Array.isArray(value))
          throw errors.badRequest("The property 'choice' must be an object.");
        for (const [facetKey, choices] of Object.entries(value as Record<string, unknown>)) {
          if (facetKey !== 'choices') throw errors.notImplemented(`changing 'choice.${facetKey}' of a column (choice.choices is served)`);
          if (!Array.isArray(choices) || choices.some((x) => typeof x !== 'string'))
            throw errors.badRequest(`Column '${column.name}' needs choice.choices as strings.`);
          out.choices = choices as string[];
        }
        break;
      }
      default:
        if (columnDefinitionProperties.includes(key)) throw errors.notImplemented(`changing the column property '${key}'`);
        throw errors.badRequest(
          `The property '${key}' does not exist on type 'microsoft.graph.columnDefinition'. Make sure to only use property names that are defined by the type.`
        );
    }
  }
  return out;
}

/**
 * `PATCH /sites/{id}/lists/{id}/columns/{column-id}` (https://learn.microsoft.com/graph/api/columndefinition-update):
 * 200 and the column as it now is. `indexed: true` is how a client makes a column usable in `$filter` and `$orderby`
 * on a large list (see listViewThreshold.ts). Permission: Sites.Manage.All, as for creating a column.
 */
function updateColumn(ctx: Ctx, p: Record<string, string>): Reply {
  const { list } = loadListOfSite(ctx, p.siteId, p.listId, findList);
  const columns = columnsOf(list);
  const index = columns.findIndex((c) => nameGuid(c.name) === p.columnId.toLowerCase());
  if (index < 0) throw errors.notFound(`The column '${p.columnId}' was not found in the list.`);
  const column = patchedColumn(columns[index], jsonBody(ctx));
  const updated = columns.map((c, i) => (i === index ? column : c));
  ctx.tenant.db
    .prepare('UPDATE lists SET columns = ?, modified = ? WHERE id = ?')
    .run(JSON.stringify(updated), ctx.tenant.clock.nowIso(), list.id);
  return json(columnRepresentation(column));
}

/** `POST /sites/{id}/lists` with `{ displayName, columns, list: { template } }`. */
function createList(ctx: Ctx, p: Record<string, string>): Reply {
  const site = loadSite(ctx, p.siteId);
  const body = jsonBody(ctx);
  const displayName = body.displayName;
  if (typeof displayName !== 'string' || displayName.trim() === '') throw errors.badRequest("The property 'displayName' is required.");
  if (hasControlCharacters(displayName) || [...displayName].length > 255)
    throw errors.badRequest('The list name is too long or contains a control character.');
  if (/["*:<>?/\\|#%]/.test(displayName))
    throw errors.badRequest(`The list name '${displayName}' contains a character SharePoint does not allow in a list URL.`);
  const info = (body.list ?? {}) as Record<string, unknown>;
  const template = info.template ?? 'genericList';
  if (template !== 'genericList' && template !== 'documentLibrary') throw errors.notImplemented(`the list template '${String(template)}'`);
  if (findList(ctx.tenant.db, site.id, displayName))
    throw errors.conflict(
      `A list, survey, discussion board, or document library with the specified title already exists in this Web site.`
    );
  const columns: ColumnDef[] = [{ name: 'Title', displayName: 'Title', type: 'text' }];
  const requested = body.columns === undefined ? [] : body.columns;
  if (!Array.isArray(requested)) throw errors.badRequest("The property 'columns' must be an array.");
  for (const c of requested as Record<string, unknown>[]) columns.push(columnOfBody(c, columns));
  if (!columns.some((c) => c.name === 'ComplianceAssetId'))
    columns.push({ name: 'ComplianceAssetId', displayName: 'Compliance Asset Id', type: 'text' });
  const id = guid(cryptoRng);
  const now = ctx.tenant.clock.nowIso();
  const isLib = template === 'documentLibrary';
  ctx.tenant.db
    .prepare(
      'INSERT INTO lists (id, site_id, url_name, display_name, template, drive_id, root_id, columns, created, modified, default_label, next_num, description) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 1, ?)'
    )
    .run(
      id,
      site.id,
      displayName.replace(/\s+/g, ' ').trim(),
      displayName,
      template,
      isLib ? driveId(cryptoRng) : null,
      isLib ? driveItemId(cryptoRng) : null,
      JSON.stringify(columns),
      now,
      now,
      typeof body.description === 'string' ? body.description : ''
    );
  const list = getList(ctx.tenant.db, id) as ListRow;
  return json(
    {
      ...listRepresentation(ctx, site, list),
      createdBy: identitySet(ctx.tenant.db, ctx.principal?.userId ?? null),
      columns: columns.map(columnRepresentation)
    },
    201
  );
}

export const listRoutes: readonly Route[] = [
  {
    pattern: 'sites/{siteId}/lists',
    ops: {
      GET: { scopes: readScopes, query: ['$select', '$filter', '$top', '$orderby', '$skiptoken'], run: listLists },
      POST: { scopes: ['Sites.Manage.All', 'Sites.FullControl.All'], run: createList }
    }
  },
  { pattern: 'sites/{siteId}/lists/{listId}', ops: { GET: { scopes: readScopes, query: ['$select', '$expand'], run: getListOp } } },
  {
    pattern: 'sites/{siteId}/lists/{listId}/columns',
    ops: {
      GET: { scopes: readScopes, query: collectionOptions, run: listColumns },
      POST: { scopes: ['Sites.Manage.All', 'Sites.FullControl.All'], run: createColumn }
    }
  },
  {
    pattern: 'sites/{siteId}/lists/{listId}/columns/{columnId}',
    ops: { PATCH: { scopes: ['Sites.Manage.All', 'Sites.FullControl.All'], run: updateColumn } }
  }
];
