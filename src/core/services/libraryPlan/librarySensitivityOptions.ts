import type { SensitivityLabel } from '@microsoft/microsoft-graph-types';
import { sensitivityOptionsFromGraph, type SensitivityOption } from '../filePlan/sensitivityOptions';

/** A sensitivity label a library can default to, as the library plan names it. */
export type LibrarySensitivityOption = Pick<SensitivityOption, 'id' | 'name'>;

/** Sensitivity labels that can be a library's default, sublabels named under their parent. */
export function librarySensitivityOptions(labels: readonly SensitivityLabel[]): LibrarySensitivityOption[] {
  return sensitivityOptionsFromGraph(labels).map(({ id, name }) => ({ id, name }));
}
