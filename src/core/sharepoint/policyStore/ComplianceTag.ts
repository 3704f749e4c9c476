/**
 * `SP.CompliancePolicy.ComplianceTag`, as GetAvailableTagsForSite and GetListComplianceTag return it (the
 * fields Custodian reads; the service sends more). `BlockEdit` marks a record label, `SuperLock` a regulatory one.
 */
export interface ComplianceTag {
  TagId: string;
  TagName: string;
  DisplayName?: string;
  BlockDelete: boolean;
  BlockEdit: boolean;
  SuperLock?: boolean;
  UnlockedAsDefault?: boolean;
  IsEventTag?: boolean;
  HasRetentionAction?: boolean;
  /** Days. */
  TagDuration?: number;
  /** `CreationAgeInDays`, `ModificationAgeInDays`, `TaggedAgeInDays`, `EventAgeInDays`. */
  TagRetentionBasedOn?: string | null;
  AutoDelete?: boolean;
  ReviewerEmail?: string | null;
  Notes?: string | null;
}

/** The two spellings of the static service; the underscored one takes its parameters in a JSON body. */
export const policyStoreDotted = '_api/SP.CompliancePolicy.SPPolicyStoreProxy.';
export const policyStoreUnderscored = '_api/SP_CompliancePolicy_SPPolicyStoreProxy_';
