import type { ActionAfterRetentionPeriod } from './actionAfterRetentionPeriod';
import { isRecordBehavior, type BehaviorDuringRetentionPeriod } from './behaviorDuringRetentionPeriod';
import {
  csvBooleans,
  csvRetentionActions,
  csvRetentionTypes,
  csvUnlimitedDuration,
  type CsvRetentionAction,
  type CsvRetentionType,
  type FilePlanCsvColumn,
  type FilePlanCsvRow
} from './filePlanCsvColumns';
import { filePlanCsvIssue, type FilePlanCsvIssue, type FilePlanCsvRule } from './filePlanCsvRules';
import type { FilePlanDescriptors, FilePlanLabel } from './filePlanLabel';
import { purviewLimits } from './purviewLimits';
import { quoteForMessage } from './quoteForMessage';
import type { RetentionDuration } from './retentionDuration';
import type { RetentionTrigger } from './retentionTrigger';
import { isSmtpAddress } from './smtpAddress';
import { isPurviewBuiltInEventType } from './purviewBuiltInEventTypes';

/** Facts about the tenant that some rules need. Leave one out and its rules are skipped, not failed. */
export interface FilePlanTenantFacts {
  /** Names of the retention event types that exist (Records management > Events > Manage event types). */
  eventTypes?: readonly string[];
  /** Names of the retention labels that already exist. */
  existingLabels?: readonly string[];
  /** Whether `Set-RegulatoryComplianceUI -Enabled $true` has been run in the tenant. */
  regulatoryRecordsEnabled?: boolean;
}

export interface ValidateFilePlanRowResult {
  issues: FilePlanCsvIssue[];
  /** The label the row describes, when it has no errors. */
  label?: FilePlanLabel;
}

/** The Graph trigger each `RetentionType` stands for. */
export const retentionTriggerByCsvType: Record<CsvRetentionType, RetentionTrigger> = {
  CreationAgeInDays: 'dateCreated',
  EventAgeInDays: 'dateOfEvent',
  TaggedAgeInDays: 'dateLabeled',
  ModificationAgeInDays: 'dateModified'
};

/** The name Custodian gives the single review stage an import row can describe. */
export const importedReviewStageName = 'Stage 1';

const labelNameCharacter = /[A-Za-z0-9 -]/;

/** Splits `ReviewerEmail` at semicolons, ignoring spaces around addresses and empty entries. */
export function splitReviewerEmails(cell: string): string[] {
  return cell
    .split(';')
    .map((address) => address.trim())
    .filter((address) => address !== '');
}

function describeEnumMistake(value: string, allowed: readonly string[]): string {
  const trimmed = value.trim();
  const sameLetters = allowed.find((option) => option.toLowerCase() === trimmed.toLowerCase());
  if (sameLetters !== undefined && trimmed !== value) {
    return `has spaces around ${quoteForMessage(trimmed)}; remove them.`;
  }
  if (sameLetters !== undefined) {
    return `must be written exactly ${sameLetters}, not ${quoteForMessage(value)}.`;
  }
  return `is ${quoteForMessage(value)}, which is not allowed. Use ${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}.`;
}

/**
 * Checks one row of a file plan CSV against every rule that can be decided from the row alone (and
 * the tenant facts given), and turns a row without errors into a `FilePlanLabel`. Rules that need
 * the other rows (unique names, relabel targets and loops) are in `validateFilePlanCsv`.
 *
 * @example validateFilePlanRow({ rowNumber: 2, values: { ...empty, LabelName: 'Tax #1' } }).issues[0].rule
 * // 'labelNameCharacters'
 */
