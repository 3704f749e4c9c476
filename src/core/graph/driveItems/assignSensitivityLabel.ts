import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';
import { waitForOperation, type OperationStatus, type WaitOptions } from '../waitForOperation';
import { driveItemPath, named, type DriveItemRef } from './DriveItemRef';

export interface SensitivityLabelAssignmentRequest {
  /** The label id; an empty string removes the label (and then needs a justification). */
  sensitivityLabelId: string;
  assignmentMethod?: 'standard' | 'privileged' | 'auto';
  /** Required when downgrading or removing a label. */
  justificationText?: string;
}

/**
 * Starts applying a sensitivity label: `POST /drives/{d}/items/{i}/assignSensitivityLabel` -> 202, empty body,
 * `Location` = the monitor URL (returned). 202 only means accepted; `assignSensitivityLabelAndWait` polls.
 * Metered (US$0.00185 a call, 402 without billing) and limited to 100 calls per 5 minutes per tenant.
 * Permission (least privileged): Files.ReadWrite.All (delegated and application).
 */
export function assignSensitivityLabelCall(
  ref: DriveItemRef,
  request: SensitivityLabelAssignmentRequest,
  itemName?: string
): GraphCall<string> {
  return {
    method: 'POST',
    url: `${driveItemPath(ref)}/assignSensitivityLabel`,
    body: {
      sensitivityLabelId: request.sensitivityLabelId,
      ...(request.assignmentMethod ? { assignmentMethod: request.assignmentMethod } : {}),
      ...(request.justificationText !== undefined ? { justificationText: request.justificationText } : {})
    },
    responseType: 'none',
    action: request.sensitivityLabelId
      ? `apply the sensitivity label to ${named(itemName)}`
      : `remove the sensitivity label from ${named(itemName)}`,
    parse: (_body, answer) => answer.headers.get('location') ?? ''
  };
}

export function assignSensitivityLabel(
  gateway: GraphGateway,
  ref: DriveItemRef,
  request: SensitivityLabelAssignmentRequest,
  options?: CallOptions & { itemName?: string }
): Promise<string> {
  return gateway.call(assignSensitivityLabelCall(ref, request, options?.itemName), options);
}

/** Assigns and waits for the monitor to report the label applied. */
export async function assignSensitivityLabelAndWait(
  gateway: GraphGateway,
  ref: DriveItemRef,
  request: SensitivityLabelAssignmentRequest,
  options: WaitOptions & { itemName?: string } = {}
): Promise<OperationStatus> {
  const monitor = await assignSensitivityLabel(gateway, ref, request, options);
  if (!monitor) return { status: 'completed' };
  return waitForOperation(gateway, monitor, {
    ...options,
    action: options.action ?? assignSensitivityLabelCall(ref, request, options.itemName).action
  });
}
