import { extractSensitivityLabelsCall } from '../../../src/core/graph/driveItems/extractSensitivityLabels';
import type { GraphAnswer } from '../../../src/core/graph/GraphCall';

// The dev tenant answers the bare result (the end-to-end test in operations.test.ts); Microsoft's documented
// example wraps it in `value`. A client must read both, since the real service's form is not certain.
describe('extractSensitivityLabels parsing', () => {
  const answer = { status: 200, headers: { get: () => null } } as unknown as GraphAnswer;
  const parse = (body: unknown): unknown => extractSensitivityLabelsCall({ driveId: 'b!drive', itemId: '01ITEM' }).parse?.(body, answer);
  const label = { sensitivityLabelId: '4a2a8a2a-0000-4000-8000-000000000001', assignmentMethod: 'standard', tenantId: 't' };

  it('reads the bare result', () => {
    expect(parse({ labels: [label] })).toEqual([label]);
  });

  it("reads the result wrapped in value, as Microsoft's example shows it", () => {
    expect(parse({ value: { labels: [label] } })).toEqual([label]);
  });

  it('reads an item without labels as none', () => {
    expect(parse({ labels: [] })).toEqual([]);
    expect(parse(undefined)).toEqual([]);
  });
});
