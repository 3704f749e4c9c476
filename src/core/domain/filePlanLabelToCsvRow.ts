import { csvUnlimitedDuration, emptyFilePlanCsvValues, type CsvRetentionType, type FilePlanCsvValues } from './filePlanCsvColumns';
import { isRecordBehavior } from './behaviorDuringRetentionPeriod';
import type { FilePlanLabel } from './filePlanLabel';
import type { RetentionTrigger } from './retentionTrigger';
import { importedReviewStageName } from './validateFilePlanRow';

export interface FilePlanLabelToCsvRowResult {
  values: FilePlanCsvValues;
  /** What the import template cannot carry, in words for the person exporting. */
  warnings: string[];
}

const csvTypeByTrigger: Record<RetentionTrigger, CsvRetentionType> = {
  dateCreated: 'CreationAgeInDays',
  dateOfEvent: 'EventAgeInDays',
  dateLabeled: 'TaggedAgeInDays',
  dateModified: 'ModificationAgeInDays'
};

/**
 * Writes a label as a row of Purview's import template. The template cannot hold everything Graph
 * can: only one review stage (its reviewers, not its name), no Graph ids. What is left out is listed
 * in `warnings` rather than dropped silently. `validateFilePlanRow` reads the row back to the same
 * label whenever `warnings` is empty.
 *
 * @example filePlanLabelToCsvRow(label).values.RetentionAction // 'KeepAndDelete'
 */
export function filePlanLabelToCsvRow(label: FilePlanLabel): FilePlanLabelToCsvRowResult {
  const values = emptyFilePlanCsvValues();
  const warnings: string[] = [];
  values.LabelName = label.name;
  values.Comment = label.descriptionForAdmins ?? '';
  values.Notes = label.descriptionForUsers ?? '';
  values.ReferenceId = label.descriptors.referenceId ?? '';
  values.DepartmentName = label.descriptors.department ?? '';
  values.Category = label.descriptors.category ?? '';
  values.SubCategory = label.descriptors.subCategory ?? '';
  values.AuthorityType = label.descriptors.authority ?? '';
  values.CitationName = label.descriptors.citation?.name ?? '';
  values.CitationUrl = label.descriptors.citation?.url ?? '';
  values.CitationJurisdiction = label.descriptors.citation?.jurisdiction ?? '';

  const retention = label.retention;
  if (retention === null) return { values, warnings };

  values.IsRecordLabel = isRecordBehavior(retention.behavior) ? 'TRUE' : 'FALSE';
  values.Regulatory = retention.behavior === 'retainAsRegulatoryRecord' ? 'TRUE' : 'FALSE';
  if (retention.defaultRecordBehavior !== undefined) {
    values.IsRecordUnlockedAsDefault = retention.defaultRecordBehavior === 'startUnlocked' ? 'TRUE' : 'FALSE';
  }
  values.RetentionDuration = retention.duration.kind === 'forever' ? csvUnlimitedDuration : String(retention.duration.days);
  values.RetentionType = csvTypeByTrigger[retention.trigger];
  values.RetentionAction =
    retention.behavior === 'doNotRetain'
      ? 'Delete'
      : retention.action === 'delete' || retention.action === 'startDispositionReview'
        ? 'KeepAndDelete'
        : 'Keep';
  values.EventType = retention.eventTypeName ?? '';
  if (retention.trigger === 'dateOfEvent' && retention.eventTypeName === undefined) {
    warnings.push('The event type of this label is not known by name, so EventType is empty; fill it in before importing.');
  }
  values.ComplianceTagForNextStage = retention.labelToBeApplied ?? '';

  const [first, ...later] = retention.dispositionStages;
  if (first !== undefined) {
    values.ReviewerEmail = first.reviewers.join(';');
    if (first.name !== importedReviewStageName) {
      warnings.push(`The review stage name "${first.name}" cannot be imported; Purview names the stage itself.`);
    }
  }
  if (later.length > 0) {
    warnings.push(
      `Only the first of ${retention.dispositionStages.length} disposition review stages can be imported; add the other ${later.length} in the Purview portal after importing.`
    );
  }
  return { values, warnings };
}
