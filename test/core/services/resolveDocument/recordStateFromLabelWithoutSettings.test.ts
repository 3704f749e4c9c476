import type { FilePlanLabel } from '../../../../src/core/domain/filePlanLabel';
import { checkRecordAction } from '../../../../src/core/domain/recordRestrictions';
import { recordStateFromLabel } from '../../../../src/core/services/resolveDocument/recordStateFromLabel';

const retention = (behavior: NonNullable<FilePlanLabel['retention']>['behavior'], extra: object = {}): FilePlanLabel => ({
  name: 'Contracts',
  descriptors: {},
  retention: { behavior, action: 'none', trigger: 'dateCreated', duration: { kind: 'forever' }, dispositionStages: [], ...extra }
});

// https://learn.microsoft.com/graph/api/resources/itemretentionlabel: retentionSettings is one optional property of
// the item's label; an answer without it says nothing about the behaviour. Reading it as "retain" would let a
// record be edited or moved; the label's definition in the file plan says what it does.
describe('the record state of a label read without retentionSettings', () => {
  it('takes the behaviour from the file plan: a record label is a record, locked by default', () => {
    const state = recordStateFromLabel({ name: 'Contracts' }, [retention('retainAsRecord')]);
    expect(state).toEqual({ behavior: 'retainAsRecord', isLocked: true });
    expect(checkRecordAction('editContent', state)).toMatchObject({ allowed: false });
  });

  it('reads a record label that starts unlocked as an unlocked record', () => {
    expect(recordStateFromLabel({ name: 'Contracts' }, [retention('retainAsRecord', { defaultRecordBehavior: 'startUnlocked' })])).toEqual({
      behavior: 'retainAsRecord',
      isLocked: false
    });
  });

  it('reads a regulatory record as locked', () => {
    expect(recordStateFromLabel({ name: 'Contracts' }, [retention('retainAsRegulatoryRecord')])).toEqual({
      behavior: 'retainAsRegulatoryRecord',
      isLocked: true
    });
  });

  it('refuses everything for a label the file plan does not hold, instead of guessing "retain"', () => {
    const state = recordStateFromLabel({ name: 'Contracts' });
    expect(state.behavior).not.toBe('retain');
    expect(checkRecordAction('delete', state)).toMatchObject({ allowed: false, code: 'unknownState' });
  });

  it('still reads the behaviour Graph gives when the settings are there', () => {
    const state = recordStateFromLabel(
      { name: 'Contracts', retentionSettings: { behaviorDuringRetentionPeriod: 'retain', isRecordLocked: false } },
      [retention('retainAsRecord')]
    );
    expect(state).toEqual({ behavior: 'retain', isLocked: false });
  });
});
