import type { SensitivityLabel } from '@microsoft/microsoft-graph-types';

/**
 * A sensitivity (classification) label a person may choose. `rank` follows the tenant's label order: a higher
 * rank is more sensitive, so moving to a lower rank (or to none) is a downgrade that needs a reason.
 */
export interface SensitivityOption {
  id: string;
  name: string;
  description?: string;
  rank: number;
}

/**
 * Graph's sensitivity labels as options, sublabels flattened under their parent's name (a parent with sublabels
 * cannot be applied). Rank is `sensitivity`, else `priority` (both grow with sensitivity in the label order).
 *
 * @example a parent "Confidential" with sublabel "Finance" gives one option named "Confidential / Finance".
 */
export function sensitivityOptionsFromGraph(labels: readonly SensitivityLabel[]): SensitivityOption[] {
  const options: SensitivityOption[] = [];
  const visit = (list: readonly SensitivityLabel[], parent?: string): void => {
    for (const label of list) {
      const name = label.displayName || label.name || label.id || '';
      const full = parent ? `${parent} / ${name}` : name;
      const children = (label as { sublabels?: SensitivityLabel[] }).sublabels ?? [];
      if (children.length > 0) visit(children, full);
      else if (label.id && (label as { isAppliable?: boolean }).isAppliable !== false) {
        const l = label as { sensitivity?: number | null; priority?: number | null };
        const rank = l.sensitivity ?? l.priority;
        options.push({
          id: label.id,
          name: full,
          ...(label.description ? { description: label.description } : {}),
          rank: typeof rank === 'number' ? rank : options.length
        });
      }
    }
  };
  visit(labels);
  return options;
}