export function validateFilePlanRow(row: FilePlanCsvRow, facts: FilePlanTenantFacts = {}): ValidateFilePlanRowResult {
  const values = row.values;
  const issues: FilePlanCsvIssue[] = [];
  const add = (rule: FilePlanCsvRule, column: FilePlanCsvColumn | null, message: string): void => {
    issues.push(filePlanCsvIssue(rule, row.rowNumber, column, message));
  };
  const filled = (column: FilePlanCsvColumn): boolean => values[column] !== '';

  // LabelName
  const name = values.LabelName;
  if (name.trim() === '') {
    add('labelNameRequired', 'LabelName', 'Every row needs a LabelName.');
  } else {
    if (name.length > purviewLimits.labelNameMaxLength) {
      add(
        'labelNameLength',
        'LabelName',
        `The name is ${name.length} characters long; Purview accepts at most ${purviewLimits.labelNameMaxLength}.`
      );
    }
    const invalid = Array.from(new Set(Array.from(name).filter((char) => !labelNameCharacter.test(char))));
    if (invalid.length > 0) {
      const shown = invalid.slice(0, 8).map(quoteForMessage).join(' ');
      add(
        'labelNameCharacters',
        'LabelName',
        `The name contains ${shown}${invalid.length > 8 ? ' and more' : ''}. The import accepts only letters A-Z and a-z, digits, hyphens and spaces.`
      );
    }
    if (name.trim() !== name) {
      add('labelNameSpaces', 'LabelName', 'The name starts or ends with a space; remove it so the name matches what people type.');
    }
  }

  for (const column of ['Comment', 'Notes'] as const) {
    if (values[column].length > purviewLimits.descriptionMaxLength) {
      add(
        'descriptionLength',
        column,
        `${column} is ${values[column].length} characters long; Purview accepts at most ${purviewLimits.descriptionMaxLength}.`
      );
    }
  }

  // Booleans: blank means "not said" (FALSE by default), which matters for the group rules.
  const readBoolean = (column: 'IsRecordLabel' | 'Regulatory' | 'IsRecordUnlockedAsDefault'): boolean | undefined => {
    const value = values[column];
    if (value === '') return undefined;
    if (value === 'TRUE') return true;
    if (value === 'FALSE') return false;
    const hint = /^(yes|no)$/i.test(value.trim())
      ? `is ${quoteForMessage(value)}; write TRUE or FALSE (Microsoft's sample screenshot shows Yes/No, which the import rejects).`
      : describeEnumMistake(value, csvBooleans);
    add('booleanValue', column, `${column} ${hint}`);
    return undefined;
  };
  const isRecordLabel = readBoolean('IsRecordLabel');
  const regulatory = readBoolean('Regulatory');
  const unlockedByDefault = readBoolean('IsRecordUnlockedAsDefault');

  let action: CsvRetentionAction | undefined;
  if (filled('RetentionAction')) {
    action = csvRetentionActions.find((option) => option === values.RetentionAction);
    if (action === undefined) {
      add('retentionActionValue', 'RetentionAction', `RetentionAction ${describeEnumMistake(values.RetentionAction, csvRetentionActions)}`);
    }
  }
  let retentionType: CsvRetentionType | undefined;
  if (filled('RetentionType')) {
    retentionType = csvRetentionTypes.find((option) => option === values.RetentionType);
    if (retentionType === undefined) {
      add('retentionTypeValue', 'RetentionType', `RetentionType ${describeEnumMistake(values.RetentionType, csvRetentionTypes)}`);
    }
  }
  let duration: RetentionDuration | undefined;
  if (filled('RetentionDuration')) {
    const text = values.RetentionDuration;
    if (text === csvUnlimitedDuration) {
      duration = { kind: 'forever' };
    } else if (/^[0-9]+$/.test(text)) {
      const days = Number(text);
      if (days < 1) {
        add('retentionDurationValue', 'RetentionDuration', 'RetentionDuration must be at least 1 day.');
      } else if (days > purviewLimits.retentionDaysMax) {
        add(
          'retentionDurationMax',
          'RetentionDuration',
          `RetentionDuration is ${text} days; the most Purview accepts is ${purviewLimits.retentionDaysMax} (100 years). Use Unlimited to keep items for longer.`
        );
      } else {
        duration = { kind: 'days', days };
      }
    } else if (text.trim().toLowerCase() === csvUnlimitedDuration.toLowerCase()) {
      add(
        'retentionDurationValue',
        'RetentionDuration',
        `RetentionDuration must be written exactly Unlimited, not ${quoteForMessage(text)}.`
      );
    } else {
      add(
        'retentionDurationValue',
        'RetentionDuration',
        `RetentionDuration is ${quoteForMessage(text)}; write a whole number of days such as 365 (no spaces, separators or units), or Unlimited.`
      );
    }
  }

  // Group dependencies: RetentionAction, RetentionDuration and RetentionType go together.
  const group = ['RetentionAction', 'RetentionDuration', 'RetentionType'] as const;
  const groupFilled = group.filter(filled);
  if (groupFilled.length > 0) {
    for (const column of group.filter((candidate) => !filled(candidate))) {
      add(
        'retentionGroup',
        column,
        `${column} is required because ${groupFilled.join(' and ')} ${groupFilled.length > 1 ? 'are' : 'is'} filled in; RetentionAction, RetentionDuration and RetentionType go together.`
      );
    }
  }
  if (filled('IsRecordLabel') && groupFilled.length === 0) {
    add(
      'recordLabelGroup',
      'IsRecordLabel',
      'When IsRecordLabel is filled in, RetentionAction, RetentionDuration and RetentionType must be filled in too.'
    );
  }
  if (isRecordLabel === true && action === 'Delete') {
    add(
      'recordLabelRetains',
      'RetentionAction',
      'A label that marks items as records must keep them: use Keep or KeepAndDelete, not Delete.'
    );
  }
  if (duration?.kind === 'forever' && (action === 'Delete' || action === 'KeepAndDelete')) {
    add(
      'unlimitedKeepsOnly',
      'RetentionDuration',
      `Items kept for an Unlimited period are never deleted, so RetentionAction must be Keep, not ${action}.`
    );
  }

  // Disposition review
  const reviewers = splitReviewerEmails(values.ReviewerEmail);
  if (filled('ReviewerEmail')) {
    if (groupFilled.length === 0) {
      add(
        'reviewerGroup',
        'ReviewerEmail',
        'A disposition review needs RetentionAction KeepAndDelete, a RetentionDuration and a RetentionType.'
      );
    } else if (action !== undefined && action !== 'KeepAndDelete') {
      add(
        'reviewerGroup',
        'RetentionAction',
        `ReviewerEmail starts a disposition review, which needs RetentionAction KeepAndDelete, not ${action}.`
      );
    }
    const invalid = reviewers.filter((address) => !isSmtpAddress(address));
    if (reviewers.length === 0) {
      add('reviewerEmail', 'ReviewerEmail', 'ReviewerEmail has only semicolons and spaces; give at least one email address.');
    } else if (invalid.length > 0) {
      add(
        'reviewerEmail',
        'ReviewerEmail',
        `${invalid.slice(0, 5).map(quoteForMessage).join(', ')}${invalid.length > 5 ? ' and others' : ''} ${invalid.length > 1 ? 'are not email addresses' : 'is not an email address'}. Separate addresses with semicolons.`
      );
    }
    if (reviewers.length > purviewLimits.reviewersPerStageMax) {
      add(
        'reviewerCount',
        'ReviewerEmail',
        `There are ${reviewers.length} reviewers; a disposition review stage can have at most ${purviewLimits.reviewersPerStageMax}.`
      );
    }
  }

  // Records and regulatory records
  if (regulatory === true && isRecordLabel !== true) {
    add('regulatoryNeedsRecord', 'IsRecordLabel', 'A regulatory record label (Regulatory TRUE) must also have IsRecordLabel TRUE.');
  }
  if (regulatory === true && facts.regulatoryRecordsEnabled === false) {
    add(
      'regulatoryEnabled',
      'Regulatory',
      'Regulatory records are not enabled in this tenant; an admin must first run Set-RegulatoryComplianceUI -Enabled $true.'
    );
  }
  if (unlockedByDefault === true && isRecordLabel !== true) {
    add('unlockedByDefault', 'IsRecordUnlockedAsDefault', 'Only a record label (IsRecordLabel TRUE) can leave items unlocked by default.');
  }
  if (unlockedByDefault === true && regulatory === true) {
    add(
      'unlockedByDefault',
      'IsRecordUnlockedAsDefault',
      'A regulatory record cannot be unlocked, so IsRecordUnlockedAsDefault cannot be TRUE.'
    );
  }

  // Event-based retention
  const eventType = values.EventType;
  if (retentionType === 'EventAgeInDays' && eventType.trim() === '') {
    add('eventTypeRequired', 'EventType', 'RetentionType EventAgeInDays needs the name of an event type in EventType.');
  }
  if (eventType !== '' && retentionType !== 'EventAgeInDays' && !(retentionType === undefined && filled('RetentionType'))) {
    add('eventTypeUnused', 'EventType', 'EventType is only used when RetentionType is EventAgeInDays.');
  }
  if (eventType.trim() !== '' && facts.eventTypes !== undefined) {
    const known =
      isPurviewBuiltInEventType(eventType) ||
      facts.eventTypes.some((candidate) => candidate.toLowerCase() === eventType.trim().toLowerCase());
    if (!known) {
      add(
        'eventTypeExists',
        'EventType',
        `The event type ${quoteForMessage(eventType)} does not exist in the tenant. Create it under Records management > Events > Manage event types before importing.`
      );
    }
  }

  // Relabel at the end of the period
  const nextLabel = values.ComplianceTagForNextStage;
  if (nextLabel !== '') {
    if (regulatory === true) {
      add(
        'relabelNotRegulatory',
        'ComplianceTagForNextStage',
        'A regulatory record label cannot relabel items, so leave ComplianceTagForNextStage empty.'
      );
    }
    if (action !== 'Keep' || duration?.kind === 'forever') {
      add(
        'relabelKeepsOnly',
        'ComplianceTagForNextStage',
        'Relabelling happens when a retention period ends, so it needs RetentionAction Keep and a RetentionDuration in days.'
      );
    }
  }

  // Descriptors
  if (filled('SubCategory') && !filled('Category')) {
    add('subCategoryNeedsCategory', 'Category', 'A SubCategory belongs to a Category; fill in Category too.');
  }
  if ((filled('CitationUrl') || filled('CitationJurisdiction')) && !filled('CitationName')) {
    add('citationNeedsName', 'CitationName', 'A citation URL or jurisdiction needs a CitationName.');
  }
  if (/^\s*[a-z][a-z0-9+.-]*:/i.test(values.CitationUrl) && !/^\s*https?:/i.test(values.CitationUrl)) {
    add('citationUrlScheme', 'CitationUrl', 'CitationUrl should start with https:// or http://; other links are not opened by Custodian.');
  }

  if (issues.some((issue) => issue.severity === 'error')) {
    return { issues };
  }
  return {
    issues,
    label: labelFromValidRow(row, { isRecordLabel, regulatory, unlockedByDefault, action, retentionType, duration, reviewers })
  };
}

