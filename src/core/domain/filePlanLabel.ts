import { z } from 'zod';
import { actionAfterRetentionPeriodSchema, type ActionAfterRetentionPeriod } from './actionAfterRetentionPeriod';
import { behaviorDuringRetentionPeriodSchema, isRecordBehavior, type BehaviorDuringRetentionPeriod } from './behaviorDuringRetentionPeriod';
import { defaultRecordBehaviorSchema, type DefaultRecordBehavior } from './defaultRecordBehavior';
import { purviewLimits } from './purviewLimits';
import { retentionDurationSchema, type RetentionDuration } from './retentionDuration';
import { retentionTriggerSchema, type RetentionTrigger } from './retentionTrigger';
import { smtpAddressSchema } from './smtpAddress';

/** File plan descriptors: optional metadata Purview shows beside a label. All are plain names. */
export interface FilePlanDescriptors {
  referenceId?: string;
  department?: string;
  category?: string;
  subCategory?: string;
  authority?: string;
  citation?: { name: string; url?: string; jurisdiction?: string };
}

/** One disposition review stage; its position in the list is its stage number (1-based in Purview). */
export interface DispositionStageDefinition {
  name: string;
  reviewers: string[];
}

/** The retention part of a label. A label without it only classifies (Purview's "Retention duration: None"). */
export interface RetentionSettings {
  behavior: BehaviorDuringRetentionPeriod;
  action: ActionAfterRetentionPeriod;
  trigger: RetentionTrigger;
  duration: RetentionDuration;
  /** Only for record behaviours; absent means Purview's default, `startLocked`. */
  defaultRecordBehavior?: DefaultRecordBehavior;
  /** The "relabel to" label applied when the period ends; present exactly when `action` is `relabel`. */
  labelToBeApplied?: string;
  /** Required when `trigger` is `dateOfEvent`. */
  eventTypeName?: string;
  /** Graph id of the event type, when known (Graph binds by id). */
  eventTypeId?: string;
  dispositionStages: DispositionStageDefinition[];
}

/**
 * A retention label as Custodian works with it: the one model behind the file plan editor, the
 * Purview import CSV and Graph's `microsoft.graph.security.retentionLabel`.
 */
export interface FilePlanLabel {
  /** Graph id, absent for labels not created yet. */
  id?: string;
  name: string;
  /** CSV `Comment`: shown to admins only. */
  descriptionForAdmins?: string;
  /** CSV `Notes`: shown to users when they hover over the label. */
  descriptionForUsers?: string;
  retention: RetentionSettings | null;
  descriptors: FilePlanDescriptors;
}

const optionalText = z.string().trim().min(1).optional();

export const filePlanDescriptorsSchema = z
  .object({
    referenceId: optionalText,
    department: optionalText,
    category: optionalText,
    subCategory: optionalText,
    authority: optionalText,
    citation: z
      .object({ name: z.string().trim().min(1), url: optionalText, jurisdiction: optionalText })
      .strict()
      .optional()
  })
  .strict()
  .superRefine((descriptors, context) => {
    if (descriptors.subCategory !== undefined && descriptors.category === undefined) {
      context.addIssue({ code: z.ZodIssueCode.custom, path: ['subCategory'], message: 'A sub-category needs a category.' });
    }
  });

export const dispositionStageDefinitionSchema = z
  .object({
    name: z.string().trim().min(1, 'Give the stage a name.'),
    reviewers: z
      .array(smtpAddressSchema)
      .min(1, 'Each stage needs at least one reviewer.')
      .max(purviewLimits.reviewersPerStageMax, `A stage can have at most ${purviewLimits.reviewersPerStageMax} reviewers.`)
  })
  .strict();

export const retentionSettingsSchema = z
  .object({
    behavior: behaviorDuringRetentionPeriodSchema,
    action: actionAfterRetentionPeriodSchema,
    trigger: retentionTriggerSchema,
    duration: retentionDurationSchema,
    defaultRecordBehavior: defaultRecordBehaviorSchema.optional(),
    labelToBeApplied: optionalText,
    eventTypeName: optionalText,
    eventTypeId: optionalText,
    dispositionStages: z
      .array(dispositionStageDefinitionSchema)
      .max(purviewLimits.dispositionStagesMax, `A label can have at most ${purviewLimits.dispositionStagesMax} review stages.`)
  })
  .strict()
  .superRefine((settings, context) => {
    const fail = (path: string, message: string): void => {
      context.addIssue({ code: z.ZodIssueCode.custom, path: [path], message });
    };
    if (settings.action === 'startDispositionReview' && settings.dispositionStages.length === 0) {
      fail('dispositionStages', 'A label that starts a disposition review needs at least one review stage.');
    }
    if (settings.action !== 'startDispositionReview' && settings.dispositionStages.length > 0) {
      fail('dispositionStages', 'Review stages only apply when the label starts a disposition review.');
    }
    if (settings.action === 'relabel' && settings.labelToBeApplied === undefined) {
      fail('labelToBeApplied', 'Choose the label to apply when the retention period ends.');
    }
    if (settings.labelToBeApplied !== undefined && settings.action !== 'relabel') {
      fail('labelToBeApplied', 'Relabelling is an end-of-period action of its own; it cannot be combined with deleting or a review.');
    }
    if (settings.behavior === 'retainAsRegulatoryRecord' && settings.labelToBeApplied !== undefined) {
      fail('labelToBeApplied', 'A regulatory record label cannot relabel at the end of its period.');
    }
    if (settings.defaultRecordBehavior !== undefined && !isRecordBehavior(settings.behavior)) {
      fail('defaultRecordBehavior', 'Only a label that marks items as records can start them locked or unlocked.');
    }
    if (settings.behavior === 'retainAsRegulatoryRecord' && settings.defaultRecordBehavior === 'startUnlocked') {
      fail('defaultRecordBehavior', 'A regulatory record cannot start unlocked.');
    }
    if (settings.trigger === 'dateOfEvent' && settings.eventTypeName === undefined && settings.eventTypeId === undefined) {
      fail('eventTypeName', 'An event-based label needs an event type.');
    }
    if (settings.trigger !== 'dateOfEvent' && (settings.eventTypeName !== undefined || settings.eventTypeId !== undefined)) {
      fail('eventTypeName', 'Only a label whose period starts at an event has an event type.');
    }
    if (settings.duration.kind === 'forever' && settings.action !== 'none') {
      fail('action', 'A label that retains forever has no end-of-period action.');
    }
    if (settings.behavior === 'doNotRetain' && settings.action !== 'delete') {
      fail('action', 'A label that does not retain can only delete at the end of its period.');
    }
  });

/** Validates a label typed by a person (file plan editor) or read from Custodian's own storage. */
export const filePlanLabelSchema = z
  .object({
    id: optionalText,
    name: z
      .string()
      .trim()
      .min(1, 'Give the label a name.')
      .max(purviewLimits.labelNameMaxLength, `A label name can be at most ${purviewLimits.labelNameMaxLength} characters.`),
    descriptionForAdmins: z.string().max(purviewLimits.descriptionMaxLength).optional(),
    descriptionForUsers: z.string().max(purviewLimits.descriptionMaxLength).optional(),
    retention: retentionSettingsSchema.nullable(),
    descriptors: filePlanDescriptorsSchema
  })
  .strict();
