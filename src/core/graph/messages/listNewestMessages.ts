import type { Message } from '@microsoft/microsoft-graph-types';
import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';

/**
 * The signed-in user's newest messages, one page: `GET /me/messages?$top={top}&$select=...` (user-list-messages,
 * newest first by default). Permission (least privileged): Mail.ReadBasic.
 */
export function listNewestMessagesCall(top: number, select: readonly (keyof Message)[]): GraphCall<{ value?: Message[] }> {
  return { method: 'GET', url: `/me/messages?$top=${top}&$select=${select.join(',')}`, action: 'read the newest email in your mailbox' };
}

export function listNewestMessages(
  gateway: GraphGateway,
  top: number,
  select: readonly (keyof Message)[],
  options?: CallOptions
): Promise<Message[]> {
  return gateway.call(listNewestMessagesCall(top, select), options).then((page) => page.value ?? []);
}
