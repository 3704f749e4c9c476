import * as React from 'react';
import { Body1, Caption1, MessageBar, MessageBarBody, MessageBarTitle, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { AsyncView } from '../ui/common/AsyncView';
import { ErrorCard } from '../ui/common/ErrorCard';
import { useAsync } from '../ui/common/useAsync';
import { DocumentView } from './DocumentView';
import { DraftView } from './DraftView';
import type { HostAdapter } from './hosts/HostAdapter';
import { MessageView } from './MessageView';
import type { PaneServices } from './services/PaneServices';

/** A note the pane shows above everything: a host without NAA, demo mode. */
export interface PaneNotice {
  id: string;
  intent: 'info' | 'warning';
  title: string;
  text: string;
}

/** A host and the services signed in for it. */
export interface PaneSession {
  host: HostAdapter;
  services: PaneServices;
}

export interface TaskPaneAppProps {
  /** "Word", "Outlook", or "Demo" in a plain browser tab. */
  hostName: string;
  /** Undefined while nothing is chosen yet (demo mode before a demo item is opened). */
  session?: PaneSession;
  /** Why the pane could not start (office.js not loaded, an unsupported host): shown with what to do. */
  startupError?: unknown;
  notices?: readonly PaneNotice[];
  /** Demo mode's controls (persona, demo item), above the item. */
  toolbar?: React.ReactNode;
  locale?: string;
}

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    maxWidth: '100%',
    minWidth: 0,
    boxSizing: 'border-box',
    overflowWrap: 'anywhere'
  }
});

function SubjectView({ session, locale }: { session: PaneSession; locale?: string }): React.ReactElement {
  const { host, services } = session;
  const [state, reload] = useAsync((signal) => host.readSubject(signal), [host]);
  return (
    <AsyncView
      state={state}
      loadingLabel={`Reading the item from ${host.label}`}
      errorWhat={`Custodian couldn't read the item from ${host.label}.`}
      onRetry={reload}
    >
      {(subject) => {
        switch (subject.kind) {
          case 'document':
            return <DocumentView subject={subject} host={host} services={services} locale={locale} />;
          case 'message':
            return (
              <MessageView key={subject.restId} message={subject} services={services} preferences={host.preferences} locale={locale} />
            );
          case 'draft':
            return <DraftView draft={subject} host={host} />;
        }
      }}
    </AsyncView>
  );
}

/** The office worker's pane: what this document or message is, and declaring it a record. */
export function TaskPaneApp({ hostName, session, startupError, notices = [], toolbar, locale }: TaskPaneAppProps): React.ReactElement {
  const styles = useStyles();
  return (
    <main className={styles.root} aria-labelledby="custodian-pane-title">
      <Title2 as="h1" id="custodian-pane-title">
        Custodian
      </Title2>
      <Body1>
        Declare this item a record: a classification, a retention label from the file plan and the metadata its library requires.
      </Body1>
      <Caption1>
        Host: <span data-testid="host-name">{hostName}</span>
      </Caption1>
      {notices.map((notice) => (
        <MessageBar key={notice.id} intent={notice.intent} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{notice.title}</MessageBarTitle> {notice.text}
          </MessageBarBody>
        </MessageBar>
      ))}
      {toolbar}
      {startupError !== undefined ? <ErrorCard error={startupError} fallbackWhat="Custodian couldn't start." /> : null}
      {session ? <SubjectView key={`${session.host.kind}`} session={session} locale={locale} /> : null}
    </main>
  );
}
