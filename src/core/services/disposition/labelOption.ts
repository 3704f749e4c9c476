import { isRecordBehavior } from '../../domain/behaviorDuringRetentionPeriod';
import type { FilePlanLabel } from '../../domain/filePlanLabel';
import type { LabelOption } from './DispositionQueue';

const plainDescriptors = (label: FilePlanLabel): LabelOption['descriptors'] => {
  const d = label.descriptors;
  return {
    ...(d.department ? { department: d.department } : {}),
    ...(d.category ? { category: d.category } : {}),
    ...(d.subCategory ? { subcategory: d.subCategory } : {}),
    ...(d.authority ? { authority: d.authority } : {}),
    ...(d.referenceId ? { referenceId: d.referenceId } : {}),
    ...(d.citation?.name ? { citation: d.citation.name } : {})
  };
};

/** A file plan label as a choice: its end action, whether it declares a record, its event type and descriptors. */
export function labelOption(label: FilePlanLabel): LabelOption {
  const r = label.retention;
  return {
    name: label.name,
    action: r?.action === 'delete' || r?.action === 'startDispositionReview' ? r.action : 'none',
    isRecord: r ? isRecordBehavior(r.behavior) : false,
    ...(r?.behavior === 'retainAsRegulatoryRecord' ? { isRegulatory: true as const } : {}),
    ...(r?.eventTypeName ? { eventTypeName: r.eventTypeName } : {}),
    descriptors: plainDescriptors(label)
  };
}
