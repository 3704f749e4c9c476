import {
  checkRecordAction,
  defaultRecordsTenantSettings,
  type RecordAction,
  type RecordState
} from '../../../src/core/domain/recordRestrictions';
import {
  cellAllows,
  labelKinds,
  type LabelKind,
  purviewRecordRestrictions,
  purviewTenantSwitches,
  type TableAction
} from '../../fixtures/purviewRecordRestrictions';

/**
 * The core's record rules against Microsoft Purview's table (test/fixtures/purviewRecordRestrictions.ts, which cites
 * the page). Copy, read and moving within a container are never restricted and are not actions the core decides.
 */

const coreAction: Partial<Record<TableAction, RecordAction>> = {
  editContent: 'editContent',
  editProperties: 'editProperties',
  delete: 'delete',
  moveAcrossContainers: 'move',
  changeLabel: 'relabel',
  removeLabel: 'removeLabel'
};

const states: Record<LabelKind, RecordState> = {
  noLabel: { behavior: null, isLocked: false },
  retentionLabel: { behavior: 'retain', isLocked: false },
  recordLocked: { behavior: 'retainAsRecord', isLocked: true, hasBeenUnlocked: false },
  recordUnlocked: { behavior: 'retainAsRecord', isLocked: false, hasBeenUnlocked: true },
  regulatoryRecord: { behavior: 'retainAsRegulatoryRecord', isLocked: true }
};

const cases = Object.entries(coreAction).flatMap(([row, action]) =>
  labelKinds.flatMap((kind) =>
    [false, true].map((isContainerAdmin) => ({ row: row as TableAction, action: action as RecordAction, kind, isContainerAdmin }))
  )
);

describe("the core's record rules follow Purview's table", () => {
  test.each(cases)('$row on $kind (container admin: $isContainerAdmin)', ({ row, action, kind, isContainerAdmin }) => {
    const expected = cellAllows(purviewRecordRestrictions[row][kind], { isContainerAdmin });
    const decision = checkRecordAction(action, states[kind], defaultRecordsTenantSettings, { isContainerAdmin });
    expect(decision.allowed).toBe(expected);
    // A refusal says why, in words a person can act on.
    if (!decision.allowed) expect(decision.reason.length).toBeGreaterThan(20);
  });

  test('a locked record that was ever unlocked can no longer move to another container', () => {
    const cell = purviewRecordRestrictions.moveAcrossContainers.recordLocked;
    const state: RecordState = { behavior: 'retainAsRecord', isLocked: true, hasBeenUnlocked: true };
    expect(checkRecordAction('move', state).allowed).toBe(cellAllows(cell, { isContainerAdmin: true, everUnlocked: true }));
  });

  test.each(Object.entries(purviewTenantSwitches))('turning off %s blocks what its footnote says', (setting, { action, kind }) => {
    const settings = { ...defaultRecordsTenantSettings, [setting]: false };
    expect(checkRecordAction(coreAction[action] as RecordAction, states[kind], defaultRecordsTenantSettings).allowed).toBe(true);
    expect(checkRecordAction(coreAction[action] as RecordAction, states[kind], settings).allowed).toBe(false);
  });
});
