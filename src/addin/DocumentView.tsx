import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { AsyncView } from '../ui/common/AsyncView';
import { EmptyState } from '../ui/common/EmptyState';
import { useAsync } from '../ui/common/useAsync';
import { DeclareForm, type DeclareRequest, type DeclareResultView, type PlannedChange } from '../ui/declare/DeclareForm';
import { lockStepLabel } from '../ui/declare/declareProgress';
import type { FieldValue } from '../ui/declare/fields';
import type { RecordStatus, StepProgress } from '../ui/declare/model';
import { StatusCard } from '../ui/declare/StatusCard';
import type { DocumentSubject, HostAdapter } from './hosts/HostAdapter';
import type { DocumentContext } from '../core/services/declare/DocumentContext';
import type { DeclaredView } from '../ui/declare/declareProgress';
import type { PaneServices } from './services/PaneServices';

export interface DocumentViewProps {
  subject: DocumentSubject;
  host: HostAdapter;
  services: PaneServices;
  locale?: string;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL, minWidth: 0 }
});

/** The steps of a declaration, in the order the service runs them, then the host's own. */
export function plannedDeclareSteps(request: DeclareRequest, change: PlannedChange, hasFields: boolean, mirrors: boolean): StepProgress[] {
  const steps: StepProgress[] = [];
  if (hasFields) steps.push({ id: 'fields', label: 'Save the metadata', state: 'pending' });
  if (change.label) steps.push({ id: 'retentionLabel', label: `Apply the retention label "${request.retentionLabel}"`, state: 'pending' });
  if (change.lock) steps.push({ id: 'lock', label: lockStepLabel(change.lock === 'lock'), state: 'pending' });
  if (request.sensitivityLabelId !== undefined)
    steps.push({
      id: 'sensitivityLabel',
      label: request.sensitivityLabelId === '' ? 'Remove the classification' : 'Apply the classification',
      state: 'pending'
    });
  if (mirrors) steps.push({ id: 'mirror', label: "Note the declaration in the document's properties", state: 'pending' });
  return steps;
}

/** The key metadata Word keeps in the document's custom properties after a declaration. */
export function mirroredProperties(request: DeclareRequest, declaredAt: string): Record<string, string> {
  const text = (value: FieldValue): string =>
    typeof value === 'string' ? value : typeof value === 'number' ? String(value) : 'email' in value ? value.email : value.label;
  return {
    RetentionLabel: request.retentionLabel,
    Record: request.lock ? 'Locked' : 'Unlocked',
    DeclaredAt: declaredAt,
    ...Object.fromEntries(Object.entries(request.fields).map(([name, value]) => [`Field.${name}`, text(value)]))
  };
}

/**
 * A document: where it is saved decides everything. Not saved to SharePoint or OneDrive: a clear message and
 * nothing to apply. Saved: its status, then the declare form. After the core has declared it, Word mirrors
 * the key metadata into the document's custom properties (only then, so nothing is half applied).
 */
export function DocumentView(props: DocumentViewProps): React.ReactElement {
  const { subject } = props;
  if (!subject.savedToCloud) {
    // Nothing is requested for a document that is not in SharePoint or OneDrive.
    return (
      <EmptyState title="Save this document to SharePoint or OneDrive first">
        <p>
          &quot;{subject.title}&quot; is {subject.url ? 'saved on this computer or a network share' : 'not saved yet'}. Records live in
          SharePoint or OneDrive for work or school, so Custodian cannot declare it from here.
        </p>
        <p>
          <strong>What you can do: </strong>use File &gt; Save As and choose a SharePoint library or OneDrive, then open Custodian again.
        </p>
      </EmptyState>
    );
  }
  return <SavedDocumentView {...props} />;
}

