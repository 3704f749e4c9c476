import { CallsPerWindow } from '../../http/CallsPerWindow';
import { errorFromFailure } from '../../http/errorFromFailure';
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

/**
 * SharePoint's tenant limit "Assign Sensitivity Label: 100 per 5 min, no license bound" ("Avoid getting throttled or
 * blocked in SharePoint Online", the limits table). One counter per gateway (a gateway serves one tenant), kept beside
 * it so that every use case labelling through it shares the count.
 */
export const assignSensitivityLabelLimit = { calls: 100, windowMs: 5 * 60_000 } as const;
const meteredCalls = new WeakMap<GraphGateway, CallsPerWindow>();

function meteredCallsOf(gateway: GraphGateway): CallsPerWindow {
  let limiter = meteredCalls.get(gateway);
  if (!limiter) {
    limiter = new CallsPerWindow(gateway.timing, assignSensitivityLabelLimit.calls, assignSensitivityLabelLimit.windowMs);
    meteredCalls.set(gateway, limiter);
  }
  return limiter;
}

/**
 * Sends the assignment once the tenant's allowance of 100 calls in 5 minutes has room: the 101st call queues until
 * the oldest leaves the window, rather than meeting a 429. A 402 (billing not set up for the metered API) comes back
 * as a `CustodianError` that says so and what an administrator can do.
 */
export async function assignSensitivityLabel(
  gateway: GraphGateway,
  ref: DriveItemRef,
  request: SensitivityLabelAssignmentRequest,
  options?: CallOptions & { itemName?: string }
): Promise<string> {
  const call = assignSensitivityLabelCall(ref, request, options?.itemName);
  await meteredCallsOf(gateway)
    .take(options?.signal)
    .catch((e: unknown) => {
      throw errorFromFailure(e, call.action);
    });
  return gateway.call(call, options);
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
