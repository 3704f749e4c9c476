/**
 * The retention event types every Microsoft Purview tenant has from the start (a tenant's
 * `Get-ComplianceRetentionEventType` lists them before anyone creates one). Purview's file plan import accepts them
 * in the EventType column as it accepts the tenant's own.
 */
export const purviewBuiltInEventTypes: readonly string[] = [
  'Employee activity',
  'Expiration or termination of contracts and agreements',
  'Product lifetime'
];

/** Whether `name` is one of Purview's built-in event types (names compare without regard to case, as Purview's do). */
export function isPurviewBuiltInEventType(name: string): boolean {
  const wanted = name.trim().toLowerCase();
  return purviewBuiltInEventTypes.some((builtIn) => builtIn.toLowerCase() === wanted);
}
