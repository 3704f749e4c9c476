import * as React from 'react';
import { Field, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { AsyncView } from '../ui/common/AsyncView';
import { EmptyState } from '../ui/common/EmptyState';
import { ErrorCard } from '../ui/common/ErrorCard';
import { NativeSelect } from '../ui/common/NativeSelect';
import { useAsync } from '../ui/common/useAsync';
import { DeclareForm } from '../ui/declare/DeclareForm';
import { formatDateTime } from '../ui/common/dates';
import type { MessageSubject, PreferenceStore } from './hosts/HostAdapter';
import { createMemoryPreferences, emailLibraryPreference } from './hosts/preferences';
import type { MessageContext } from '../core/services/fileEmail/MessageContext';
import { plannedFileSteps } from '../ui/declare/fileProgress';
import type { PaneServices } from './services/PaneServices';

export interface MessageViewProps {
  message: MessageSubject;
  services: PaneServices;
  /** Where the chosen records library is remembered (Outlook's roaming settings, the demo's localStorage). */
  preferences?: PreferenceStore;
  locale?: string;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL, minWidth: 0 },
  card: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    minWidth: 0
  },
  title: { margin: 0 },
  list: { margin: 0, overflowWrap: 'anywhere' },
  term: { fontWeight: tokens.fontWeightSemibold, marginTop: tokens.spacingVerticalXS },
  value: { marginLeft: 0 },
  attachments: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  // A native checkbox, as the declare form's lock: keyboard-ready and light.
  option: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'flex-start', cursor: 'pointer' },
  box: { width: '16px', height: '16px', marginTop: '2px', flexShrink: 0, accentColor: tokens.colorBrandBackground }
});

function kilobytes(size: number): string {
  return size < 1024 ? `${size} bytes` : `${Math.round(size / 1024)} KB`;
}

/**
 * A message being read: what it is, the records library it is filed into, and the file form.
 *
 * How a message finds its library: the library plans on the records site map libraries; those that can take email
 * (the columns filing fills) are offered, and the person picks one. The choice (the plan's `{siteId}/{listId}`, never
 * a token) is remembered per user (Outlook's roaming settings; the demo's localStorage, per persona) and used for
 * every later message; with only one such library it is used without asking. No library mapped: a clear message,
 * no form, nothing sent.
 */
