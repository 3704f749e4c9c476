import { z } from 'zod';
import { defineRecordsList } from '../recordsSite/defineRecordsList';

export const libraryPlanSchema = z.object({
  /** `{siteId}/{listId}`: the library, as Graph names it. */
  libraryKey: z.string().min(1),
  siteId: z.string().min(1),
  listId: z.string().min(1),
  driveId: z.string(),
  libraryName: z.string(),
  defaultRetentionLabel: z.string().optional(),
  defaultSensitivityLabelId: z.string().optional(),
  /** Column internal names a person must fill when declaring or filing into the library. */
  requiredColumns: z.array(z.string()),
  updatedAt: z.string()
});

/** A library's plan: its default labels and the metadata it requires. */
export type LibraryPlan = z.infer<typeof libraryPlanSchema>;

/** The library plans, one entry per library, on the records site. */
export const libraryPlansList = defineRecordsList<LibraryPlan>({
  title: 'Custodian Library Plans',
  description: 'Default labels and required metadata per library (written by Custodian; do not edit).',
  key: 'libraryKey',
  columns: {
    libraryKey: { kind: 'text', indexed: true },
    // Indexed: a site's plans are looked up by it (`readLibraries`).
    siteId: { kind: 'text', indexed: true },
    listId: { kind: 'text' },
    driveId: { kind: 'text' },
    libraryName: { kind: 'text' },
    defaultRetentionLabel: { kind: 'text' },
    defaultSensitivityLabelId: { kind: 'text' },
    requiredColumns: { kind: 'json' },
    updatedAt: { kind: 'dateTime' }
  },
  schema: libraryPlanSchema
});

export function libraryKeyOf(library: { siteId: string; listId: string }): string {
  return `${library.siteId}/${library.listId}`;
}
