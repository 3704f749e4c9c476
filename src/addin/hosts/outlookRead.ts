/// <reference types="office-js" />
import type { AttachmentSummary, HostAdapter, MailAddress, MessageSubject } from './HostAdapter';
import { hostError } from './hostError';
import { createMemoryPreferences, createRoamingPreferences, type RoamingSettingsLike } from './preferences';

/** What the Outlook read adapter needs from `Office.context.mailbox`: injected so tests can pass mocks. */
export interface OutlookReadDeps {
  mailbox: {
    item?: unknown;
    convertToRestId(itemId: string, restVersion: string): string;
    diagnostics?: { hostName?: string };
  };
  /** `Office.context.roamingSettings`: where the pane remembers the records library email is filed into. */
  roamingSettings?: RoamingSettingsLike;
}

interface ReadItemLike {
  itemId?: string;
  internetMessageId?: string;
  conversationId?: string;
  subject?: string;
  from?: { displayName?: string; emailAddress?: string } | null;
  to?: { displayName?: string; emailAddress?: string }[] | null;
  dateTimeCreated?: Date | string;
  attachments?: Partial<Office.AttachmentDetails>[] | null;
}

const address = (a: { displayName?: string; emailAddress?: string } | null | undefined): MailAddress | undefined =>
  a && (a.emailAddress || a.displayName) ? { name: a.displayName ?? '', address: a.emailAddress ?? '' } : undefined;

/** Outlook on iOS and Android already gives REST-format ids; everywhere else `itemId` is an EWS id. */
function isMobile(hostName: string | undefined): boolean {
  return hostName === 'OutlookIOS' || hostName === 'OutlookAndroid';
}

/**
 * Outlook read mode: the message being read, with its REST id for Graph (`convertToRestId`, v2.0), its
 * internet message id (how Custodian recognises a message filed before), subject, sender, recipients and
 * attachments.
 */
export function createOutlookReadHost(deps: OutlookReadDeps): HostAdapter {
  return {
    kind: 'outlookRead',
    label: 'Outlook',
    preferences: deps.roamingSettings ? createRoamingPreferences(deps.roamingSettings) : createMemoryPreferences(),
    readSubject(): Promise<MessageSubject> {
      const item = deps.mailbox.item as ReadItemLike | undefined;
      if (!item || !item.itemId) {
        return Promise.reject(
          hostError({
            code: 'noMessage',
            what: 'There is no message to file.',
            why: 'Outlook has no message selected, or the message is still being loaded.',
            whatToDo: 'Select a message in your mailbox, then open Custodian again.'
          })
        );
      }
      let restId: string;
      try {
        restId = isMobile(deps.mailbox.diagnostics?.hostName) ? item.itemId : deps.mailbox.convertToRestId(item.itemId, 'v2.0');
      } catch (e) {
        return Promise.reject(
          hostError({
            code: 'convertToRestIdFailed',
            what: "Custodian couldn't identify the message for Microsoft 365.",
            why: `Outlook could not convert the message's id: ${e instanceof Error ? e.message : String(e)}`,
            whatToDo: 'Update Outlook, or open the message in Outlook on the web, then try again.',
            cause: e
          })
        );
      }
      if (!restId) {
        return Promise.reject(
          hostError({
            code: 'convertToRestIdFailed',
            what: "Custodian couldn't identify the message for Microsoft 365.",
            why: 'Outlook returned an empty id for the message.',
            whatToDo: 'Close the message, open it again, then try again.'
          })
        );
      }
      const created = item.dateTimeCreated;
      const received = created instanceof Date ? created.toISOString() : typeof created === 'string' ? created : undefined;
      const attachments: AttachmentSummary[] = (item.attachments ?? []).map((a) => ({
        id: a.id ?? '',
        name: a.name ?? '',
        contentType: a.contentType ?? '',
        size: a.size ?? 0,
        isInline: a.isInline === true,
        attachmentType: String(a.attachmentType ?? 'file')
      }));
      return Promise.resolve({
        kind: 'message',
        restId,
        internetMessageId: item.internetMessageId ?? '',
        ...(item.conversationId ? { conversationId: item.conversationId } : {}),
        subject: item.subject ?? '',
        from: address(item.from),
        to: (item.to ?? []).map(address).filter((a): a is MailAddress => a !== undefined),
        ...(received ? { received } : {}),
        attachments
      });
    }
  };
}
