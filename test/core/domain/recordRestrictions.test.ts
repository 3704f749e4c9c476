import {
  checkRecordAction,
  defaultRecordsTenantSettings,
  describeRestrictions,
  recordActions,
  recordStateSchema,
  restrictionCodes,
  type RecordAction,
  type RecordState
} from '../../../src/core/domain/recordRestrictions';

// Microsoft's table "Compare restrictions for what actions are allowed or blocked" (Records
// management, Microsoft Learn), transcribed: A = allowed, B = blocked, X = container admin only,
// N = allowed if never unlocked. lock/unlock come from "Use record versioning".
const table: Record<string, { state: RecordState; expected: Record<RecordAction, 'A' | 'B' | 'X' | 'N'> }> = {
  'retention label': {
    state: { behavior: 'retain', isLocked: false },
    expected: { editContent: 'A', editProperties: 'A', delete: 'A', move: 'A', relabel: 'A', removeLabel: 'A', lock: 'B', unlock: 'B' }
  },
  'record - locked': {
    state: { behavior: 'retainAsRecord', isLocked: true },
    expected: { editContent: 'B', editProperties: 'A', delete: 'B', move: 'N', relabel: 'X', removeLabel: 'X', lock: 'B', unlock: 'A' }
  },
  'record - unlocked': {
    state: { behavior: 'retainAsRecord', isLocked: false, hasBeenUnlocked: true },
    expected: { editContent: 'A', editProperties: 'A', delete: 'B', move: 'B', relabel: 'B', removeLabel: 'B', lock: 'A', unlock: 'B' }
  },
  'regulatory record': {
    state: { behavior: 'retainAsRegulatoryRecord', isLocked: true },
    expected: { editContent: 'B', editProperties: 'B', delete: 'B', move: 'B', relabel: 'B', removeLabel: 'B', lock: 'B', unlock: 'B' }
  }
};

const decide = (action: RecordAction, state: RecordState, admin: boolean) =>
  checkRecordAction(action, state, defaultRecordsTenantSettings, { isContainerAdmin: admin }).allowed;

