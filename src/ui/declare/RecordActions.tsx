import * as React from 'react';
import { Body1, Button, Subtitle2, makeStyles, tokens, useId } from '@fluentui/react-components';
import { checkRecordAction, type RecordState, type RecordsTenantSettings } from '../../core/domain/recordRestrictions';

export interface RecordActionsProps {
  /** The item's record state now (after any change made in this pane). */
  state: RecordState;
  settings?: RecordsTenantSettings;
  actor?: { isContainerAdmin: boolean };
  noun?: string;
  disabled?: boolean;
  /** Locks (true) or unlocks (false) the record. */
  onLock: (lock: boolean) => void;
}

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    overflowWrap: 'anywhere',
    minWidth: 0
  },
  title: { margin: 0 },
  button: { alignSelf: 'flex-start' }
});

/**
 * Lock and Unlock for an item that is already a record, each offered only when Microsoft 365 allows it, with who
 * may do it. In Purview anyone who can edit the item can unlock a record (record versioning) and lock it again; a
 * regulatory record can never be unlocked. The decision is the domain's (`checkRecordAction`), made on the state
 * the item has now, so a refusal never outlives the state that caused it.
 */
export function RecordActions({
  state,
  settings,
  actor,
  noun = 'document',
  disabled = false,
  onLock
}: RecordActionsProps): React.ReactElement | null {
  const styles = useStyles();
  const titleId = useId('record-actions');
  if (state.behavior !== 'retainAsRecord' && state.behavior !== 'retainAsRegulatoryRecord') return null;
  const action = state.isLocked ? 'unlock' : 'lock';
  const decision = checkRecordAction(action, state, settings, actor);
  const explanation =
    state.behavior === 'retainAsRegulatoryRecord'
      ? `This ${noun} is a regulatory record: it stays locked, and nobody can unlock it.`
      : state.isLocked
        ? `This ${noun} is a locked record: its content cannot be edited. Anyone who can edit it may unlock it to make changes; the locked version is kept.`
        : `This ${noun} is an unlocked record: it can be edited, and its label cannot change until it is locked again. Anyone who can edit it may lock it.`;
  return (
    <section aria-labelledby={titleId} className={styles.root} data-testid="record-actions">
      <Subtitle2 as="h2" id={titleId} className={styles.title}>
        This record
      </Subtitle2>
      <Body1>{explanation}</Body1>
      {state.behavior === 'retainAsRecord' ? (
        <>
          <Button className={styles.button} disabledFocusable={disabled || !decision.allowed} onClick={() => onLock(action === 'lock')}>
            {action === 'lock' ? 'Lock' : 'Unlock'}
          </Button>
          {!decision.allowed ? <Body1 role="note">{decision.reason}</Body1> : null}
        </>
      ) : null}
    </section>
  );
}
