import type { List, Message } from '@microsoft/microsoft-graph-types';
import type { GraphGateway } from '../../../../src/core/graph/GraphGateway';
import { getListDrive } from '../../../../src/core/graph/lists/getListDrive';
import { libraryKeyOf, type LibraryPlan } from '../../../../src/core/services/libraryPlan';

/** A library plan that maps email to `library` on `siteId`, labelled 'Email - 3 Years' by default. */
export async function emailPlan(graph: GraphGateway, siteId: string, library: List, requiredColumns: string[] = []): Promise<LibraryPlan> {
  const ref = { siteId, listId: String(library.id) };
  const drive = await getListDrive(graph, ref);
  return {
    libraryKey: libraryKeyOf(ref),
    ...ref,
    driveId: String(drive.id),
    libraryName: String(library.displayName),
    defaultRetentionLabel: 'Email - 3 Years',
    requiredColumns,
    updatedAt: '2026-01-15T09:00:00Z'
  };
}

/** Graph's create-message from MIME: `POST /me/messages`, `Content-Type: text/plain`, the MIME in base64. */
export function createMessageFromMime(graph: GraphGateway, mime: string): Promise<Message> {
  return graph.call<Message>({
    method: 'POST',
    url: '/me/messages',
    headers: { 'content-type': 'text/plain' },
    body: new Blob([Buffer.from(mime).toString('base64')], { type: 'text/plain' }),
    action: 'create the message'
  });
}

/** A filed file's list item fields, as the tenant holds them. */
export async function listItemFields(graph: GraphGateway, driveId: string, itemId: string): Promise<Record<string, unknown>> {
  const item = await graph.call<{ listItem: { fields: Record<string, unknown> } }>({
    method: 'GET',
    url: `/drives/${encodeURIComponent(driveId)}/items/${itemId}?$expand=listItem($expand=fields)`,
    action: 'read'
  });
  return item.listItem.fields;
}
