import { z } from 'zod';
import { smtpAddressSchema } from './smtpAddress';

/** Where an item's review stands. `approvedForDisposal` and `relabelled` are final. */
export const dispositionStatuses = ['pendingReview', 'extended', 'relabelled', 'approvedForDisposal'] as const;
export type DispositionStatus = (typeof dispositionStatuses)[number];

/** What a reviewer can do to an item in review, as in Purview's disposition page. */
export const dispositionActionKinds = ['approve', 'relabel', 'extend', 'addReviewer'] as const;
export type DispositionActionKind = (typeof dispositionActionKinds)[number];

/** Why a disposition step was refused. */
export const dispositionRefusalCodes = [
  'invalidInput',
  'justificationRequired',
  'retentionNotEnded',
  'noReviewAtEnd',
  'invalidStages',
  'reviewFinished',
  'reviewExtended',
  'notAReviewer',
  'onHold',
  'unknownLabel',
  'extendNotLater',
  'alreadyReviewer',
  'tooManyReviewers'
] as const;
export type DispositionRefusalCode = (typeof dispositionRefusalCodes)[number];

export interface DispositionStageState {
  name: string;
  reviewers: string[];
}

/** One decision in the review's history, as the proof register records it. */
export interface DispositionDecision {
  action: DispositionActionKind;
  /** 1-based stage the decision was made in. */
  stage: number;
  by: string;
  at: string;
  justification: string;
  labelName?: string;
  until?: string;
  reviewer?: string;
}

export interface DispositionReview {
  itemId: string;
  labelName: string;
  /** When retention ended and the review could start (UTC, ISO 8601). */
  retentionEndedAt: string;
  stages: DispositionStageState[];
  /** 1-based. */
  currentStage: number;
  status: DispositionStatus;
  extendedUntil?: string;
  relabelTo?: string;
  history: DispositionDecision[];
}

const justificationMissing = 'Give a justification; it is kept with the decision as proof.';
const justification = z
  .string({ required_error: justificationMissing, invalid_type_error: justificationMissing })
  .refine((value) => value.trim() !== '', { message: justificationMissing });
const actor = smtpAddressSchema;

/** A reviewer's decision as it arrives from the UI. */
export const dispositionActionSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('approve'), by: actor, justification }).strict(),
    z
      .object({ kind: z.literal('relabel'), by: actor, justification, labelName: z.string().trim().min(1, 'Choose the new label.') })
      .strict(),
    z.object({ kind: z.literal('extend'), by: actor, justification, until: z.string().min(1, 'Choose the date to extend to.') }).strict(),
    z.object({ kind: z.literal('addReviewer'), by: actor, justification, reviewer: smtpAddressSchema }).strict()
  ],
  // The union's own refusal (a decision of no known kind) in words; the fields' refusals keep their own messages.
  { errorMap: () => ({ message: 'Choose a decision: approve, relabel, extend or add a reviewer.' }) }
);
export type DispositionAction = z.infer<typeof dispositionActionSchema>;

/** What a step led to: `dispose` is given by the last stage's approval only. */
export const dispositionOutcomes = ['started', 'nextStage', 'dispose', 'relabel', 'extended', 'reviewerAdded'] as const;
export type DispositionOutcome = (typeof dispositionOutcomes)[number];

export type DispositionStepResult =
  { ok: true; review: DispositionReview; outcome: DispositionOutcome } | { ok: false; code: DispositionRefusalCode; reason: string };
