import type { SensitivityLabel } from '@microsoft/microsoft-graph-types';
import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';
import { listAll } from '../iteratePages';

/**
 * The sensitivity labels available to the signed-in user, with sublabels:
 * `GET /me/dataSecurityAndGovernance/sensitivityLabels?$expand=sublabels` (v1.0, 2025), all pages.
 * Parents with sublabels have `isAppliable: false`. Permission (least privileged): SensitivityLabel.Read.
 */
export function listSensitivityLabelsCall(): GraphCall<unknown> {
  return { method: 'GET', url: '/me/dataSecurityAndGovernance/sensitivityLabels?$expand=sublabels', action: 'read the sensitivity labels' };
}

export function listSensitivityLabels(gateway: GraphGateway, options?: CallOptions): Promise<SensitivityLabel[]> {
  return listAll<SensitivityLabel>(gateway, listSensitivityLabelsCall(), options);
}
