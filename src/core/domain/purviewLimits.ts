/**
 * Limits Microsoft Purview documents for retention labels, file plan import and disposition review.
 * Sources: "Use file plan to create and manage retention labels" (import lengths and the 36,525-day
 * ceiling) and "Disposition of content" (5 stages, 10 reviewers per stage, 200 reviewers per tenant).
 */
export const purviewLimits = {
  /** LabelName in the import template. */
  labelNameMaxLength: 64,
  /** Comment (descriptionForAdmins) and Notes (descriptionForUsers) in the import template. */
  descriptionMaxLength: 1024,
  /** 100 years; longer periods must use `Unlimited` (forever). */
  retentionDaysMax: 36525,
  dispositionStagesMax: 5,
  reviewersPerStageMax: 10,
  reviewersPerTenantMax: 200,
  retentionLabelsPerTenantMax: 1000
} as const;
