import type { FieldValue } from './FieldSpec';

/** What the person asked for, checked and typed: what declaring a document and filing an email take. */
export interface DeclareRequest {
  retentionLabel: string;
  /** The new sensitivity label's id, '' to remove it, undefined to leave it as it is. */
  sensitivityLabelId?: string;
  /** Why the classification is lowered or removed. */
  justification?: string;
  fields: Record<string, FieldValue>;
  lock: boolean;
}
