/**
 * How many cases a fast-check property tries. `npm test` tries what the test asks for. Under mutation testing
 * (`npm run test:mutation`, which sets CUSTODIAN_MUTATION_SCOPE) every mutant re-runs each property that reaches it,
 * so a property tries a tenth of its cases (at least 10): a mutant the property can see fails within the first few
 * cases, and the rules' scope then fits in a session (docs/testing.md, "Mutation testing").
 *
 * @example fc.assert(fc.property(arbitrary, check), propertyRuns(300))
 */
export function propertyRuns(numRuns: number): { numRuns: number } {
  return { numRuns: underMutationTesting() ? Math.max(10, Math.ceil(numRuns / 10)) : numRuns };
}

/** True inside a Stryker run, whose scope scripts/mutation.ts passes down to every jest worker. */
export function underMutationTesting(): boolean {
  return process.env.CUSTODIAN_MUTATION_SCOPE !== undefined;
}

/**
 * How many times a stress input repeats its piece (10 MB of garbage, say). `npm test` builds what the test asks for;
 * under mutation testing a tenth: the three 10 MB tests took over a second each for every CSV mutant, half the
 * rules' time, while a mutant that throws on garbage throws on 1 MB of it too.
 *
 * @example 'x"y,\r\n'.repeat(stressRepeats(1_400_000))
 */
export function stressRepeats(repeats: number): number {
  return underMutationTesting() ? Math.ceil(repeats / 10) : repeats;
}
