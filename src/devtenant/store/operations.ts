import type { Tenant } from '../tenant';
import { getItem, updateItem } from './items';

/** A long-running action (assignSensitivityLabel) tracked by a monitor URL. */
export interface OperationRow {
  id: string;
  kind: 'assignSensitivityLabel';
  target: string;
  payload: string;
  status: 'inProgress' | 'completed' | 'failed';
  due_at: number;
  error: string | null;
}

/** How long an accepted assignSensitivityLabel stays `inProgress` before it applies (wall-clock ms). */
export const operationDelayMs = 300;

export function getOperation(tenant: Tenant, id: string): OperationRow | undefined {
  return tenant.db.prepare('SELECT * FROM operations WHERE id = ?').get(id) as OperationRow | undefined;
}

/** Completes every operation whose time has come; runs before each request, in its own transaction. */
export function settleOperations(tenant: Tenant): void {
  const db = tenant.db;
  const due = db.prepare("SELECT * FROM operations WHERE status = 'inProgress' AND due_at <= ?").all(Date.now()) as OperationRow[];
  if (due.length === 0) return;
  db.transaction(() => {
    for (const op of due) {
      const item = getItem(db, op.target);
      if (!item) {
        db.prepare("UPDATE operations SET status = 'failed', error = ? WHERE id = ?").run('The item no longer exists.', op.id);
        continue;
      }
      const payload = JSON.parse(op.payload) as { sensitivityLabelId: string; assignmentMethod: string };
      updateItem(db, item.id, {
        sens_label: payload.sensitivityLabelId === '' ? null : payload.sensitivityLabelId,
        sens_method: payload.sensitivityLabelId === '' ? null : payload.assignmentMethod,
        version: item.version + 1,
        seq: tenant.nextSeq(),
        modified: tenant.clock.nowIso()
      });
      db.prepare("UPDATE operations SET status = 'completed' WHERE id = ?").run(op.id);
    }
  })();
}
