/**
 * @jest-environment jsdom
 */
// The host SDKs the surfaces use load under jest, and behave as the surfaces rely on
// (toolchain.md: PnPjs is ESM only, office-addin-mock needs a stub, teams-js calls fetch on import).
import { OfficeMockObject } from 'office-addin-mock';
import { spfi } from '@pnp/sp';
import '@pnp/sp/webs';
import { app } from '@microsoft/teams-js';

describe('office-addin-mock', () => {
  interface WordMock {
    context: { document: { properties: { title: string; load(name: string): void } }; sync(): Promise<void> };
  }

  it('makes Word properties readable only after load and sync, as in Office', async () => {
    const word = new OfficeMockObject({ context: { document: { properties: { title: 'Board minutes 2026' } } } }) as unknown as WordMock;
    const properties = word.context.document.properties;
    expect(properties.title).toBe('Error, property was not loaded');
    properties.load('title');
    await word.context.sync();
    expect(properties.title).toBe('Board minutes 2026');
  });

  it('gives Outlook properties at once, as Outlook does', () => {
    const outlook = new OfficeMockObject({ host: 'outlook', context: { mailbox: { item: { subject: 'Contract 42' } } } }) as unknown as {
      context: { mailbox: { item: { subject: string } } };
    };
    expect(outlook.context.mailbox.item.subject).toBe('Contract 42');
  });
});

describe('@pnp/sp', () => {
  it('builds SharePoint REST URLs from any base URL, such as the dev tenant', () => {
    const sp = spfi('http://127.0.0.1:9999/sites/finance');
    expect(sp.web.toUrl()).toBe('http://127.0.0.1:9999/sites/finance/_api/web');
  });
});

describe('@microsoft/teams-js', () => {
  it('rejects initialize outside Teams, which is how the tab knows to run in demo mode', async () => {
    await expect(app.initialize()).rejects.toThrow();
  });
});
