import type { ColumnDefinition, List } from '@microsoft/microsoft-graph-types';
import type { CallOptions } from '../../graph/GraphCall';
import type { GraphGateway } from '../../graph/GraphGateway';
import { createList } from '../../graph/lists/createList';

/** The library columns a filed message fills, by the message property they hold. */
export const emailColumns = {
  from: 'EmailFrom',
  to: 'EmailTo',
  sent: 'EmailSent',
  subject: 'EmailSubject',
  internetMessageId: 'InternetMessageId',
  conversationId: 'ConversationId'
} as const;

/** The email columns as Graph's columnDefinition, in the order a library shows them. */
export const emailColumnDefinitions: readonly ColumnDefinition[] = [
  { name: emailColumns.from, displayName: 'From', text: {} },
  { name: emailColumns.to, displayName: 'To', text: {} },
  { name: emailColumns.sent, displayName: 'Sent', dateTime: {} },
  { name: emailColumns.subject, displayName: 'Subject', text: {} },
  { name: emailColumns.internetMessageId, displayName: 'Internet Message Id', text: {}, indexed: true },
  { name: emailColumns.conversationId, displayName: 'Conversation Id', text: {} }
];

/**
 * Creates a document library for filed email with the columns `fileMessage` writes (the internet message id
 * indexed, as filing looks messages up by it): `POST /sites/{s}/lists`. Permission: Sites.Manage.All.
 */
export function createEmailLibrary(graph: GraphGateway, siteId: string, displayName: string, options?: CallOptions): Promise<List> {
  return createList(
    graph,
    siteId,
    { displayName, template: 'documentLibrary', description: 'Email filed by Custodian.', columns: [...emailColumnDefinitions] },
    options
  );
}

/**
 * The email columns a library has but not indexed where filing needs an index (the internet message id, which filing
 * looks a message up by: Graph refuses a filter on a column that is not indexed).
 */
export function unindexedEmailColumns(
  columns: readonly Pick<ColumnDefinition, 'id' | 'name' | 'indexed'>[]
): { id: string; name: string }[] {
  const wanted = new Set(emailColumnDefinitions.filter((c) => c.indexed).map((c) => c.name));
  return columns.filter((c) => c.id && wanted.has(c.name) && c.indexed !== true).map((c) => ({ id: String(c.id), name: String(c.name) }));
}

/** The email columns a library lacks (by internal name), in `emailColumnDefinitions` order; none when it takes email. */
export function missingEmailColumns(columns: readonly Pick<ColumnDefinition, 'name'>[]): ColumnDefinition[] {
  const has = new Set(columns.map((c) => c.name));
  return emailColumnDefinitions.filter((c) => !has.has(c.name));
}
