import type { Message } from '@microsoft/microsoft-graph-types';
import type { GraphGateway } from '../../graph/GraphGateway';
import { getMessageMime } from '../../graph/messages/getMessageMime';
import { listNewestMessages } from '../../graph/messages/listNewestMessages';
import { CustodianError } from '../../http/CustodianError';
import type { EmailMessage, MailAddress } from '../fileEmail/EmailMessage';
import { parseMimeAttachments } from '../fileMessage/parseMimeAttachments';

/** The message properties the pane shows, as Outlook read mode gives them. */
const selected: (keyof Message)[] = [
  'id',
  'internetMessageId',
  'conversationId',
  'subject',
  'from',
  'toRecipients',
  'receivedDateTime',
  'hasAttachments'
];

const addressOf = (r: Message['from']): MailAddress | undefined =>
  r?.emailAddress && (r.emailAddress.address || r.emailAddress.name)
    ? { name: r.emailAddress.name ?? '', address: r.emailAddress.address ?? '' }
    : undefined;

/** A Graph message as the pane's message (what Outlook read mode would give for it). */
export function emailMessageFromGraph(message: Message): EmailMessage {
  return {
    kind: 'message',
    restId: String(message.id ?? ''),
    internetMessageId: message.internetMessageId ?? '',
    ...(message.conversationId ? { conversationId: message.conversationId } : {}),
    subject: message.subject ?? '',
    from: addressOf(message.from),
    to: (message.toRecipients ?? []).map((r) => addressOf(r)).filter((a): a is MailAddress => a !== undefined),
    ...(message.receivedDateTime ? { received: message.receivedDateTime } : {}),
    attachments: []
  };
}

/**
 * Demo mode's email: the newest message in the signed-in persona's mailbox (the dev tenant seeds 100 for the
 * office worker), read through the same gateway the pane files it with.
 * Permission (least privileged): Mail.ReadBasic.
 */
export async function readNewestMessage(graph: GraphGateway, signal?: AbortSignal): Promise<EmailMessage> {
  const [message] = await listNewestMessages(graph, 1, selected, signal ? { signal } : {});
  if (!message?.id)
    throw new CustodianError({
      status: 0,
      code: 'demoMailboxEmpty',
      serviceMessage: '',
      source: 'client',
      what: 'There is no email to open.',
      why: "The demo persona's mailbox is empty.",
      whatToDo: 'Choose another persona, or reset the dev tenant (POST /devtenant/reset) to seed its mailboxes again.'
    });
  const subject = emailMessageFromGraph(message);
  if (!message.hasAttachments) return subject;
  // The dev tenant serves no attachment resources: a message delivered with attachments lists them from its MIME.
  const mime = await getMessageMime(graph, subject.restId, signal ? { signal } : {});
  const attachments = parseMimeAttachments(await mime.text()).map((a, n) => ({
    id: `mime-${n}`,
    name: a.fileName,
    contentType: a.contentType,
    size: a.bytes.byteLength,
    isInline: false,
    attachmentType: 'file'
  }));
  return { ...subject, attachments };
}
