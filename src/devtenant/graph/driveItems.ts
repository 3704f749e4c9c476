import { errors } from '../errors';
import { type Ctx, json, type Reply } from '../http/context';
import type { Route } from '../http/router';
import { applySelect, collectionOptions, expandOption, pageCollection, selectOption } from '../http/query';
import { childrenOf } from '../store/items';
import { listItemRepresentation } from './listItems';
import { itemRetentionLabel } from './itemRetentionLabel';
import { driveItemRepresentation, expandedDriveItem, rootRepresentation } from './driveItemRepresentation';
import { loadDriveItem } from './driveItemLookup';
import { patchDriveItem } from './driveItemRenameMove';
import { deleteDriveItem } from './driveItemDelete';
import { getContent } from './driveItemContent';
import { putContentById, putContentByPath } from './driveFileUpload';
import { createFolder } from './driveFolders';
import { driveDelta } from './driveDelta';

/** Graph's driveItem routes (https://learn.microsoft.com/graph/api/resources/driveitem): reads here, writes in their own files. */

// Files.Read / Files.ReadWrite come first on the driveItem pages (driveitem-get, -list-children, -get-content, -delta;
// -update, -delete, -post-children, -put-content) and reach only the user's own OneDrive (personalAccess, in loadDrive).
const readScopes = [
  'Files.Read',
  'Files.ReadWrite',
  'Files.Read.All',
  'Files.ReadWrite.All',
  'Sites.Read.All',
  'Sites.ReadWrite.All'
] as const;
const writeScopes = ['Files.ReadWrite', 'Files.ReadWrite.All', 'Sites.ReadWrite.All'] as const;

function getDriveItem(ctx: Ctx, p: Record<string, string>): Reply {
  const { site, list, item } = loadDriveItem(ctx, p);
  if (!item) {
    const rep = rootRepresentation(ctx, site, list);
    if (expandOption(ctx, ['children']).has('children'))
      rep.children = childrenOf(ctx.tenant.db, list.root_id as string).map((c) => driveItemRepresentation(ctx, site, list, c));
    return json(applySelect(rep, selectOption(ctx)));
  }
  return json(expandedDriveItem(ctx, site, list, item));
}

function listChildren(ctx: Ctx, p: Record<string, string>): Reply {
  const { site, list, item } = loadDriveItem(ctx, p);
  if (item && !item.is_folder) throw errors.badRequest('The item is a file, so it has no children.');
  const parentId = item ? item.id : (list.root_id as string);
  const expand = expandOption(ctx, ['listItem', 'retentionLabel']);
  const rows = childrenOf(ctx.tenant.db, parentId).map((c) => {
    const rep = driveItemRepresentation(ctx, site, list, c);
    if (expand.has('listItem'))
      rep.listItem = listItemRepresentation(ctx, site, list, c, { fields: (expand.get('listItem')?.expand ?? []).length > 0 });
    if (expand.has('retentionLabel')) rep.retentionLabel = itemRetentionLabel(ctx, c);
    return rep;
  });
  return json(pageCollection(ctx, rows, { keep: ['id', ...expand.keys()] }));
}

export const driveItemRoutes: readonly Route[] = [
  {
    pattern: 'drives/{driveId}/root',
    ops: { GET: { scopes: readScopes, query: entityOptions(), run: (ctx, p) => getDriveItem(ctx, { ...p, itemId: 'root' }) } }
  },
  {
    pattern: 'drives/{driveId}/root/delta',
    ops: { GET: { scopes: readScopes, query: ['token', '$select', '$top'], run: driveDelta } }
  },
  {
    pattern: 'drives/{driveId}/items/{itemId}',
    ops: {
      GET: { scopes: readScopes, query: entityOptions(), run: getDriveItem },
      PATCH: { scopes: writeScopes, run: patchDriveItem },
      DELETE: { scopes: writeScopes, run: deleteDriveItem }
    }
  },
  {
    pattern: 'drives/{driveId}/items/{itemId}/children',
    ops: {
      GET: { scopes: readScopes, query: collectionOptions, run: listChildren },
      POST: { scopes: writeScopes, run: createFolder }
    }
  },
  {
    pattern: 'drives/{driveId}/items/{itemId}/content',
    ops: {
      GET: { scopes: readScopes, run: getContent },
      PUT: { scopes: writeScopes, query: ['@microsoft.graph.conflictBehavior'], run: putContentById }
    }
  },
  {
    pattern: 'drives/{driveId}/upload/{parentPath:path}/{fileName}/content',
    ops: { PUT: { scopes: writeScopes, query: ['@microsoft.graph.conflictBehavior'], run: putContentByPath } }
  }
];

function entityOptions(): string[] {
  return ['$select', '$expand'];
}
