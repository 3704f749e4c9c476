import * as React from 'react';
import {
  Button,
  Caption1,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Select,
  makeStyles,
  tokens
} from '@fluentui/react-components';
import { ErrorCard } from '../common/ErrorCard';
import type { FilePlanServices, LibrariesSnapshot, LibrarySummary } from './FilePlanServices';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  columns: { display: 'flex', flexDirection: 'column', border: 'none', margin: 0, padding: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold }
});

export interface LibraryPlanDialogProps {
  open: boolean;
  library: LibrarySummary;
  snapshot: LibrariesSnapshot;
  services: FilePlanServices;
  onSaved: (library: LibrarySummary) => void;
  onCancel: () => void;
}

/** Edits one library's plan: default retention label, default sensitivity label, required columns. */
export function LibraryPlanDialog({ open, library, snapshot, services, onSaved, onCancel }: LibraryPlanDialogProps): React.ReactElement {
  const styles = useStyles();
  const [retentionLabel, setRetentionLabel] = React.useState(library.defaultRetentionLabel ?? '');
  const [sensitivityId, setSensitivityId] = React.useState(library.defaultSensitivityLabel?.id ?? '');
  const [required, setRequired] = React.useState<ReadonlySet<string>>(() => new Set(library.requiredColumns));
  const [saving, setSaving] = React.useState(false);
  const [error, setError] = React.useState<unknown>(undefined);
  const chosen = snapshot.retentionLabels.find((l) => l.name === retentionLabel);

  const save = async (): Promise<void> => {
    setSaving(true);
    setError(undefined);
    try {
      const saved = await services.applyLibraryPlan({
        libraryId: library.id,
        retentionLabel: retentionLabel || null,
        sensitivityLabelId: sensitivityId || null,
        requiredColumns: library.columns.map((c) => c.name).filter((name) => required.has(name))
      });
      onSaved(saved);
    } catch (e) {
      setError(e);
      setSaving(false);
    }
  };

  return (
    <Dialog open={open} modalType="modal" onOpenChange={(_e, data) => (data.open || saving ? undefined : onCancel())}>
      <DialogSurface aria-describedby={undefined}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <DialogBody>
            <DialogTitle>Plan for {library.name}</DialogTitle>
            <DialogContent className={styles.form}>
              <Field
                label="Default retention label"
                hint={
                  chosen?.isRecord
                    ? 'A record label: new files become records. Existing records keep their label.'
                    : 'New files in the library get this label.'
                }
              >
                <Select value={retentionLabel} onChange={(_e, data) => setRetentionLabel(data.value)}>
                  <option value="">None</option>
                  {snapshot.retentionLabels.map((l) => (
                    <option key={l.name} value={l.name}>
                      {l.name}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label="Default sensitivity label">
                <Select value={sensitivityId} onChange={(_e, data) => setSensitivityId(data.value)}>
                  <option value="">None</option>
                  {snapshot.sensitivityLabels.map((l) => (
                    <option key={l.id} value={l.id}>
                      {l.name}
                    </option>
                  ))}
                </Select>
              </Field>
              <fieldset className={styles.columns}>
                <legend className={styles.legend}>Required metadata</legend>
                {library.columns.length === 0 ? <Caption1>The library has no columns of its own to require.</Caption1> : null}
                {library.columns.map((column) => (
                  <Checkbox
                    key={column.name}
                    label={column.displayName}
                    checked={required.has(column.name)}
                    onChange={(_e, data) => {
                      const next = new Set(required);
                      if (data.checked) next.add(column.name);
                      else next.delete(column.name);
                      setRequired(next);
                    }}
                  />
                ))}
              </fieldset>
              {error !== undefined ? (
                <ErrorCard error={error} fallbackWhat={`Custodian couldn't save the plan of ${library.name}.`} />
              ) : null}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabledFocusable={saving}>
                {saving ? 'Saving…' : 'Save plan'}
              </Button>
              <Button onClick={onCancel} disabledFocusable={saving}>
                Cancel
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
