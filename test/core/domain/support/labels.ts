import type { FilePlanLabel, RetentionSettings } from '../../../../src/core/domain/filePlanLabel';
import { retentionTriggers } from '../../../../src/core/domain/retentionTrigger';
import type { Random } from './random';

const nameAlphabet = [...'abcXYZ019', ' ', '-'];
const textAlphabet = [...'ab ,"\'=+-@\n😀שé'];

/** A random label that `filePlanLabelSchema` accepts and the import template can carry whole. */
export function importableLabel(rng: Random, name = `L${rng.string(nameAlphabet, 0, 20).trim()}x`): FilePlanLabel {
  const label: FilePlanLabel = { name, retention: null, descriptors: {} };
  if (rng.bool(0.3)) label.descriptionForAdmins = rng.string(textAlphabet, 1, 30);
  if (rng.bool(0.3)) label.descriptionForUsers = rng.string(textAlphabet, 1, 30);
  if (rng.bool(0.3)) label.descriptors.referenceId = rng.string(textAlphabet, 1, 10);
  if (rng.bool(0.3)) label.descriptors.department = rng.string(textAlphabet, 1, 10);
  if (rng.bool(0.3)) {
    label.descriptors.category = rng.string(textAlphabet, 1, 10);
    if (rng.bool()) label.descriptors.subCategory = rng.string(textAlphabet, 1, 10);
  }
  if (rng.bool(0.3)) label.descriptors.authority = rng.string(textAlphabet, 1, 10);
  if (rng.bool(0.3)) {
    label.descriptors.citation = { name: rng.string(textAlphabet, 1, 10) };
    if (rng.bool()) label.descriptors.citation.url = `https://example.com/${rng.int(1, 99)}`;
    if (rng.bool()) label.descriptors.citation.jurisdiction = rng.string(textAlphabet, 1, 10);
  }
  // Whitespace-only descriptor text is left out by the schema's trim; keep generated values visible.
  for (const key of ['referenceId', 'department', 'category', 'subCategory', 'authority'] as const) {
    const value = label.descriptors[key];
    if (value !== undefined && value.trim() === '') label.descriptors[key] = `x${value}`;
  }
  if (label.descriptors.citation !== undefined && label.descriptors.citation.name.trim() === '') label.descriptors.citation.name = 'c';
  if (label.descriptors.citation?.jurisdiction !== undefined && label.descriptors.citation.jurisdiction.trim() === '') {
    label.descriptors.citation.jurisdiction = 'j';
  }
  if (rng.bool(0.15)) return label;

  const shape = rng.pick(['deleteOnly', 'retainDelete', 'review', 'keep', 'relabel', 'forever', 'record', 'regulatory'] as const);
  const trigger = rng.pick(retentionTriggers);
  const retention: RetentionSettings = {
    behavior: 'retain',
    action: 'none',
    trigger,
    duration: { kind: 'days', days: rng.int(1, 36525) },
    dispositionStages: []
  };
  if (trigger === 'dateOfEvent') retention.eventTypeName = rng.pick(['Employee activity', 'Product lifetime', 'Contract end']);
  switch (shape) {
    case 'deleteOnly':
      retention.behavior = 'doNotRetain';
      retention.action = 'delete';
      break;
    case 'retainDelete':
      retention.action = 'delete';
      break;
    case 'review':
      retention.action = 'startDispositionReview';
      retention.dispositionStages = [{ name: 'Stage 1', reviewers: [`reviewer${rng.int(1, 9)}@contoso.com`, 'records@contoso.com'] }];
      break;
    case 'relabel':
      retention.action = 'relabel';
      retention.labelToBeApplied = 'Archive';
      break;
    case 'forever':
      retention.duration = { kind: 'forever' };
      break;
    case 'record':
      retention.behavior = 'retainAsRecord';
      retention.action = rng.pick(['none', 'delete'] as const);
      if (rng.bool()) retention.defaultRecordBehavior = rng.pick(['startLocked', 'startUnlocked'] as const);
      break;
    case 'regulatory':
      retention.behavior = 'retainAsRegulatoryRecord';
      if (rng.bool()) retention.defaultRecordBehavior = 'startLocked';
      break;
    case 'keep':
      break;
  }
  label.retention = retention;
  return label;
}
