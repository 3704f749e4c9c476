import type { ColumnDefinition } from '@microsoft/microsoft-graph-types';
import { getList } from '../../graph/lists/getList';
import { listSensitivityLabels } from '../../graph/sensitivityLabels/listSensitivityLabels';
import { readFilePlan } from '../filePlan/readFilePlan';
import { sensitivityOptionsFromGraph } from '../filePlan/sensitivityOptions';
import { resolveDocument } from '../resolveDocument/resolveDocument';
import type { DeclareDeps } from './DeclareDeps';
import { sensitivityCatalog, type OpenDocumentResult } from './DocumentContext';
import { documentStatus } from './documentStatus';
import type { FieldSpec, FieldValue } from './FieldSpec';
import { fieldSpecFromColumn, fieldValueFromItem } from './fieldSpecFromColumn';
import { findLibraryPlan } from './findLibraryPlan';

export interface OpenDocumentRequest {
  /** The document's URL as the host gives it; undefined when it has never been saved. */
  url: string | undefined;
}

/**
 * Opens a document for declaration: reads the document (`resolveDocument`), then the file plan, the sensitivity
 * labels, the library's columns and its library plan in parallel. A document that is not saved, not found or not
 * shared is a result that says so, not a throw.
 */
export async function openDocument(
  deps: DeclareDeps,
  request: OpenDocumentRequest,
  options: { signal?: AbortSignal } = {}
): Promise<OpenDocumentResult> {
  const { graph } = deps;
  const { signal } = options;
  // Read once, and before the rest only when the document's label came without its settings (resolveDocument).
  let filePlanRead: ReturnType<typeof readFilePlan> | undefined;
  const readFilePlanOnce = (): ReturnType<typeof readFilePlan> => (filePlanRead ??= readFilePlan(graph, { signal, withEventTypes: true }));
  const resolved = await resolveDocument(graph, request.url, {
    signal,
    filePlan: async () => (await readFilePlanOnce()).labels,
    ...(deps.extraHosts ? { extraHosts: deps.extraHosts } : {}),
    ...(deps.settings ? { settings: deps.settings } : {}),
    ...(deps.actor ? { actor: deps.actor } : {})
  });
  if (!resolved.found) {
    const { reason, what, why, whatToDo } = resolved;
    return { ok: false, notOpened: { reason, what, why, whatToDo } };
  }
  const document = resolved.document;
  const recordsSiteUrl = deps.recordsSiteUrl;
  const [filePlan, sensitivityLabels, list, plan] = await Promise.all([
    readFilePlanOnce(),
    // The classification is optional: a tenant without sensitivity labels still declares records.
    listSensitivityLabels(graph, { signal }).catch(() => undefined),
    document.listItem ? getList(graph, document.listItem.list, { signal }) : Promise.resolve(undefined),
    // The library plan adds the columns it requires; a records site that cannot be read leaves the library's own.
    document.listItem && recordsSiteUrl
      ? recordsSiteUrl()
          .then((url) => findLibraryPlan(graph, url, document.listItem!.list, signal ? { signal } : {}))
          .catch(() => undefined)
      : Promise.resolve(undefined)
  ]);
  const labels = filePlan.labels;
  const sensitivityOptions = sensitivityLabels ? sensitivityOptionsFromGraph(sensitivityLabels) : undefined;
  const columns: ColumnDefinition[] = list?.columns ?? [];
  const specs = columns
    .filter((c) => (c.required === true || plan?.requiredColumns.includes(String(c.name))) && c.name !== 'FileLeafRef')
    .map((c) => fieldSpecFromColumn(c))
    .filter((s): s is FieldSpec => s !== undefined)
    // A column the plan requires must be filled in, even where the library itself leaves it optional.
    .map((s) => (plan?.requiredColumns.includes(s.name) ? { ...s, required: true } : s));
  const fields = document.listItem?.fields ?? {};
  const values: Record<string, FieldValue> = {};
  for (const spec of specs) {
    const value = fieldValueFromItem(spec, fields[spec.name]);
    if (value !== undefined) values[spec.name] = value;
  }
  const currentId = document.sensitivityLabels[0]?.sensitivityLabelId ?? undefined;
  return {
    ok: true,
    context: {
      document,
      status: documentStatus(document, labels, sensitivityOptions, list?.displayName ?? undefined),
      labels,
      ...(sensitivityOptions && sensitivityOptions.length > 0
        ? { sensitivity: { options: sensitivityOptions, ...(currentId ? { currentId } : {}) } }
        : {}),
      ...(sensitivityLabels ? { sensitivityCatalog: sensitivityCatalog(sensitivityLabels) } : {}),
      specs,
      values,
      ...(list?.displayName ? { columnsSource: `the ${list.displayName} library` } : {}),
      ...(deps.settings ? { settings: deps.settings } : {}),
      ...(deps.actor ? { actor: deps.actor } : {})
    }
  };
}
