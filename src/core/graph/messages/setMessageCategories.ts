import { encodePathSegment } from '../../http/encodePathSegment';
import type { Message } from '@microsoft/microsoft-graph-types';
import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';

/**
 * Replaces a message's categories (the whole list: read, add, then send it all):
 * `PATCH /me/messages/{id} { categories }`. Names come from the user's master categories.
 * Permission (least privileged): Mail.ReadWrite.
 */
export function setMessageCategoriesCall(messageId: string, categories: readonly string[]): GraphCall<Message> {
  return {
    method: 'PATCH',
    url: `/me/messages/${encodePathSegment(messageId)}`,
    body: { categories },
    idempotent: true,
    action: 'mark the email as filed'
  };
}

export function setMessageCategories(
  gateway: GraphGateway,
  messageId: string,
  categories: readonly string[],
  options?: CallOptions
): Promise<Message> {
  return gateway.call(setMessageCategoriesCall(messageId, categories), options);
}