function SavedDocumentView({ subject, host, services, locale }: DocumentViewProps): React.ReactElement {
  const styles = useStyles();
  const [state, reload] = useAsync((signal) => services.openDocument(subject.url, signal), [services, subject.url]);
  // What the document is after a declaration made here, for the context it was made in (a reload reads it afresh).
  const [declared, setDeclared] = React.useState<{ url: string | undefined; status: RecordStatus } | undefined>(undefined);
  // The document read again after each declaration made here: the next action (a lock after an unlock) is planned
  // from what the document is now, not from what it was when the pane opened.
  const [reread, setReread] = React.useState<{ url: string | undefined; context: DocumentContext } | undefined>(undefined);
  // The form decides what is allowed from this, so a refusal follows the document through a lock, an unlock, a relabel.
  // What the declaration made here returned wins over a read afterwards, which Graph may serve a moment behind.
  const statusNow = (context: DocumentContext): RecordStatus =>
    declared !== undefined && declared.url === subject.url ? declared.status : context.status;
  // The next action is planned by the core from the context's status: with a read that lags behind (Graph is
  // eventually consistent), a Lock after an Unlock would be planned from "locked" and send nothing. So the context
  // carries the status the last action left the document in, whatever the read says.
  const latest = (opened: DocumentContext): DocumentContext => {
    const context = reread !== undefined && reread.url === subject.url ? reread.context : opened;
    return { ...context, status: statusNow(context) };
  };

  const declare = async (
    context: DocumentContext,
    request: DeclareRequest,
    onProgress: (steps: StepProgress[]) => void
  ): Promise<DeclareResultView> => {
    const { status, ...result }: DeclaredView = await services.declare(context, request, onProgress);
    // Only the status card changes: the form keeps its result and per-step progress.
    if (status) setDeclared({ url: subject.url, status });
    // If the document cannot be read again, the status card still says what was done (the next action is then planned
    // from the document as first read: a reload of the pane reads it afresh).
    const again = await services.openDocument(subject.url).catch(() => undefined);
    if (again?.ok) setReread({ url: subject.url, context: again.context });
    if (!host.mirrorMetadata || result.steps.some((s) => s.state === 'failed')) return result;
    const mirror = (s: Partial<StepProgress>): StepProgress[] =>
      result.steps
        .map((step) => (step.id === 'mirror' ? { ...step, ...s } : step))
        .concat(
          result.steps.some((step) => step.id === 'mirror')
            ? []
            : [{ id: 'mirror', label: "Note the declaration in the document's properties", state: 'pending', ...s }]
        );
    onProgress(mirror({ state: 'running' }));
    try {
      await host.mirrorMetadata(mirroredProperties(request, new Date().toISOString()));
      const steps = mirror({ state: 'done' });
      onProgress(steps);
      return { ...result, steps };
    } catch (error) {
      // The record is declared; only the document's own copy of the metadata is missing. Say so, do not hide it.
      const steps = mirror({
        state: 'failed',
        error,
        detail: 'The record is declared in Microsoft 365; only the copy in the document is missing.'
      });
      onProgress(steps);
      return { ...result, steps };
    }
  };

  return (
    <AsyncView
      state={state}
      loadingLabel="Reading the document from Microsoft 365"
      errorWhat="Custodian couldn't read this document."
      onRetry={reload}
    >
      {(result) =>
        !result.ok ? (
          <EmptyState title={result.notOpened.what}>
            <p>{result.notOpened.why}</p>
            <p>
              <strong>What you can do: </strong>
              {result.notOpened.whatToDo}
            </p>
          </EmptyState>
        ) : (
          <div className={styles.root}>
            <StatusCard status={statusNow(latest(result.context))} noun="document" locale={locale} />
            <DeclareForm
              key={result.context.document.ref.itemId}
              noun="document"
              labels={result.context.labels}
              initialLabelName={result.context.status.retentionLabel?.name}
              currentLabelName={statusNow(latest(result.context)).retentionLabel?.name}
              currentState={statusNow(latest(result.context)).state}
              settings={result.context.settings}
              actor={result.context.actor}
              sensitivity={result.context.sensitivity}
              specs={result.context.specs}
              initialValues={result.context.values}
              columnsSource={result.context.columnsSource}
              plannedSteps={(request, change) =>
                plannedDeclareSteps(request, change, Object.keys(request.fields).length > 0, host.mirrorMetadata !== undefined)
              }
              onSubmit={(request, onProgress) => declare(latest(result.context), request, onProgress)}
            />
          </div>
        )
      }
    </AsyncView>
  );
}
