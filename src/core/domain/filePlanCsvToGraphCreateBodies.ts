import type { RetentionLabelCreateBody } from './graphRetentionLabelBodies';
import { retentionLabelToGraphCreateBody, type GraphTemplateIds, type GraphTemplateKind } from './retentionLabelToGraphCreateBody';
import { validateFilePlanCsv, type ValidateFilePlanCsvResult } from './validateFilePlanCsv';
import type { FilePlanTenantFacts } from './validateFilePlanRow';

export type FilePlanCsvToGraphCreateBodiesResult =
  | {
      ok: true;
      /** One body per label row, in file order, to POST to /security/labels/retentionLabels. */
      bodies: Array<{ rowNumber: number; body: RetentionLabelCreateBody; warnings: string[] }>;
      validation: ValidateFilePlanCsvResult;
    }
  | {
      ok: false;
      validation: ValidateFilePlanCsvResult;
      /** Event types, then descriptor templates, to create before the labels, by kind and name. */
      missing: Array<{ kind: GraphTemplateKind; name: string }>;
    };

/**
 * Turns a file plan import file into Graph create requests, only when the whole file is valid (as
 * Purview's import is all or nothing). Labels that relabel to labels in the same file come after
 * them, so the requests can be sent in order.
 *
 * @example filePlanCsvToGraphCreateBodies(text, { eventTypes: ['Contract end'] }, { eventTypes: { 'Contract end': 'e095…' } })
 */
export function filePlanCsvToGraphCreateBodies(
  input: string | Uint8Array,
  facts: FilePlanTenantFacts = {},
  ids: GraphTemplateIds = {}
): FilePlanCsvToGraphCreateBodiesResult {
  const validation = validateFilePlanCsv(input, facts);
  if (!validation.ok) return { ok: false, validation, missing: [] };
  const bodies: Array<{ rowNumber: number; body: RetentionLabelCreateBody; warnings: string[] }> = [];
  const missing: Array<{ kind: GraphTemplateKind; name: string }> = [];
  for (const { rowNumber, label } of validation.labels) {
    const built = retentionLabelToGraphCreateBody(label, ids);
    if (built.ok) {
      bodies.push({ rowNumber, body: built.body, warnings: built.warnings });
    } else {
      for (const need of built.missing) {
        if (!missing.some((known) => known.kind === need.kind && known.name.toLowerCase() === need.name.toLowerCase())) missing.push(need);
      }
    }
  }
  // Event types first: Custodian creates them before the descriptor templates, in the order listed.
  if (missing.length > 0)
    return { ok: false, validation, missing: [...missing].sort((a, b) => Number(b.kind === 'eventType') - Number(a.kind === 'eventType')) };

  // A relabel target in the file is created before the label that points at it.
  const byName = new Map(bodies.map((entry) => [String(entry.body.displayName).toLowerCase(), entry]));
  const ordered: typeof bodies = [];
  const placed = new Set<string>();
  const place = (entry: (typeof bodies)[number], path: Set<string>): void => {
    const key = String(entry.body.displayName).toLowerCase();
    if (placed.has(key) || path.has(key)) return;
    path.add(key);
    const target = entry.body.labelToBeApplied?.toLowerCase();
    const dependency = target === undefined ? undefined : byName.get(target);
    if (dependency !== undefined) place(dependency, path);
    placed.add(key);
    ordered.push(entry);
  };
  bodies.forEach((entry) => place(entry, new Set()));
  return { ok: true, bodies: ordered, validation };
}
