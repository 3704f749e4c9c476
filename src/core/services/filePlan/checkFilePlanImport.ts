import type { FilePlanCsvIssue, SkippedFilePlanCsvRule } from '../../domain/filePlanCsvRules';
import { filePlanCsvToGraphCreateBodies } from '../../domain/filePlanCsvToGraphCreateBodies';
import type { CallOptions } from '../../graph/GraphCall';
import type { GraphGateway } from '../../graph/GraphGateway';
import { readGraphTemplateIds, readTenantFacts } from './importTenantFacts';

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
  /** Descriptor templates (departments, categories, ...) Custodian creates first. */
  templatesToCreate: { kind: string; name: string }[];
  /** True when the whole file can be imported (Purview's import is all or nothing). */
  ok: boolean;
}

/**
 * Checks an import file against every rule and the tenant's labels and event types, creating nothing.
 * Permission: RecordsManagement.Read.All (delegated).
 */
export async function checkFilePlanImport(
  deps: { graph: GraphGateway },
  request: CheckImportRequest,
  options: CallOptions = {}
): Promise<ImportCheck> {
  const ids = await readGraphTemplateIds(deps.graph, options.signal);
  const facts = await readTenantFacts(deps.graph, ids, options.signal);
  const result = filePlanCsvToGraphCreateBodies(request.bytes, facts, ids);
  const validation = result.validation;
  const missing = result.ok ? [] : result.missing;
  return {
    fileName: request.fileName,
    issues: validation.issues,
    skipped: validation.skipped,
    labels: result.ok
      ? result.bodies.map((b) => ({ rowNumber: b.rowNumber, name: String(b.body.displayName), warnings: b.warnings }))
      : validation.ok
        ? validation.labels.map((l) => ({ rowNumber: l.rowNumber, name: l.label.name, warnings: [] }))
        : [],
    templatesToCreate: missing.filter((m) => m.kind !== 'eventType'),
    ok: validation.ok && missing.every((m) => m.kind !== 'eventType')
  };
}
