import { encodePathSegment } from '../../http/encodePathSegment';
import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';

/**
 * A message as MIME (RFC 822), to file as `.eml`: `GET /me/messages/{id}/$value`. The id is a REST id
 * (Office.js `convertToRestId`). Permission (least privileged): Mail.Read (Mail.ReadBasic omits the body).
 */
export function getMessageMimeCall(messageId: string): GraphCall<Blob> {
  return { method: 'GET', url: `/me/messages/${encodePathSegment(messageId)}/$value`, responseType: 'blob', action: 'read the email' };
}

export function getMessageMime(gateway: GraphGateway, messageId: string, options?: CallOptions): Promise<Blob> {
  return gateway.call(getMessageMimeCall(messageId), options);
}
