/**
 * Whether two retention label names are the same label: Purview keeps label names unique regardless of case, and
 * SharePoint hands them back as typed (the policy store, `_ComplianceTag`), so they are compared trimmed and folded.
 */
export function sameLabelName(a: string, b: string): boolean {
  return fold(a) === fold(b);
}

/** A label name as `sameLabelName` compares it, for sets and maps keyed by name. */
export function labelNameKey(name: string): string {
  return fold(name);
}

const fold = (name: string): string => name.trim().toLowerCase();
