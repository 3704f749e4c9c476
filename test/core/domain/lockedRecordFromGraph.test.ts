// A locked record as Graph describes it has no unlock history: Microsoft's itemRetentionLabel and retentionLabelSettings
// carry isRecordLocked and the is*Allowed flags, nothing saying whether the record was ever unlocked
// (https://learn.microsoft.com/graph/api/resources/itemretentionlabel). Such a record must not be taken for one that
// was unlocked before: Purview lets a locked record that was never unlocked move to another container.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ItemRetentionLabel } from '@microsoft/microsoft-graph-types';
import { checkRecordAction, describeRestrictions } from '../../../src/core/domain/recordRestrictions';
import { recordStateFromLabel } from '../../../src/core/services/resolveDocument/recordStateFromLabel';

/** The response of Microsoft's documented lockOrUnlockRecord example (driveitem-lockorunlockrecord), as captured. */
const documented = (
  JSON.parse(readFileSync(path.join(__dirname, '../../devtenant/fixtures/driveitem-lockorunlockrecord.json'), 'utf8')) as {
    response: { body: ItemRetentionLabel };
  }
).response.body;

/** The same answer for a label that marks items as records (the documented example's label only retains). */
const lockedRecord: ItemRetentionLabel = {
  ...documented,
  retentionSettings: { ...documented.retentionSettings, behaviorDuringRetentionPeriod: 'retainAsRecord' }
};

describe("a locked record read from Graph's itemRetentionLabel (no unlock history)", () => {
  it('the documented shape has no property telling whether the record was ever unlocked', () => {
    expect(documented.retentionSettings?.isRecordLocked).toBe(true);
    const keys = [...Object.keys(documented), ...Object.keys(documented.retentionSettings ?? {})];
    expect(keys.filter((k) => /unlock/i.test(k))).toEqual([]);
  });

  it('may be moved to another site, library or mailbox: it is not counted as "was unlocked"', () => {
    const state = recordStateFromLabel(lockedRecord);
    expect(state).toMatchObject({ behavior: 'retainAsRecord', isLocked: true });
    expect(checkRecordAction('move', state)).toEqual({ allowed: true });
    expect(describeRestrictions(state).move).toEqual({ allowed: true });
  });

  it('still refuses what a locked record refuses (content edits, deletion), so the state is read as locked', () => {
    const state = recordStateFromLabel(lockedRecord);
    expect(checkRecordAction('editContent', state)).toMatchObject({ allowed: false, code: 'lockedRecordContent' });
    expect(checkRecordAction('delete', state)).toMatchObject({ allowed: false, code: 'recordCannotBeDeleted' });
  });

  it('only a record known to have been unlocked before is kept in place', () => {
    const state = { ...recordStateFromLabel(lockedRecord), hasBeenUnlocked: true };
    expect(checkRecordAction('move', state)).toMatchObject({ allowed: false, code: 'recordWasUnlocked' });
  });
});
