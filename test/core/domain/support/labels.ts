import fc from 'fast-check';
import type { FilePlanLabel, RetentionSettings } from '../../../../src/core/domain/filePlanLabel';
import { retentionTriggers } from '../../../../src/core/domain/retentionTrigger';
import { sometimes, textOf } from './arbitraries';

const nameCharacters = [...'abcXYZ019', ' ', '-'];
const textCharacters = [...'ab ,"\'=+-@\n😀שé'];
const text = (minLength: number, maxLength: number): fc.Arbitrary<string> => textOf(textCharacters, minLength, maxLength);

// Whitespace-only descriptor text is left out by the schema's trim; keep generated values visible.
const visible = (value: string): string => (value.trim() === '' ? `x${value}` : value);

const descriptors: fc.Arbitrary<FilePlanLabel['descriptors']> = fc
  .record({
    referenceId: sometimes(text(1, 10)),
    department: sometimes(text(1, 10)),
    category: sometimes(fc.record({ name: text(1, 10), subCategory: sometimes(text(1, 10), 50) })),
    authority: sometimes(text(1, 10)),
    citation: sometimes(
      fc.record({
        name: text(1, 10),
        url: sometimes(
          fc.integer({ min: 1, max: 99 }).map((page) => `https://example.com/${page}`),
          50
        ),
        jurisdiction: sometimes(text(1, 10), 50)
      })
    )
  })
  .map(({ referenceId, department, category, authority, citation }) => {
    const result: FilePlanLabel['descriptors'] = {};
    if (referenceId !== undefined) result.referenceId = visible(referenceId);
    if (department !== undefined) result.department = visible(department);
    if (category !== undefined) {
      result.category = visible(category.name);
      if (category.subCategory !== undefined) result.subCategory = visible(category.subCategory);
    }
    if (authority !== undefined) result.authority = visible(authority);
    if (citation !== undefined) {
      result.citation = { name: citation.name.trim() === '' ? 'c' : citation.name };
      if (citation.url !== undefined) result.citation.url = citation.url;
      if (citation.jurisdiction !== undefined)
        result.citation.jurisdiction = citation.jurisdiction.trim() === '' ? 'j' : citation.jurisdiction;
    }
    return result;
  });

const retention: fc.Arbitrary<RetentionSettings> = fc
  .record({
    shape: fc.constantFrom('deleteOnly', 'retainDelete', 'review', 'keep', 'relabel', 'forever', 'record', 'regulatory'),
    trigger: fc.constantFrom(...retentionTriggers),
    days: fc.integer({ min: 1, max: 36525 }),
    eventTypeName: fc.constantFrom('Employee activity', 'Product lifetime', 'Contract end'),
    reviewer: fc.integer({ min: 1, max: 9 }),
    recordAction: fc.constantFrom('none' as const, 'delete' as const),
    recordDefault: fc.constantFrom(undefined, 'startLocked' as const, 'startUnlocked' as const),
    regulatoryLocked: fc.boolean()
  })
  .map(({ shape, trigger, days, eventTypeName, reviewer, recordAction, recordDefault, regulatoryLocked }) => {
    const settings: RetentionSettings = {
      behavior: 'retain',
      action: 'none',
      trigger,
      duration: { kind: 'days', days },
      dispositionStages: []
    };
    if (trigger === 'dateOfEvent') settings.eventTypeName = eventTypeName;
    switch (shape) {
      case 'deleteOnly':
        settings.behavior = 'doNotRetain';
        settings.action = 'delete';
        break;
      case 'retainDelete':
        settings.action = 'delete';
        break;
      case 'review':
        settings.action = 'startDispositionReview';
        settings.dispositionStages = [{ name: 'Stage 1', reviewers: [`reviewer${reviewer}@contoso.com`, 'records@contoso.com'] }];
        break;
      case 'relabel':
        settings.action = 'relabel';
        settings.labelToBeApplied = 'Archive';
        break;
      case 'forever':
        settings.duration = { kind: 'forever' };
        break;
      case 'record':
        settings.behavior = 'retainAsRecord';
        settings.action = recordAction;
        if (recordDefault !== undefined) settings.defaultRecordBehavior = recordDefault;
        break;
      case 'regulatory':
        settings.behavior = 'retainAsRegulatoryRecord';
        if (regulatoryLocked) settings.defaultRecordBehavior = 'startLocked';
        break;
      case 'keep':
        break;
    }
    return settings;
  });

/** A label that `filePlanLabelSchema` accepts and the import template can carry whole. */
export const importableLabel: fc.Arbitrary<FilePlanLabel> = fc
  .record({
    name: textOf(nameCharacters, 0, 20).map((middle) => `L${middle.trim()}x`),
    descriptionForAdmins: sometimes(text(1, 30)),
    descriptionForUsers: sometimes(text(1, 30)),
    descriptors,
    retention: fc.oneof({ arbitrary: fc.constant(null), weight: 15 }, { arbitrary: retention, weight: 85 })
  })
  .map(({ name, descriptionForAdmins, descriptionForUsers, descriptors: described, retention: settings }) => {
    const label: FilePlanLabel = { name, retention: settings, descriptors: described };
    if (descriptionForAdmins !== undefined) label.descriptionForAdmins = descriptionForAdmins;
    if (descriptionForUsers !== undefined) label.descriptionForUsers = descriptionForUsers;
    return label;
  });