function labelFromValidRow(
  row: FilePlanCsvRow,
  parsed: {
    isRecordLabel?: boolean;
    regulatory?: boolean;
    unlockedByDefault?: boolean;
    action?: CsvRetentionAction;
    retentionType?: CsvRetentionType;
    duration?: RetentionDuration;
    reviewers: string[];
  }
): FilePlanLabel {
  const values = row.values;
  const optional = (value: string): string | undefined => (value === '' ? undefined : value);
  const descriptors: FilePlanDescriptors = {};
  if (values.ReferenceId !== '') descriptors.referenceId = values.ReferenceId;
  if (values.DepartmentName !== '') descriptors.department = values.DepartmentName;
  if (values.Category !== '') descriptors.category = values.Category;
  if (values.SubCategory !== '') descriptors.subCategory = values.SubCategory;
  if (values.AuthorityType !== '') descriptors.authority = values.AuthorityType;
  if (values.CitationName !== '') {
    descriptors.citation = { name: values.CitationName };
    if (values.CitationUrl !== '') descriptors.citation.url = values.CitationUrl;
    if (values.CitationJurisdiction !== '') descriptors.citation.jurisdiction = values.CitationJurisdiction;
  }

  const label: FilePlanLabel = { name: values.LabelName, retention: null, descriptors };
  if (values.Comment !== '') label.descriptionForAdmins = values.Comment;
  if (values.Notes !== '') label.descriptionForUsers = values.Notes;
  const { action, retentionType, duration } = parsed;
  if (action === undefined || retentionType === undefined || duration === undefined) {
    return label;
  }

  let behavior: BehaviorDuringRetentionPeriod = 'retain';
  if (action === 'Delete') behavior = 'doNotRetain';
  else if (parsed.regulatory === true) behavior = 'retainAsRegulatoryRecord';
  else if (parsed.isRecordLabel === true) behavior = 'retainAsRecord';

  let endAction: ActionAfterRetentionPeriod = 'none';
  if (action === 'Delete') endAction = 'delete';
  else if (action === 'KeepAndDelete') endAction = parsed.reviewers.length > 0 ? 'startDispositionReview' : 'delete';
  else if (values.ComplianceTagForNextStage !== '') endAction = 'relabel';

  label.retention = {
    behavior,
    action: endAction,
    trigger: retentionTriggerByCsvType[retentionType],
    duration,
    dispositionStages: endAction === 'startDispositionReview' ? [{ name: importedReviewStageName, reviewers: parsed.reviewers }] : []
  };
  if (isRecordBehavior(behavior)) {
    if (values.IsRecordUnlockedAsDefault !== '') {
      label.retention.defaultRecordBehavior = parsed.unlockedByDefault === true ? 'startUnlocked' : 'startLocked';
    }
  }
  const nextLabel = optional(values.ComplianceTagForNextStage);
  if (nextLabel !== undefined) label.retention.labelToBeApplied = nextLabel;
  const eventType = optional(values.EventType);
  if (eventType !== undefined) label.retention.eventTypeName = eventType;
  return label;
}
