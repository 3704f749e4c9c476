import { z } from 'zod';
import { dispositionStatuses } from '../../domain/dispositionReview';
import { defineRecordsList } from '../recordsSite/defineRecordsList';

const iso = z.string().min(1);

/**
 * One row per item in review: where its review stands. Every decision changes this row with `If-Match`, so of
 * two reviewers deciding the same item at once exactly one succeeds (the eTag guard of the design).
 */
export const reviewStatesList = defineRecordsList({
  title: 'Custodian Disposition Reviews',
  description: 'Where each item in disposition review stands. Written by Custodian; do not edit by hand.',
  key: 'itemKey',
  columns: {
    itemKey: { kind: 'text', indexed: true, required: true },
    status: { kind: 'choice', choices: [...dispositionStatuses, 'disposing', 'disposed'] },
    currentStage: { kind: 'number' },
    extendedUntil: { kind: 'text' },
    relabelTo: { kind: 'text' },
    /** Reviewers added during the review, as `[[stage, email], ...]`. */
    addedReviewers: { kind: 'json' },
    /** The last decision: who, what, when (for the other reviewer's conflict message). */
    lastDecision: { kind: 'json' },
    lastSequence: { kind: 'number' }
  },
  schema: z.object({
    itemKey: z.string().min(1),
    status: z.enum([...dispositionStatuses, 'disposing', 'disposed']),
    currentStage: z.number().int().min(1),
    extendedUntil: z.string().optional(),
    relabelTo: z.string().optional(),
    addedReviewers: z.array(z.tuple([z.number().int(), z.string()])),
    lastDecision: z.object({ by: z.string(), action: z.string(), stage: z.number(), at: iso }).optional(),
    lastSequence: z.number().int().optional()
  })
});
export type ReviewStateRow = z.infer<typeof reviewStatesList.schema>;

/**
 * The proof register: one row per entry of the SHA-256 chain (decisions, disposals, holds). The payload is spread
 * over single-line columns (255 characters each); `recordedAt` is text so the instant hashed is the instant stored.
 */
export const registerList = defineRecordsList({
  title: 'Custodian Disposition Register',
  description: 'Proof of disposition: a hash chain over every decision. Written by Custodian; edits show as a broken chain.',
  key: 'hash',
  columns: {
    hash: { kind: 'text', indexed: true, required: true },
    sequence: { kind: 'number', indexed: true },
    recordedAt: { kind: 'text' },
    previousHash: { kind: 'text' },
    kind: { kind: 'text' },
    subject: { kind: 'text' },
    subjectName: { kind: 'text' },
    action: { kind: 'text' },
    stage: { kind: 'number' },
    by: { kind: 'text' },
    justification: { kind: 'text' },
    outcome: { kind: 'text' },
    detail: { kind: 'json' }
  },
  schema: z.object({
    hash: z.string(),
    sequence: z.number().int().min(0),
    recordedAt: z.string(),
    previousHash: z.string(),
    kind: z.enum(['decision', 'hold']),
    subject: z.string(),
    subjectName: z.string(),
    action: z.string(),
    stage: z.number().int().min(0),
    by: z.string(),
    justification: z.string(),
    outcome: z.string(),
    detail: z.record(z.string())
  })
});
export type RegisterRow = z.infer<typeof registerList.schema>;

/** The register's head (latest sequence and hash): the one row every append changes with `If-Match`, so entries never fork. */
export const registerHeadList = defineRecordsList({
  title: 'Custodian Register Head',
  description: 'The latest entry of the disposition register, so entries are appended one after another.',
  key: 'name',
  columns: { name: { kind: 'text', indexed: true, required: true }, sequence: { kind: 'number' }, hash: { kind: 'text' } },
  schema: z.object({ name: z.string(), sequence: z.number().int().min(-1), hash: z.string() })
});

/** Custodian's own holds (litigation, audit, investigation): while active they block approval of disposal. */
export const holdsList = defineRecordsList({
  title: 'Custodian Holds',
  description: 'Holds that block disposal until released.',
  key: 'holdId',
  columns: {
    holdId: { kind: 'text', indexed: true, required: true },
    name: { kind: 'text' },
    reason: { kind: 'text' },
    state: { kind: 'choice', choices: ['active', 'released'] },
    createdBy: { kind: 'text' },
    createdAt: { kind: 'text' },
    releasedBy: { kind: 'text' },
    releasedAt: { kind: 'text' }
  },
  schema: z.object({
    holdId: z.string().min(1),
    name: z.string().min(1),
    reason: z.string(),
    state: z.enum(['active', 'released']),
    createdBy: z.string(),
    createdAt: z.string(),
    releasedBy: z.string().optional(),
    releasedAt: z.string().optional()
  })
});
export type HoldRow = z.infer<typeof holdsList.schema>;

/** What a hold covers: one row per item (`siteId|listId|itemId`) or site (`siteId`). */
export const holdTargetsList = defineRecordsList({
  title: 'Custodian Hold Targets',
  description: 'The items and sites each Custodian hold covers.',
  key: 'targetKey',
  columns: {
    targetKey: { kind: 'text', indexed: true, required: true },
    holdId: { kind: 'text', indexed: true },
    targetKind: { kind: 'choice', choices: ['item', 'site'] },
    target: { kind: 'text', indexed: true },
    addedBy: { kind: 'text' },
    addedAt: { kind: 'text' }
  },
  schema: z.object({
    targetKey: z.string(),
    holdId: z.string(),
    targetKind: z.enum(['item', 'site']),
    target: z.string(),
    addedBy: z.string(),
    addedAt: z.string()
  })
});
export type HoldTargetRow = z.infer<typeof holdTargetsList.schema>;
