import { emailMessageFromGraph } from '../../../../src/core/services/demo/readNewestMessage';

describe('the demo email', () => {
  it('is read from Graph as Outlook read mode would give it', () => {
    expect(
      emailMessageFromGraph({
        id: 'AAMk1',
        internetMessageId: '<1@x>',
        subject: 'Re: Contract "Alpha"',
        from: { emailAddress: { name: 'Sam', address: 'sam@x' } },
        toRecipients: [{ emailAddress: { address: 'ana@x' } }],
        receivedDateTime: '2025-12-13T21:00:00Z'
      })
    ).toEqual({
      kind: 'message',
      restId: 'AAMk1',
      internetMessageId: '<1@x>',
      subject: 'Re: Contract "Alpha"',
      from: { name: 'Sam', address: 'sam@x' },
      to: [{ name: '', address: 'ana@x' }],
      received: '2025-12-13T21:00:00Z',
      attachments: []
    });
  });
});
