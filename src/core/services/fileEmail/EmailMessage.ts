export interface MailAddress {
  name: string;
  address: string;
}

export interface AttachmentSummary {
  id: string;
  name: string;
  contentType: string;
  size: number;
  isInline: boolean;
  /** `file`, `item` (an attached message) or `cloud` (a link), as Office reports it. */
  attachmentType: string;
}

/** A message as Outlook read mode gives it (or the demo reads it from Graph): what is shown and filed. */
export interface EmailMessage {
  kind: 'message';
  /** Graph's (REST) id, from `convertToRestId`. */
  restId: string;
  internetMessageId: string;
  conversationId?: string;
  subject: string;
  from: MailAddress | undefined;
  to: MailAddress[];
  /** ISO 8601. */
  received?: string;
  attachments: AttachmentSummary[];
}
