import type { CallOptions } from '../../graph/GraphCall';
import type { GraphGateway } from '../../graph/GraphGateway';

/** Who may create retention labels, event types and file plan descriptors, and what anyone else can do instead. */
export interface NotAllowedToCreate {
  /** Who can create labels, in the user's terms. */
  whoCan: string;
  /** What the user can do meanwhile (hand over the file, use Purview's own import). */
  whatToDo: string;
}

export const notAllowedToCreate: NotAllowedToCreate = {
  whoCan:
    'People with the Retention Management role in Microsoft Purview (records managers and compliance administrators). Creating labels needs the RecordsManagement.ReadWrite.All permission, which your account does not have.',
  whatToDo:
    "Send them this file: they can import it here in Custodian, or in the Microsoft Purview portal (Records management > File plan > Import). Once the labels are published to this site, you can make them your libraries' defaults."
};

/**
 * Whether the person's sign-in carries RecordsManagement.ReadWrite.All, which creating labels, event types and
 * descriptors needs: false is certain (Graph would answer 403), true means Graph may still refuse (Purview also
 * checks the person's role), undefined means the host's sign-in does not say (SPFx).
 */
export async function mayCreateLabels(graph: GraphGateway, options: CallOptions = {}): Promise<boolean | undefined> {
  const scopes = await graph.grantedScopes(options);
  return scopes === undefined ? undefined : scopes.some((scope) => scope.toLowerCase() === 'recordsmanagement.readwrite.all');
}
