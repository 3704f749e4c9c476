import crypto from 'node:crypto';
import { errors } from '../errors';
import { type Ctx, json, jsonBody, type Reply } from '../http/context';
import type { Route } from '../http/router';
import { getEntity } from '../store/entities';
import { getOperation, operationDelayMs } from '../store/operations';
import { tenantId } from '../auth/personas';
import { loadDriveItem } from './common';

const assignmentMethods = ['standard', 'privileged', 'auto'] as const;

/**
 * `POST .../assignSensitivityLabel` (https://learn.microsoft.com/graph/api/driveitem-assignsensitivitylabel):
 * 202 with an empty body and a `Location` monitor; the label is applied when the operation completes.
 * Removing a label (`""`) or lowering its sensitivity needs `justificationText`.
 */
function assign(ctx: Ctx, p: Record<string, string>): Reply {
  // Metered (`--metered`): billing and the tenant's calls-per-five-minutes come before anything else is looked at.
  const refused = ctx.tenant.faults.meteredCall(ctx.tenant.clock.nowMs());
  if (refused) throw refused;
  const { item } = loadDriveItem(ctx, p.driveId, p.itemId);
  if (item.is_folder) throw errors.badRequest('Sensitivity labels can only be assigned to files.', 'notSupported');
  const body = jsonBody(ctx);
  const labelId = body.sensitivityLabelId;
  if (typeof labelId !== 'string')
    throw errors.badRequest("The property 'sensitivityLabelId' is required (an empty string removes the label).");
  const method = body.assignmentMethod ?? 'standard';
  if (typeof method !== 'string' || !(assignmentMethods as readonly string[]).includes(method))
    throw errors.badRequest(`assignmentMethod must be one of ${assignmentMethods.join(', ')}.`);
  const justification = typeof body.justificationText === 'string' ? body.justificationText.trim() : '';
  const current = item.sens_label ? getEntity(ctx.tenant.db, 'sensitivityLabel', item.sens_label) : undefined;
  if (labelId !== '') {
    const label = getEntity(ctx.tenant.db, 'sensitivityLabel', labelId);
    if (!label) throw errors.badRequest(`The sensitivity label '${labelId}' does not exist in this tenant.`, 'labelNotFound');
    if (!label.isAppliable)
      throw errors.badRequest(
        `The label '${String(label.name)}' has sublabels and cannot be applied itself; choose a sublabel.`,
        'labelNotAppliable'
      );
    if (current && (label.sensitivity as number) < (current.sensitivity as number) && !justification)
      throw errors.badRequest('Lowering the sensitivity of a label requires justificationText.', 'justificationRequired');
  } else if (current && !justification) {
    throw errors.badRequest('Removing a sensitivity label requires justificationText.', 'justificationRequired');
  }
  const id = crypto.randomUUID();
  ctx.tenant.db
    .prepare(
      "INSERT INTO operations (id, kind, target, payload, status, due_at, error) VALUES (?, 'assignSensitivityLabel', ?, ?, 'inProgress', ?, NULL)"
    )
    .run(id, item.id, JSON.stringify({ sensitivityLabelId: labelId, assignmentMethod: method }), Date.now() + operationDelayMs);
  return { status: 202, headers: { Location: `${ctx.origin}/devtenant/monitor/${id}` } };
}

/** `POST .../extractSensitivityLabels`: the labels stamped on the file (`extractSensitivityLabelsResult`). */
function extract(ctx: Ctx, p: Record<string, string>): Reply {
  const { item } = loadDriveItem(ctx, p.driveId, p.itemId);
  const labels = item.sens_label
    ? [{ sensitivityLabelId: item.sens_label, assignmentMethod: item.sens_method ?? 'standard', tenantId }]
    : [];
  return json({ '@odata.type': '#microsoft.graph.extractSensitivityLabelsResult', labels });
}

/** The monitor URL: 202 while in progress, then 200 with `completed` or `failed` (asyncJobStatus-like). */
function monitor(ctx: Ctx, p: Record<string, string>): Reply {
  const op = getOperation(ctx.tenant, p.operationId);
  if (!op) throw errors.notFound('The operation was not found.');
  const body = {
    operation: op.kind,
    percentageComplete: op.status === 'inProgress' ? 50 : 100,
    status: op.status,
    resourceId: op.target,
    ...(op.error ? { error: { code: 'generalException', message: op.error } } : {})
  };
  return json(body, op.status === 'inProgress' ? 202 : 200);
}

const writeScopes = ['Files.ReadWrite.All', 'Sites.ReadWrite.All'] as const;
const readScopes = ['Files.Read.All', 'Files.ReadWrite.All', 'Sites.Read.All', 'Sites.ReadWrite.All'] as const;

export const sensitivityAssignmentRoutes: readonly Route[] = [
  { pattern: 'drives/{driveId}/items/{itemId}/assignSensitivityLabel', ops: { POST: { scopes: writeScopes, run: assign } } },
  { pattern: 'drives/{driveId}/items/{itemId}/extractSensitivityLabels', ops: { POST: { scopes: readScopes, run: extract } } }
];

export const monitorRoutes: readonly Route[] = [{ pattern: 'monitor/{operationId}', ops: { GET: { scopes: 'none', run: monitor } } }];
