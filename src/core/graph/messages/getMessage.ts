import { encodePathSegment } from '../../http/encodePathSegment';
import type { Message } from '@microsoft/microsoft-graph-types';
import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';

/** The properties Custodian files with a message. */
export const filedMessageProperties = [
  'internetMessageId',
  'conversationId',
  'subject',
  'from',
  'toRecipients',
  'sentDateTime',
  'categories',
  'hasAttachments'
] as const;

/**
 * A message's headers and categories (not its body): `GET /me/messages/{id}?$select=...`. The id is a REST id
 * (Office.js `convertToRestId`). Permission (least privileged): Mail.ReadBasic.
 */
export function getMessageCall(messageId: string, select: readonly string[] = filedMessageProperties): GraphCall<Message> {
  return {
    method: 'GET',
    url: `/me/messages/${encodePathSegment(messageId)}?$select=${select.join(',')}`,
    action: 'read the email'
  };
}

export function getMessage(gateway: GraphGateway, messageId: string, options?: CallOptions): Promise<Message> {
  return gateway.call(getMessageCall(messageId), options);
}
