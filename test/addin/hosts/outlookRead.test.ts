import { OfficeMockObject } from 'office-addin-mock';
import { CustodianError } from '../../../src/core/http/CustodianError';
import { createOutlookReadHost, type OutlookReadDeps } from '../../../src/addin/hosts/outlookRead';

const ewsId = 'AAMkAGI2TG93AAA/EWS+id=';
const restId = 'AAMkAGI2TG93AAA_EWS-id=';

function mailboxMock(
  item: Record<string, unknown> | undefined,
  hostName = 'OutlookWebApp'
): { mailbox: OutlookReadDeps['mailbox']; converted: string[][] } {
  const converted: string[][] = [];
  // `host: 'outlook'` (Outlook gives properties at once; no load and sync) as office-addin-mock reads it from the data.
  const mock = new OfficeMockObject({
    host: 'outlook',
    context: {
      mailbox: {
        ...(item ? { item } : {}),
        diagnostics: { hostName },
        convertToRestId: (id: string, version: string) => {
          converted.push([id, version]);
          return id.replace(/\//g, '_').replace(/\+/g, '-');
        }
      }
    }
  }) as unknown as { context: { mailbox: OutlookReadDeps['mailbox'] } };
  return { mailbox: mock.context.mailbox, converted };
}

const message = {
  itemId: ewsId,
  internetMessageId: '<CAF=42@mail.contoso.com>',
  conversationId: 'AAQkAGI2conv',
  subject: 'Re: Contract "Alpha" <draft> & O\'Brien',
  from: { displayName: 'Sam Okafor', emailAddress: 'sam.okafor@contoso.com' },
  to: [{ displayName: 'Ana Ortiz', emailAddress: 'ana.ortiz@contoso.com' }],
  dateTimeCreated: new Date('2026-03-02T09:30:00Z'),
  attachments: [
    { id: 'att1', name: 'NDA.pdf', contentType: 'application/pdf', size: 52_000, isInline: false, attachmentType: 'file' },
    { id: 'att2', name: 'logo.png', contentType: 'image/png', size: 2_000, isInline: true, attachmentType: 'file' }
  ],
  displayReplyForm: () => undefined
};

describe('Outlook read host adapter', () => {
  it('reads the message with its REST id, internet message id, sender and attachments', async () => {
    const { mailbox, converted } = mailboxMock(message);
    const subject = await createOutlookReadHost({ mailbox }).readSubject();
    expect(converted).toEqual([[ewsId, 'v2.0']]);
    expect(subject).toEqual({
      kind: 'message',
      restId,
      internetMessageId: '<CAF=42@mail.contoso.com>',
      conversationId: 'AAQkAGI2conv',
      subject: 'Re: Contract "Alpha" <draft> & O\'Brien',
      from: { name: 'Sam Okafor', address: 'sam.okafor@contoso.com' },
      to: [{ name: 'Ana Ortiz', address: 'ana.ortiz@contoso.com' }],
      received: '2026-03-02T09:30:00.000Z',
      attachments: [
        { id: 'att1', name: 'NDA.pdf', contentType: 'application/pdf', size: 52_000, isInline: false, attachmentType: 'file' },
        { id: 'att2', name: 'logo.png', contentType: 'image/png', size: 2_000, isInline: true, attachmentType: 'file' }
      ]
    });
  });

  it('uses the id as it is on Outlook mobile, which already gives REST ids', async () => {
    const { mailbox, converted } = mailboxMock({ ...message, itemId: restId }, 'OutlookIOS');
    const subject = await createOutlookReadHost({ mailbox }).readSubject();
    expect(converted).toEqual([]);
    expect(subject).toMatchObject({ restId });
  });

  it('explains when no message is selected', async () => {
    const { mailbox } = mailboxMock(undefined);
    const error = await createOutlookReadHost({ mailbox })
      .readSubject()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CustodianError);
    expect(error).toMatchObject({ code: 'noMessage', whatToDo: 'Select a message in your mailbox, then open Custodian again.' });
  });

  it('turns a failed id conversion into a clear error', async () => {
    const mailbox: OutlookReadDeps['mailbox'] = {
      item: message,
      convertToRestId: () => {
        throw new Error('Invalid id');
      }
    };
    await expect(createOutlookReadHost({ mailbox }).readSubject()).rejects.toMatchObject({
      code: 'convertToRestIdFailed',
      why: "Outlook could not convert the message's id: Invalid id"
    });
  });

  it('refuses an empty converted id rather than filing under no id', async () => {
    const mailbox: OutlookReadDeps['mailbox'] = { item: message, convertToRestId: () => '' };
    await expect(createOutlookReadHost({ mailbox }).readSubject()).rejects.toMatchObject({ code: 'convertToRestIdFailed' });
  });
});
