import { filePlanLabelToCsvRow } from '../../domain/filePlanLabelToCsvRow';
import { writeFilePlanCsv } from '../../domain/writeFilePlanCsv';
import type { CallOptions } from '../../graph/GraphCall';
import type { GraphGateway } from '../../graph/GraphGateway';
import { readFilePlan } from './readFilePlan';

export interface FilePlanCsvExport {
  /** Purview's import CSV, every label in name order. */
  text: string;
  /** What the template cannot hold, and labels left out because Custodian cannot read them, each naming its label. */
  warnings: string[];
}

/** Every label of the file plan written as Purview's import CSV. Permission: RecordsManagement.Read.All (delegated). */
export async function exportFilePlanCsv(deps: { graph: GraphGateway }, options: CallOptions = {}): Promise<FilePlanCsvExport> {
  const { labels, unreadable } = await readFilePlan(deps.graph, { signal: options.signal, withEventTypes: true });
  const warnings = unreadable.map((u) => `${u.name} was left out: ${u.reasons.join(' ')}`);
  const rows = labels
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((label) => {
      const row = filePlanLabelToCsvRow(label);
      warnings.push(...row.warnings.map((w) => `${label.name}: ${w}`));
      return row.values;
    });
  return { text: writeFilePlanCsv(rows), warnings };
}
