import type { FilePlanLabel } from '../../core/domain/filePlanLabel';

export interface LabelCategoryGroup {
  category: string;
  labels: FilePlanLabel[];
}

export interface LabelDepartmentGroup {
  department: string;
  categories: LabelCategoryGroup[];
}

export const noDepartment = 'Other departments';
export const noCategory = 'General';

/** The words a label is found by: its name, its user description and every descriptor. */
function haystack(label: FilePlanLabel): string {
  const d = label.descriptors;
  return [label.name, label.descriptionForUsers, d.department, d.category, d.subCategory, d.referenceId, d.authority, d.citation?.name]
    .filter((part): part is string => typeof part === 'string')
    .join(' ')
    .toLocaleLowerCase();
}

/**
 * The labels that match every word of `query` (in any descriptor), grouped department → category, each level
 * sorted by name. A label without a department or category goes under "Other departments" / "General".
 *
 * @example groupLabels(labels, 'finance tax').map((g) => g.department) // ['Finance']
 */
export function groupLabels(labels: readonly FilePlanLabel[], query: string): LabelDepartmentGroup[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const departments = new Map<string, Map<string, FilePlanLabel[]>>();
  for (const label of labels) {
    const text = haystack(label);
    if (!words.every((word) => text.includes(word))) continue;
    const department = label.descriptors.department ?? noDepartment;
    const category = label.descriptors.category
      ? `${label.descriptors.category}${label.descriptors.subCategory ? ` / ${label.descriptors.subCategory}` : ''}`
      : noCategory;
    const categories = departments.get(department) ?? new Map<string, FilePlanLabel[]>();
    departments.set(department, categories);
    categories.set(category, [...(categories.get(category) ?? []), label]);
  }
  const byName = (a: string, b: string): number => a.localeCompare(b);
  const last = (name: string, fallback: string): number => (name === fallback ? 1 : 0);
  return [...departments.entries()]
    .sort(([a], [b]) => last(a, noDepartment) - last(b, noDepartment) || byName(a, b))
    .map(([department, categories]) => ({
      department,
      categories: [...categories.entries()]
        .sort(([a], [b]) => last(a, noCategory) - last(b, noCategory) || byName(a, b))
        .map(([category, items]) => ({ category, labels: [...items].sort((x, y) => byName(x.name, y.name)) }))
    }));
}
