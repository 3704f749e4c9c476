/** Demo mode only: the dev tenant's clock, moved forward so retention ends while a person watches. */
export interface DemoControls {
  /** "Priya Raman (records manager)". */
  persona: string;
  /** The tenant's current time (UTC ISO 8601). */
  now(): Promise<string>;
  /** Moves the tenant's clock forward and gives the new time (UTC ISO 8601). */
  advanceClock(days: number): Promise<string>;
}
