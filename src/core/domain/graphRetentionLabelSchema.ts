import { z } from 'zod';

const text = z.string().nullish();
const descriptor = z.object({ displayName: text }).passthrough().nullish();

/**
 * The shape of `microsoft.graph.security.retentionLabel` as Graph returns it (v1.0 and beta), loose on
 * purpose: enumerations stay strings here so that `retentionLabelFromGraph` can say which value it does
 * not know (Graph's enums are evolvable and may return `unknownFutureValue`), `stageNumber` may be a
 * string (as typed) or a number (as in Graph's own example), and unknown properties pass through.
 */
export const graphRetentionLabelSchema = z
  .object({
    id: text,
    displayName: text,
    behaviorDuringRetentionPeriod: text,
    actionAfterRetentionPeriod: text,
    retentionTrigger: text,
    retentionDuration: z.object({ '@odata.type': z.string().optional(), days: z.number().int().nullish() }).passthrough().nullish(),
    defaultRecordBehavior: text,
    labelToBeApplied: text,
    descriptionForAdmins: text,
    descriptionForUsers: text,
    isInUse: z.boolean().nullish(),
    dispositionReviewStages: z
      .array(
        z
          .object({
            id: text,
            name: text,
            stageNumber: z.union([z.string(), z.number()]).nullish(),
            reviewersEmailAddresses: z.array(z.string()).nullish()
          })
          .passthrough()
      )
      .nullish(),
    retentionEventType: z.object({ id: text, displayName: text }).passthrough().nullish(),
    descriptors: z
      .object({
        authority: descriptor,
        category: z.object({ displayName: text, subcategory: descriptor }).passthrough().nullish(),
        // The resource page names it `appliedCategory`; the typings and the examples say `category`.
        appliedCategory: z.object({ displayName: text, subcategory: descriptor }).passthrough().nullish(),
        citation: z.object({ displayName: text, citationUrl: text, citationJurisdiction: text }).passthrough().nullish(),
        department: descriptor,
        filePlanReference: descriptor
      })
      .passthrough()
      .nullish()
  })
  .passthrough();

export type GraphRetentionLabelPayload = z.infer<typeof graphRetentionLabelSchema>;
