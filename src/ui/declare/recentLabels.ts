// The retention labels this person applied last in the pane, so that they are offered first next time. Kept in the
// browser's localStorage under one key: label names only (the file plan is not secret; no token or content is kept).
// Where storage is unavailable (a locked-down host), nothing is remembered and nothing fails.

const storageKey = 'custodian.recentRetentionLabels';
const kept = 3;

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** The names applied most recently first, at most three. */
export function recentLabelNames(): string[] {
  try {
    const value: unknown = JSON.parse(storage()?.getItem(storageKey) ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').slice(0, kept) : [];
  } catch {
    return [];
  }
}

/** Puts `name` first among the recent labels. */
export function rememberLabelName(name: string): void {
  try {
    storage()?.setItem(storageKey, JSON.stringify([name, ...recentLabelNames().filter((n) => n !== name)].slice(0, kept)));
  } catch {
    // Full or refused storage: the suggestion is a convenience, never a reason to fail a declaration.
  }
}
