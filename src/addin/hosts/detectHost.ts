/// <reference types="office-js" />
import type { HostKind } from './HostAdapter';
import { hostError } from './hostError';

export type OfficeHostKind = Exclude<HostKind, 'demo'>;

/**
 * Which adapter fits the Office host that loaded the pane (`Office.onReady`'s `host`): Word, or Outlook in
 * read or compose mode. Read-mode items have `displayReplyForm`; compose-mode items do not. Any other host
 * (Excel, PowerPoint) is refused with a clear message.
 */
export function detectHost(info: { host?: unknown }, mailbox?: { item?: unknown }): OfficeHostKind {
  const host = String(info.host ?? '');
  if (host === 'Word') return 'word';
  if (host === 'Outlook') {
    const item = mailbox?.item as { displayReplyForm?: unknown } | null | undefined;
    if (!item) {
      throw hostError({
        code: 'noItem',
        what: 'There is no message open.',
        why: 'Outlook opened Custodian without a message selected.',
        whatToDo: 'Select or open a message, then open Custodian again.'
      });
    }
    return typeof item.displayReplyForm === 'function' ? 'outlookRead' : 'outlookCompose';
  }
  throw hostError({
    code: 'unsupportedHost',
    what: `Custodian does not work in ${host || 'this application'}.`,
    why: 'Custodian declares records from Word documents and files email from Outlook.',
    whatToDo: 'Open Custodian from Word or Outlook.'
  });
}

/**
 * Whether the host supports nested app authentication (requirement set NestedAppAuth 1.1). Without it,
 * Custodian signs in through a pop-up window instead.
 */
export function supportsNaa(requirements: { isSetSupported(name: string, minVersion?: string): boolean }): boolean {
  try {
    return requirements.isSetSupported('NestedAppAuth', '1.1');
  } catch {
    return false;
  }
}
