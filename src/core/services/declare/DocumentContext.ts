import type { SensitivityLabel } from '@microsoft/microsoft-graph-types';
import type { FilePlanLabel } from '../../domain/filePlanLabel';
import type { RecordsTenantSettings } from '../../domain/recordRestrictions';
import type { SensitivityOption } from '../filePlan/sensitivityOptions';
import type { ResolvedDocument } from '../resolveDocument/ResolvedDocument';
import type { FieldSpec, FieldValues } from './FieldSpec';
import type { RecordStatus } from './RecordStatus';

declare const opaque: unique symbol;

/**
 * The tenant's sensitivity labels as Graph gave them when the document was opened (sublabels, ranks, which can be
 * applied): declaring checks a chosen label against them. A surface only hands it back; it never reads it.
 */
export type SensitivityCatalog = { readonly [opaque]: 'SensitivityCatalog' };

export function sensitivityCatalog(labels: readonly SensitivityLabel[]): SensitivityCatalog {
  return labels as unknown as SensitivityCatalog;
}

export function sensitivityLabelsOf(catalog: SensitivityCatalog): readonly SensitivityLabel[] {
  return catalog as unknown as readonly SensitivityLabel[];
}

/** Everything the pane needs to declare one document, read before anything is offered. */
export interface DocumentContext {
  document: ResolvedDocument;
  status: RecordStatus;
  /** The file plan: the labels the person can choose. */
  labels: FilePlanLabel[];
  sensitivity?: { options: SensitivityOption[]; currentId?: string };
  /** The sensitivity labels the options were made from, as the declare service checks a chosen one against them. */
  sensitivityCatalog?: SensitivityCatalog;
  /** The library's required columns. */
  specs: FieldSpec[];
  values: FieldValues;
  /** "the Contracts library". */
  columnsSource?: string;
  settings?: RecordsTenantSettings;
  actor?: { isContainerAdmin: boolean };
}

/** A document the pane cannot work on, said plainly (not saved, not found, no access). */
export interface NotOpened {
  reason: string;
  what: string;
  why: string;
  whatToDo: string;
}

export type OpenDocumentResult = { ok: true; context: DocumentContext } | { ok: false; notOpened: NotOpened };
