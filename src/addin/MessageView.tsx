import * as React from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { AsyncView } from '../ui/common/AsyncView';
import { EmptyState } from '../ui/common/EmptyState';
import { useAsync } from '../ui/common/useAsync';
import { DeclareForm, type DeclareRequest } from '../ui/declare/DeclareForm';
import { formatDateTime } from '../ui/declare/formatting';
import type { StepProgress } from '../ui/declare/model';
import type { MessageSubject } from './hosts/HostAdapter';
import type { PaneServices } from './paneServices';

export interface MessageViewProps {
  message: MessageSubject;
  services: PaneServices;
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
  attachments: { margin: 0, paddingLeft: tokens.spacingHorizontalXL }
});

/** The steps of filing a message, in the order the core runs them. */
export function plannedFileSteps(request: DeclareRequest): StepProgress[] {
  return [
    { id: 'upload', label: 'Save the email as an .eml file in the records library', state: 'pending' },
    { id: 'fields', label: 'Save the metadata', state: 'pending' },
    { id: 'retentionLabel', label: `Apply the retention label "${request.retentionLabel}"`, state: 'pending' },
    { id: 'category', label: 'Mark the email as filed', state: 'pending' }
  ];
}

function kilobytes(size: number): string {
  return size < 1024 ? `${size} bytes` : `${Math.round(size / 1024)} KB`;
}

/**
 * A message being read: what it is, where the file plan files email, and the file form. A message with no
 * records library mapped gets a clear message and no form, so nothing is half filed.
 */
export function MessageView({ message, services, locale }: MessageViewProps): React.ReactElement {
  const styles = useStyles();
  const [state, reload] = useAsync((signal) => services.openMessage(message, signal), [services, message.restId]);
  const attachments = message.attachments.filter((a) => !a.isInline);
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
          context.library === null ? (
            <EmptyState title="No records library is set up for email">
              <p>Your organisation&apos;s file plan does not say which records library email is filed into, so Custodian cannot file it.</p>
              <p>
                <strong>What you can do: </strong>ask your site owner to map a records library for email in Custodian&apos;s File plan web
                part, then open this email again.
              </p>
            </EmptyState>
          ) : (
            <>
              {context.existingCopy ? (
                <MessageBar intent="info" layout="multiline">
                  <MessageBarBody>
                    <MessageBarTitle>This email is already filed.</MessageBarTitle> It is in {context.library.name} as{' '}
                    <a href={context.existingCopy.webUrl} target="_blank" rel="noreferrer">
                      {context.existingCopy.name}
                    </a>
                    . Filing it again updates that copy instead of making a second one.
                  </MessageBarBody>
                </MessageBar>
              ) : null}
              <DeclareForm
                noun="email"
                actionLabel="File as record"
                busyLabel="Filing…"
                labels={context.labels}
                initialLabelName={context.library.defaultLabel}
                currentState={{ behavior: null, isLocked: false }}
                specs={context.specs}
                initialValues={context.values}
                columnsSource={`the ${context.library.name} library`}
                plannedSteps={plannedFileSteps}
                onSubmit={(request, onProgress) => services.file(context, request, onProgress)}
              />
            </>
          )
        }
      </AsyncView>
    </div>
  );
}
