import type { SecurityNamespace } from '@microsoft/microsoft-graph-types';
import type { RetentionLabelCreateBody } from '../../domain/graphRetentionLabelBodies';
import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';

/**
 * Creates a retention label: `POST /security/labels/retentionLabels` (security-labelsroot-post-retentionlabels),
 * the body from `retentionLabelToGraphCreateBody`. Not repeated after a dropped connection: a repeat could meet its
 * own label and fail as a duplicate name.
 * Permission (least privileged): RecordsManagement.ReadWrite.All, delegated only.
 */
export function createRetentionLabelCall(body: RetentionLabelCreateBody): GraphCall<SecurityNamespace.RetentionLabel> {
  return {
    method: 'POST',
    url: '/security/labels/retentionLabels',
    body,
    action: `create the retention label '${String(body.displayName)}'`
  };
}

export function createRetentionLabel(
  gateway: GraphGateway,
  body: RetentionLabelCreateBody,
  options?: CallOptions
): Promise<SecurityNamespace.RetentionLabel> {
  return gateway.call(createRetentionLabelCall(body), options);
}
