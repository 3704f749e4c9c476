import type { User } from '@microsoft/microsoft-graph-types';
import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';

/**
 * The signed-in user, to name who made a decision: `GET /me?$select=id,displayName,mail,userPrincipalName`.
 * Permission (least privileged): User.Read (delegated only; an app-only caller has no "me").
 */
export function getSignedInUserCall(): GraphCall<User> {
  return { method: 'GET', url: '/me?$select=id,displayName,mail,userPrincipalName', action: 'read who is signed in' };
}

export function getSignedInUser(gateway: GraphGateway, options?: CallOptions): Promise<User> {
  return gateway.call(getSignedInUserCall(), options);
}
