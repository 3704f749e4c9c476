/** "1 item", "3 items". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}

/** The `YYYY-MM-DD` UTC date of an instant, for date inputs. */
export function isoDay(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? '' : new Date(time).toISOString().slice(0, 10);
}

/** Words the decisions and outcomes are shown with. */
export const actionWords: Record<string, string> = {
  approve: 'Approved',
  relabel: 'Relabelled',
  extend: 'Extended',
  addReviewer: 'Added a reviewer',
  createHold: 'Created the hold',
  addToHold: 'Added to the hold',
  releaseHold: 'Released the hold'
};

export const outcomeWords: Record<string, string> = {
  nextStage: 'moved to the next stage',
  disposed: 'disposed of',
  relabelled: 'relabelled',
  extended: 'extended',
  reviewerAdded: 'reviewer added',
  // Hold entries.
  active: 'in force',
  released: 'released'
};

/**
 * A register value in words from `table`; one the table does not know (written by a newer version) is spelled out
 * from its camelCase ("approvedForDisposal" becomes "approved for disposal"), so an internal name never reaches people.
 */
export function inWords(table: Readonly<Record<string, string>>, value: string): string {
  return table[value] ?? value.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}
