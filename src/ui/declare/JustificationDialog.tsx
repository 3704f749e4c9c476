import * as React from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  tokens
} from '@fluentui/react-components';

const useStyles = makeStyles({
  // A native textarea: Fluent's Textarea would add 12 KB to a pane with a 250 KB budget.
  textarea: {
    boxSizing: 'border-box',
    width: '100%',
    minHeight: '80px',
    resize: 'vertical',
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase300,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderBottomColor: tokens.colorNeutralStrokeAccessible,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}` }
  }
});

export interface JustificationDialogProps {
  open: boolean;
  /** The current classification's name. */
  fromName: string;
  /** The new one's name; undefined when the label is being removed. */
  toName?: string;
  onConfirm: (justification: string) => void;
  onCancel: () => void;
}

/**
 * Asks why a sensitivity label is lowered or removed, as Microsoft 365 requires a justification for it.
 * The reason goes with the change; cancelling changes nothing.
 */
export function JustificationDialog({ open, fromName, toName, onConfirm, onCancel }: JustificationDialogProps): React.ReactElement {
  const styles = useStyles();
  const [text, setText] = React.useState('');
  const [tried, setTried] = React.useState(false);
  React.useEffect(() => {
    if (open) {
      setText('');
      setTried(false);
    }
  }, [open]);
  const missing = text.trim() === '';
  const submit = (): void => {
    setTried(true);
    if (!missing) onConfirm(text.trim());
  };
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_e, data) => (data.open ? undefined : onCancel())}>
      <DialogSurface>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <DialogBody>
            <DialogTitle>{toName ? 'Lower the classification?' : 'Remove the classification?'}</DialogTitle>
            <DialogContent>
              <p>
                {toName
                  ? `You are changing the classification from "${fromName}" to the less sensitive "${toName}".`
                  : `You are removing the classification "${fromName}".`}{' '}
                Your organisation asks for a reason, which is kept with the change.
              </p>
              <Field
                label="Reason"
                required
                validationState={tried && missing ? 'error' : 'none'}
                validationMessage={
                  tried && missing ? 'Enter a reason to continue, or cancel to keep the current classification.' : undefined
                }
              >
                {(fieldProps) => (
                  <textarea {...fieldProps} className={styles.textarea} value={text} onChange={(e) => setText(e.target.value)} />
                )}
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit">
                {toName ? 'Lower it' : 'Remove it'}
              </Button>
              <Button onClick={onCancel}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