export function MessageView({ message, services, preferences, locale }: MessageViewProps): React.ReactElement {
  const styles = useStyles();
  const store = React.useMemo(() => preferences ?? createMemoryPreferences(), [preferences]);
  const [libraryKey, setLibraryKey] = React.useState<string | undefined>(() => store.get(emailLibraryPreference));
  const [saveError, setSaveError] = React.useState<unknown>(undefined);
  const [state, reload] = useAsync((signal) => services.openMessage(message, libraryKey, signal), [services, message.restId, libraryKey]);
  const attachments = message.attachments.filter((a) => !a.isInline);

  const choose = (key: string): void => {
    setLibraryKey(key || undefined);
    setSaveError(undefined);
    store.set(emailLibraryPreference, key).catch((error: unknown) => setSaveError(error));
  };

  return (
    <div className={styles.root}>
      <section className={styles.card} aria-labelledby="custodian-message-title" data-testid="message-card">
        <Subtitle2 as="h2" id="custodian-message-title" className={styles.title}>
          This email: {message.subject || '(no subject)'}
        </Subtitle2>
        <dl className={styles.list}>
          <dt className={styles.term}>From</dt>
          <dd className={styles.value}>{message.from ? `${message.from.name} <${message.from.address}>`.trim() : 'Unknown sender'}</dd>
          {message.received ? (
            <>
              <dt className={styles.term}>Received</dt>
              <dd className={styles.value}>{formatDateTime(message.received, locale)}</dd>
            </>
          ) : null}
          <dt className={styles.term}>Attachments</dt>
          <dd className={styles.value}>
            {attachments.length === 0 ? (
              'None'
            ) : (
              <ul className={styles.attachments}>
                {attachments.map((a) => (
                  <li key={a.id || a.name}>
                    {a.name} ({kilobytes(a.size)})
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
      </section>
      <AsyncView
        state={state}
        loadingLabel="Finding where this email is filed"
        errorWhat="Custodian couldn't prepare this email for filing."
        onRetry={reload}
      >
        {(context) =>
          context.libraries.length === 0 ? (
            <EmptyState title="No records library is set up for email">
              <p>
                Your organisation&apos;s file plan maps no records library that takes email, so Custodian cannot file it. Nothing was sent.
              </p>
              <p>
                <strong>What you can do: </strong>ask your site owner to choose &ldquo;Take email&rdquo; for a records library in
                Custodian&apos;s File plan web part (Libraries), then open this email again.
              </p>
            </EmptyState>
          ) : (
            <>
              <Field
                label="Records library for email"
                hint={
                  context.library
                    ? 'Custodian remembers your choice for the next emails you file.'
                    : 'Choose where your email is filed. Custodian remembers it for the next emails.'
                }
              >
                {(fieldProps) => (
                  <NativeSelect
                    {...fieldProps}
                    data-testid="email-library"
                    value={context.library?.key ?? ''}
                    onChange={(e) => choose(e.target.value)}
                  >
                    {context.library ? null : <option value="">Choose a library</option>}
                    {context.libraries.map((l) => (
                      <option key={l.key} value={l.key}>
                        {l.name}
                      </option>
                    ))}
                  </NativeSelect>
                )}
              </Field>
              {saveError !== undefined ? <ErrorCard error={saveError} /> : null}
              <FileSection context={context} services={services} attachmentCount={attachments.length} />
            </>
          )
        }
      </AsyncView>
    </div>
  );
}

function FileSection({
  context,
  services,
  attachmentCount
}: {
  context: MessageContext;
  services: PaneServices;
  attachmentCount: number;
}): React.ReactElement {
  const styles = useStyles();
  const [includeAttachments, setIncludeAttachments] = React.useState(false);
  const library = context.library;
  if (!library)
    return (
      <EmptyState title="Choose a records library" headingLevel={3}>
        <p>This email is not filed until you choose the records library above. Nothing was sent.</p>
      </EmptyState>
    );
  if (context.unfillableColumns.length > 0)
    return (
      <EmptyState title={`Email can't be filed into ${library.name}`} headingLevel={3}>
        <p>
          Its library plan requires {context.unfillableColumns.map((c) => `'${c}'`).join(', ')}, which Custodian cannot fill when filing
          email. Nothing was sent.
        </p>
        <p>
          <strong>What you can do: </strong>choose another library, or ask your site owner to map email to a library made for it.
        </p>
      </EmptyState>
    );
  const options = { includeAttachments: attachmentCount > 0 && includeAttachments };
  return (
    <>
      {context.existingCopy ? (
        <MessageBar intent="info" layout="multiline" data-testid="existing-copy">
          <MessageBarBody>
            <MessageBarTitle>This email is already filed.</MessageBarTitle> It is in {library.name} as{' '}
            {context.existingCopy.webUrl ? (
              <a href={context.existingCopy.webUrl} target="_blank" rel="noreferrer">
                {context.existingCopy.name}
              </a>
            ) : (
              context.existingCopy.name
            )}
            . Filing it again keeps that first copy instead of making a second one
            {attachmentCount > 0 ? ', and files beside it the attachments not filed with it yet' : ''}.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <DeclareForm
        key={library.key}
        noun="email"
        labels={context.labels}
        initialLabelName={library.defaultLabel}
        currentState={{ behavior: null, isLocked: false }}
        lockable={false}
        specs={context.specs}
        initialValues={context.values}
        columnsSource={`the ${library.name} library`}
        extraOptions={(busy) =>
          attachmentCount > 0 ? (
            <label className={styles.option}>
              <input
                type="checkbox"
                className={styles.box}
                checked={includeAttachments}
                disabled={busy}
                onChange={(e) => setIncludeAttachments(e.target.checked)}
              />
              <span>
                Also file the {attachmentCount === 1 ? 'attachment' : `${attachmentCount} attachments`} as{' '}
                {attachmentCount === 1 ? 'a record' : 'records'}, beside the email
              </span>
            </label>
          ) : null
        }
        plannedSteps={(request) => plannedFileSteps(request, options)}
        onSubmit={(request, onProgress) => services.file(context, request, onProgress, options)}
      />
    </>
  );
}
