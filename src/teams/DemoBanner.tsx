import * as React from 'react';
import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  makeStyles,
  tokens
} from '@fluentui/react-components';
import { errorText } from '../ui/common';
import type { DemoControls } from '../ui/dispositions/DemoControls';

export interface DemoBannerProps {
  demo: DemoControls;
  /** The clock moved: the app reads the queue again. */
  onClockMoved(now: string): void;
}

const steps = [
  { days: 30, label: '30 days' },
  { days: 365, label: '1 year' },
  { days: 8 * 365, label: '8 years' }
] as const;

const useStyles = makeStyles({
  actions: { display: 'flex', alignItems: 'end', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' }
});

const day = (iso: string | undefined): string => (iso ? iso.slice(0, 10) : '…');

/** Demo mode: who the tab signs in as on the dev tenant, the tenant's date, and a way to move its clock forward. */
export function DemoBanner({ demo, onClockMoved }: DemoBannerProps): React.ReactElement {
  const styles = useStyles();
  const [now, setNow] = React.useState<string | undefined>();
  const [days, setDays] = React.useState<number>(steps[2].days);
  const [busy, setBusy] = React.useState(false);
  const [failure, setFailure] = React.useState<string | undefined>();

  React.useEffect(() => {
    let current = true;
    demo.now().then(
      (value) => current && setNow(value),
      (e: unknown) => current && setFailure(errorText(e, "Custodian could not read the dev tenant's clock.").why)
    );
    return () => {
      current = false;
    };
  }, [demo]);

  const move = async (): Promise<void> => {
    setBusy(true);
    setFailure(undefined);
    try {
      const moved = await demo.advanceClock(days);
      setNow(moved);
      onClockMoved(moved);
    } catch (e) {
      setFailure(errorText(e, "Custodian could not move the dev tenant's clock.").why);
    } finally {
      setBusy(false);
    }
  };

  return (
    <MessageBar intent={failure ? 'warning' : 'info'} layout="multiline" data-testid="demo-banner">
      <MessageBarBody>
        <MessageBarTitle>Demo mode</MessageBarTitle>
        {`Signed in to the local dev tenant as ${demo.persona}. Tenant date: `}
        <span data-testid="tenant-date">{day(now)}</span>
        {failure ? `. ${failure}` : '.'}
      </MessageBarBody>
      <MessageBarActions>
        <div className={styles.actions}>
          <Field label="Move the clock forward by">
            <Select value={String(days)} onChange={(_, data) => setDays(Number(data.value))}>
              {steps.map((step) => (
                <option key={step.days} value={step.days}>
                  {step.label}
                </option>
              ))}
            </Select>
          </Field>
          <Button onClick={() => void move()} disabled={busy}>
            {busy ? 'Moving…' : 'Move the clock'}
          </Button>
        </div>
      </MessageBarActions>
    </MessageBar>
  );
}
