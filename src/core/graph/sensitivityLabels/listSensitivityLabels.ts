import type { SensitivityLabel } from '@microsoft/microsoft-graph-types';
import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';
import { listAll } from '../iteratePages';

/**
 * The sensitivity labels available to the signed-in user, with sublabels:
 * `GET /security/dataSecurityAndGovernance/sensitivityLabels?$expand=sublabels`, all pages. Microsoft documents this
 * route for delegated access ("Get labels for the signed-in user (delegated permissions)": with SensitivityLabel.Read
 * it "returns labels scoped to the signed-in user"); the `/users/{id}/...` route's example is an application's.
 * Parents with sublabels have `isAppliable: false`. Permission (least privileged, delegated): SensitivityLabel.Read.
 */
export function listSensitivityLabelsCall(): GraphCall<unknown> {
  return {
    method: 'GET',
    url: '/security/dataSecurityAndGovernance/sensitivityLabels?$expand=sublabels',
    action: 'read the sensitivity labels'
  };
}

export function listSensitivityLabels(gateway: GraphGateway, options?: CallOptions): Promise<SensitivityLabel[]> {
  return listAll<SensitivityLabel>(gateway, listSensitivityLabelsCall(), options);
}
