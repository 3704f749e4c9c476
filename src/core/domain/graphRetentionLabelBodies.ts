import type { SecurityNamespace } from '@microsoft/microsoft-graph-types';

// @microsoft/microsoft-graph-types 2.43 exports the security types as `SecurityNamespace` and types
// `retentionDuration` as an empty interface without `@odata.type`, and has no `@odata.bind` keys.
// Graph needs both in request bodies, so these narrow types add exactly those.

export type GraphRetentionDuration =
  | { '@odata.type': '#microsoft.graph.security.retentionDurationInDays'; days: number }
  | { '@odata.type': '#microsoft.graph.security.retentionDurationForever' };

export type GraphDispositionReviewStageBody = Required<
  Pick<SecurityNamespace.DispositionReviewStage, 'stageNumber' | 'name' | 'reviewersEmailAddresses'>
>;

export interface GraphFilePlanDescriptorBinds {
  'authorityTemplate@odata.bind'?: string;
  'categoryTemplate@odata.bind'?: string;
  'citationTemplate@odata.bind'?: string;
  'departmentTemplate@odata.bind'?: string;
  'filePlanReferenceTemplate@odata.bind'?: string;
}

/** The body of `POST /security/labels/retentionLabels`. */
export interface RetentionLabelCreateBody extends Pick<
  SecurityNamespace.RetentionLabel,
  | 'displayName'
  | 'behaviorDuringRetentionPeriod'
  | 'actionAfterRetentionPeriod'
  | 'retentionTrigger'
  | 'defaultRecordBehavior'
  | 'descriptionForAdmins'
  | 'descriptionForUsers'
  | 'labelToBeApplied'
> {
  '@odata.type': '#microsoft.graph.security.retentionLabel';
  retentionDuration?: GraphRetentionDuration;
  dispositionReviewStages?: GraphDispositionReviewStageBody[];
  'retentionEventType@odata.bind'?: string;
  descriptors?: GraphFilePlanDescriptorBinds;
}

/** The body of `PATCH /security/labels/retentionLabels/{id}`: only the properties Graph documents as updatable. */
export interface RetentionLabelUpdateBody extends Pick<
  SecurityNamespace.RetentionLabel,
  'descriptionForAdmins' | 'descriptionForUsers' | 'defaultRecordBehavior' | 'labelToBeApplied'
> {
  retentionDuration?: GraphRetentionDuration;
  dispositionReviewStages?: GraphDispositionReviewStageBody[];
}
