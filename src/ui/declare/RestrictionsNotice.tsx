import * as React from 'react';
import { Body1, Subtitle2, makeStyles, tokens, useId } from '@fluentui/react-components';
import type { FilePlanLabel } from '../../core/domain/filePlanLabel';
import type { RecordsTenantSettings } from '../../core/domain/recordRestrictions';
import { whatTheLabelBlocks } from './restrictions';

export interface RestrictionsNoticeProps {
  label: FilePlanLabel;
  /** Whether the record will be locked once declared. */
  lock: boolean;
  settings?: RecordsTenantSettings;
  actor?: { isContainerAdmin: boolean };
  noun?: string;
}

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  body: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    overflowWrap: 'anywhere',
    minWidth: 0
  },
  title: { margin: 0 }
});

/** "What this label will block": said before the label is applied, from the domain's record restrictions. */
export function RestrictionsNotice({ label, lock, settings, actor, noun = 'document' }: RestrictionsNoticeProps): React.ReactElement {
  const styles = useStyles();
  const titleId = useId('restrictions');
  const blocked = whatTheLabelBlocks(label, lock, settings, actor);
  return (
    <section aria-labelledby={titleId} data-testid="restrictions-notice" className={styles.body}>
      <Subtitle2 as="h2" id={titleId} className={styles.title}>
        What this label will block
      </Subtitle2>
      {blocked.length === 0 ? (
        <Body1>
          &quot;{label.name}&quot; blocks nothing: the {noun} can still be edited, moved, relabelled and deleted.
        </Body1>
      ) : (
        <>
          <Body1>Once &quot;{label.name}&quot; is applied:</Body1>
          <ul className={styles.list}>
            {blocked.map((b) => (
              <li key={b.action}>
                <Body1>{b.reason}</Body1>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
