import type { GraphTemplateKind } from '../../domain/retentionLabelToGraphCreateBody';

/** The file plan descriptor kinds and their collections under `/security/labels`. */
export const descriptorCollections = {
  authority: 'authorities',
  category: 'categories',
  citation: 'citations',
  department: 'departments',
  filePlanReference: 'filePlanReferences'
} as const satisfies Record<Exclude<GraphTemplateKind, 'eventType'>, string>;

export type DescriptorKind = keyof typeof descriptorCollections;

export interface DescriptorTemplate {
  id?: string;
  displayName?: string | null;
}
