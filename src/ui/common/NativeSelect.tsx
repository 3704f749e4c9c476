import * as React from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  select: {
    boxSizing: 'border-box',
    width: '100%',
    minWidth: 0,
    height: '32px',
    padding: `0 ${tokens.spacingHorizontalS}`,
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderBottomColor: tokens.colorNeutralStrokeAccessible,
    borderRadius: tokens.borderRadiusMedium,
    cursor: 'pointer',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`, outlineOffset: '1px' },
    ':disabled': { color: tokens.colorNeutralForegroundDisabled, cursor: 'not-allowed' }
  }
});

export type NativeSelectProps = React.SelectHTMLAttributes<HTMLSelectElement>;

/**
 * The platform's select, styled like Fluent's: keyboard, screen readers and mobile pickers come with it. Used
 * inside a Fluent `Field` through its render function, which passes the label, hint and error ids.
 */
export function NativeSelect({ className, ...props }: NativeSelectProps): React.ReactElement {
  const styles = useStyles();
  return <select {...props} className={mergeClasses(styles.select, className)} />;
}
