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
  Input,
  Radio,
  RadioGroup,
  Select,
  Text,
  Textarea,
  makeStyles,
  tokens
} from '@fluentui/react-components';
import { AsyncView, ErrorCard, useAsync } from '../common';
import { plural } from './formatting';
import type { QueueItem } from '../../core/services/disposition/DispositionQueue';
import type { DispositionsServices } from './DispositionsServices';

export interface HoldItemsDialogProps {
  items: QueueItem[];
  services: DispositionsServices;
  onClose(changed: boolean): void;
  /** False once closed: the dialog stays mounted while Fluent closes it, so it can undo its modal and give focus back. */
  open?: boolean;
}

const useStyles = makeStyles({ content: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM } });

/** Places items on a hold: an active one, or a new one created here; each step is a proof entry. */
export function HoldItemsDialog({ items, services, onClose, open = true }: HoldItemsDialogProps): React.ReactElement {
  const styles = useStyles();
  const [holds] = useAsync((signal) => services.holds(signal), [services]);
  const [mode, setMode] = React.useState<'existing' | 'new'>('existing');
  const [holdId, setHoldId] = React.useState('');
  const [name, setName] = React.useState('');
  const [reason, setReason] = React.useState('');
  const [justification, setJustification] = React.useState('');
  const [tried, setTried] = React.useState(false);
  const [running, setRunning] = React.useState(false);
  const [failure, setFailure] = React.useState<unknown>();

  const active = holds.status === 'ready' ? holds.data.filter((h) => h.state === 'active') : [];
  const useNew = mode === 'new' || (holds.status === 'ready' && active.length === 0);
  const problems = {
    hold: !useNew && holdId === '' ? 'Choose a hold.' : undefined,
    name: useNew && name.trim() === '' ? 'Name the hold.' : undefined,
    reason: useNew && reason.trim() === '' ? 'Say why the items are held.' : undefined,
    justification: justification.trim() === '' ? 'Say why these items are added; it is kept as proof.' : undefined
  };

  const submit = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault();
    setTried(true);
    if (Object.values(problems).some(Boolean) || running) return;
    setRunning(true);
    setFailure(undefined);
    try {
      const target = useNew ? (await services.createHold({ name: name.trim(), reason: reason.trim() })).holdId : holdId;
      await services.addToHold({ holdId: target, items: items.map((i) => i.key), justification: justification.trim() });
      onClose(true);
    } catch (e) {
      setFailure(e);
      setRunning(false);
    }
  };

  return (
    <Dialog open={open} modalType="modal" onOpenChange={(_, data) => !data.open && !running && onClose(false)}>
      <DialogSurface aria-describedby={undefined}>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <DialogBody>
            <DialogTitle>{`Place ${items.length === 1 ? items[0].name : plural(items.length, 'item')} on hold`}</DialogTitle>
            <DialogContent className={styles.content}>
              <Text>While a hold covers an item, its disposal cannot be approved at any stage.</Text>
              <AsyncView state={holds} loadingLabel="Reading the holds" errorWhat="Custodian could not read the holds.">
                {() => (
                  <>
                    {active.length > 0 ? (
                      <RadioGroup value={mode} onChange={(_, data) => setMode(data.value as 'existing' | 'new')} aria-label="Which hold">
                        <Radio value="existing" label="An active hold" />
                        <Radio value="new" label="A new hold" />
                      </RadioGroup>
                    ) : null}
                    {useNew ? (
                      <>
                        <Field label="Hold name" required validationMessage={tried ? problems.name : undefined}>
                          <Input value={name} onChange={(_, data) => setName(data.value)} />
                        </Field>
                        <Field label="Reason for the hold" required validationMessage={tried ? problems.reason : undefined}>
                          <Input value={reason} onChange={(_, data) => setReason(data.value)} />
                        </Field>
                      </>
                    ) : (
                      <Field label="Hold" required validationMessage={tried ? problems.hold : undefined}>
                        <Select value={holdId} onChange={(_, data) => setHoldId(data.value)}>
                          <option value="">Choose a hold</option>
                          {active.map((hold) => (
                            <option key={hold.holdId} value={hold.holdId}>
                              {hold.name}
                            </option>
                          ))}
                        </Select>
                      </Field>
                    )}
                  </>
                )}
              </AsyncView>
              <Field label="Justification" required validationMessage={tried ? problems.justification : undefined}>
                <Textarea value={justification} onChange={(_, data) => setJustification(data.value)} />
              </Field>
              {failure ? <ErrorCard error={failure} fallbackWhat="Custodian could not place the items on hold." /> : null}
            </DialogContent>
            <DialogActions>
              {/* disabledFocusable while running: a disabled button drops focus to the page, and Fluent then has no focus
                  inside the dialog to give back to the button that opened it when the dialog closes. */}
              <Button appearance="primary" type="submit" disabledFocusable={running || holds.status !== 'ready'}>
                {running ? 'Placing on hold…' : 'Place on hold'}
              </Button>
              <Button onClick={() => onClose(false)} disabledFocusable={running}>
                Cancel
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
