import type { FilePlanCsvIssue, SkippedFilePlanCsvRule } from '../../domain/filePlanCsvRules';
import { filePlanCsvToGraphCreateBodies } from '../../domain/filePlanCsvToGraphCreateBodies';
import type { CallOptions } from '../../graph/GraphCall';
import type { GraphGateway } from '../../graph/GraphGateway';
import { readGraphTemplateIds, readTenantFacts } from './importTenantFacts';
import { mayCreateLabels, notAllowedToCreate, type NotAllowedToCreate } from './labelCreationRights';

export interface CheckImportRequest {
  fileName: string;
  /** The file as read from disk. */
  bytes: Uint8Array;
}

/** An import file checked against Purview's rules and the tenant, before anything is created. */
export interface ImportCheck {
  fileName: string;
  /** Every error and warning with its spreadsheet row and column. */
  issues: FilePlanCsvIssue[];
  /** Tenant rules that could not run, with why. */
  skipped: SkippedFilePlanCsvRule[];
  /** The labels the file creates, in the order they would be created; empty while it has errors. */
  labels: { rowNumber: number; name: string; warnings: string[] }[];
  /**
   * What Custodian creates before the labels: the event types the tenant lacks (kind `eventType`), then the
   * descriptor templates (departments, categories, ...). Purview's own import refuses a file naming an event type
   * that does not exist; Custodian creates it in the same import.
   */
  templatesToCreate: { kind: string; name: string }[];
  /** True when the whole file can be imported (Purview's import is all or nothing). */
  ok: boolean;
  /**
   * Set when the person's sign-in lacks the permission to create labels, so nothing is offered that would only be
   * refused: who can, and what to do. Absent when they have it, or when the host does not say (then Graph decides).
   */
  notAllowed?: NotAllowedToCreate;
}

/**
 * Checks an import file against every rule and the tenant's labels, and lists the event types and descriptor
 * templates the import would create first; creates nothing. Permission: RecordsManagement.Read.All (delegated).
 */
export async function checkFilePlanImport(
  deps: { graph: GraphGateway },
  request: CheckImportRequest,
  options: CallOptions = {}
): Promise<ImportCheck> {
  const [ids, allowed] = await Promise.all([readGraphTemplateIds(deps.graph, options.signal), mayCreateLabels(deps.graph, options)]);
  const facts = await readTenantFacts(deps.graph, ids, options.signal);
  // Without the tenant's event types the rule that they exist is set aside: an event type the tenant lacks comes
  // back in `missing`, to be created by the import, instead of as an error.
  const result = filePlanCsvToGraphCreateBodies(request.bytes, { ...facts, eventTypes: undefined }, ids);
  const validation = result.validation;
  const missing = result.ok ? [] : result.missing;
  return {
    fileName: request.fileName,
    issues: validation.issues,
    skipped: validation.skipped.filter((s) => s.rule !== 'eventTypeExists'),
    labels: result.ok
      ? result.bodies.map((b) => ({ rowNumber: b.rowNumber, name: String(b.body.displayName), warnings: b.warnings }))
      : validation.ok
        ? validation.labels.map((l) => ({ rowNumber: l.rowNumber, name: l.label.name, warnings: [] }))
        : [],
    templatesToCreate: missing,
    ok: validation.ok,
    ...(allowed === false ? { notAllowed: notAllowedToCreate } : {})
  };
}