describe("checkRecordAction follows Microsoft's restriction table", () => {
  const rows = Object.entries(table).flatMap(([column, { state, expected }]) =>
    recordActions.map((action) => ({ column, action, state, mark: expected[action] }))
  );

  it.each(rows)('$column: $action is $mark', ({ action, state, mark }) => {
    const asUser = decide(action, state, false);
    const asAdmin = decide(action, state, true);
    if (mark === 'A') expect([asUser, asAdmin]).toEqual([true, true]);
    if (mark === 'B') expect([asUser, asAdmin]).toEqual([false, false]);
    if (mark === 'X') expect([asUser, asAdmin]).toEqual([false, true]);
    if (mark === 'N') {
      expect(decide(action, { ...state, hasBeenUnlocked: false }, false)).toBe(true);
      expect(decide(action, { ...state, hasBeenUnlocked: true }, true)).toBe(false);
    }
  });

  it('explains every refusal with a full sentence and a known code', () => {
    for (const { state } of Object.values(table)) {
      for (const decision of Object.values(describeRestrictions(state))) {
        if (decision.allowed) continue;
        expect(restrictionCodes).toContain(decision.code);
        expect(decision.reason).toMatch(/^[A-Z].{20,}\.$/);
        expect(decision.reason).not.toMatch(/undefined|null/);
        if (state.behavior === 'retainAsRegulatoryRecord') expect(decision.code).toBe('regulatoryRecord');
      }
    }
  });

  it('says a regulatory record cannot be relabelled, not even by an administrator', () => {
    expect(
      checkRecordAction('relabel', { behavior: 'retainAsRegulatoryRecord', isLocked: false }, defaultRecordsTenantSettings, {
        isContainerAdmin: true
      })
    ).toEqual({
      allowed: false,
      code: 'regulatoryRecord',
      reason: 'A regulatory record cannot be relabelled, not even by an administrator.'
    });
  });

  // Purview: a regulatory record cannot be deleted by anyone during its period; at its end only Purview's disposition
  // review deletes it. A reviewer whose approval is refused must not read that the period still lasts.
  it('says why a regulatory record cannot be deleted, during its retention period and after it', () => {
    const during = checkRecordAction('delete', { behavior: 'retainAsRegulatoryRecord', isLocked: true });
    const after = checkRecordAction('delete', { behavior: 'retainAsRegulatoryRecord', isLocked: true, retentionEnded: true });
    expect(during).toMatchObject({ allowed: false, reason: 'A regulatory record cannot be deleted while its retention period lasts.' });
    expect(after).toMatchObject({ allowed: false, code: 'regulatoryRecord' });
    expect(!after.allowed && after.reason).toMatch(/^Only Purview's own disposition review deletes a regulatory record/);
    // The period's end changes nothing else: a regulatory record is still never relabelled.
    expect(checkRecordAction('relabel', { behavior: 'retainAsRegulatoryRecord', isLocked: true, retentionEnded: true })).toMatchObject({
      reason: 'A regulatory record cannot be relabelled, not even by an administrator.'
    });
  });
});

describe('tenant settings and other states', () => {
  it("blocks editing a locked record's properties only when the tenant switch is off", () => {
    const locked: RecordState = { behavior: 'retainAsRecord', isLocked: true };
    const settings = { ...defaultRecordsTenantSettings, allowEditingRecordProperties: false };
    expect(checkRecordAction('editProperties', locked, settings)).toMatchObject({
      allowed: false,
      code: 'recordPropertiesBlockedByTenant'
    });
    expect(checkRecordAction('editProperties', { ...locked, isLocked: false }, settings)).toEqual({ allowed: true });
  });

  it('blocks deleting items with a retention label only when the tenant switch is off, and never for delete-only labels', () => {
    const settings = { ...defaultRecordsTenantSettings, allowDeletingLabelledItems: false };
    expect(checkRecordAction('delete', { behavior: 'retain', isLocked: false }, settings)).toMatchObject({
      allowed: false,
      code: 'deletionBlockedByTenant'
    });
    expect(checkRecordAction('delete', { behavior: 'doNotRetain', isLocked: false }, settings)).toEqual({ allowed: true });
    expect(checkRecordAction('delete', { behavior: 'retain', isLocked: false })).toEqual({ allowed: true });
  });

  it('refuses unlocking when record versioning is off, and accepts settings without that switch', () => {
    const locked: RecordState = { behavior: 'retainAsRecord', isLocked: true };
    expect(checkRecordAction('unlock', locked, { ...defaultRecordsTenantSettings, recordVersioningEnabled: false })).toMatchObject({
      code: 'recordVersioningDisabled'
    });
    expect(checkRecordAction('unlock', locked, { allowEditingRecordProperties: true, allowDeletingLabelledItems: true })).toEqual({
      allowed: true
    });
  });

  it('lets anything happen to an unlabelled item except removing or locking a label it does not have', () => {
    const none: RecordState = { behavior: null, isLocked: false };
    const decisions = describeRestrictions(none);
    expect(
      Object.entries(decisions)
        .filter(([, decision]) => !decision.allowed)
        .map(([action]) => action)
    ).toEqual(['removeLabel', 'lock', 'unlock']);
    expect(decisions.lock).toMatchObject({ code: 'notARecord', reason: expect.stringContaining('can be locked') });
  });

  it('refuses states and actions from outside that it does not know, instead of allowing them', () => {
    expect(checkRecordAction('delete', { behavior: 'retainForever' as never, isLocked: false })).toMatchObject({
      allowed: false,
      code: 'unknownState'
    });
    expect(checkRecordAction('shred' as never, { behavior: null, isLocked: false })).toMatchObject({
      allowed: false,
      code: 'unknownAction'
    });
    expect(recordStateSchema.safeParse({ behavior: 'retainForever', isLocked: false }).success).toBe(false);
    expect(recordStateSchema.safeParse({ behavior: null, isLocked: true }).success).toBe(true);
  });

  it('passes the actor through describeRestrictions', () => {
    const locked: RecordState = { behavior: 'retainAsRecord', isLocked: true };
    expect(describeRestrictions(locked, defaultRecordsTenantSettings, { isContainerAdmin: true }).removeLabel).toEqual({ allowed: true });
    expect(describeRestrictions(locked).removeLabel).toMatchObject({ allowed: false, code: 'containerAdminOnly' });
  });
});

describe('what a refused person reads', () => {
  // The words each action's refusal must use, so that a reason written for one action never answers another
  // (a delete refused with "cannot be moved" would send the person looking for the wrong switch).
  const verbs: Record<RecordAction, RegExp> = {
    editContent: /edit/,
    editProperties: /edit/,
    delete: /delet/,
    move: /\bmov/,
    relabel: /chang|relabel/,
    removeLabel: /remov/,
    lock: /lock/,
    unlock: /unlock/
  };
  const behaviors: RecordState['behavior'][] = [null, 'doNotRetain', 'retain', 'retainAsRecord', 'retainAsRegulatoryRecord'];
  const states: RecordState[] = behaviors.flatMap((behavior) =>
    [false, true].flatMap((isLocked) =>
      [undefined, false, true].map((hasBeenUnlocked) => ({
        behavior,
        isLocked,
        ...(hasBeenUnlocked === undefined ? {} : { hasBeenUnlocked })
      }))
    )
  );
  const settingsChoices = [false, true].flatMap((allowEditingRecordProperties) =>
    [false, true].flatMap((allowDeletingLabelledItems) =>
      [undefined, false, true].map((recordVersioningEnabled) => ({
        allowEditingRecordProperties,
        allowDeletingLabelledItems,
        ...(recordVersioningEnabled === undefined ? {} : { recordVersioningEnabled })
      }))
    )
  );

  it('explains every refusal, in every state, tenant setting and role, with a known code and a sentence about the action refused', () => {
    let refusals = 0;
    for (const state of states) {
      for (const settings of settingsChoices) {
        for (const isContainerAdmin of [false, true]) {
          for (const action of recordActions) {
            const decision = checkRecordAction(action, state, settings, { isContainerAdmin });
            if (decision.allowed) continue;
            refusals += 1;
            expect(restrictionCodes).toContain(decision.code);
            expect(decision.reason).toMatch(/^[A-Z][^\n]{20,}\.$/);
            expect(decision.reason).toMatch(verbs[action]);
          }
        }
      }
    }
    expect(refusals).toBeGreaterThan(500);
  });

  it('explains the refusals that come from outside the table too', () => {
    for (const decision of [
      checkRecordAction('delete', { behavior: 'retainForever' as never, isLocked: false }),
      checkRecordAction('shred' as never, { behavior: null, isLocked: false })
    ]) {
      expect(!decision.allowed && decision.reason).toMatch(/^[A-Z][^\n]{20,}\.$/);
    }
  });

  it('treats a person as no administrator of the site when nobody said they are', () => {
    const locked: RecordState = { behavior: 'retainAsRecord', isLocked: true };
    expect(checkRecordAction('relabel', locked)).toMatchObject({ allowed: false, code: 'containerAdminOnly' });
    expect(checkRecordAction('removeLabel', locked, defaultRecordsTenantSettings)).toMatchObject({
      allowed: false,
      code: 'containerAdminOnly'
    });
  });

  it('lets the switch against deleting labelled items block deletion only, not editing, moving or relabelling them', () => {
    const settings = { ...defaultRecordsTenantSettings, allowDeletingLabelledItems: false };
    const decisions = describeRestrictions({ behavior: 'retain', isLocked: false }, settings);
    expect(
      Object.entries(decisions)
        .filter(([, decision]) => !decision.allowed)
        .map(([action]) => action)
    ).toEqual(['delete', 'lock', 'unlock']);
  });
});
