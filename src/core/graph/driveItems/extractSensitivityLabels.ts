import type { SensitivityLabelAssignment } from '@microsoft/microsoft-graph-types';
import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';
import { driveItemPath, named, type DriveItemRef } from './DriveItemRef';

/**
 * The sensitivity labels on a file (there may be several, from other tenants):
 * `POST /drives/{d}/items/{i}/extractSensitivityLabels` -> `{ labels: sensitivityLabelAssignment[] }`.
 * Microsoft's own example wraps the result as `{ value: { labels } }`; both forms are read.
 * Not metered. 423 with `fileDoubleKeyEncrypted` and similar codes for files it cannot read.
 * Permission (least privileged): Files.Read.All (delegated and application).
 */
export function extractSensitivityLabelsCall(ref: DriveItemRef, itemName?: string): GraphCall<SensitivityLabelAssignment[]> {
  return {
    method: 'POST',
    url: `${driveItemPath(ref)}/extractSensitivityLabels`,
    idempotent: true,
    action: `read the sensitivity label of ${named(itemName)}`,
    parse: (body) => {
      type Result = { labels?: SensitivityLabelAssignment[] };
      const result = body as (Result & { value?: Result }) | undefined;
      return result?.labels ?? result?.value?.labels ?? [];
    }
  };
}

export function extractSensitivityLabels(
  gateway: GraphGateway,
  ref: DriveItemRef,
  options?: CallOptions & { itemName?: string }
): Promise<SensitivityLabelAssignment[]> {
  return gateway.call(extractSensitivityLabelsCall(ref, options?.itemName), options);
}
