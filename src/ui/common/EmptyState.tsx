import * as React from 'react';
import { Subtitle2, makeStyles, tokens } from '@fluentui/react-components';

export interface EmptyStateProps {
  title: string;
  /** One or two sentences: why there is nothing, and what to do about it. */
  children?: React.ReactNode;
  /** A button or link that moves the user on. */
  action?: React.ReactNode;
  /** The heading level that fits where the state is shown. */
  headingLevel?: 2 | 3 | 4;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, overflowWrap: 'anywhere' },
  body: { fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 }
});

/** Nothing to show yet, said plainly with the way forward. */
export function EmptyState({ title, children, action, headingLevel = 2 }: EmptyStateProps): React.ReactElement {
  const styles = useStyles();
  return (
    <section className={styles.root} data-testid="empty-state">
      <Subtitle2 as={`h${headingLevel}` as 'h2' | 'h3' | 'h4'}>{title}</Subtitle2>
      {children ? <div className={styles.body}>{children}</div> : null}
      {action ?? null}
    </section>
  );
}
