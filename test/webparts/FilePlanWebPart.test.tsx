/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { screen, waitFor } from '@testing-library/react';
import * as themes from '../../src/webparts/filePlan/fluentThemeFromSpfx';

// SPFx's runtime packages load only inside SharePoint's page; the web part sees these stand-ins with the same shape.
jest.mock('@microsoft/sp-webpart-base', () => ({
  BaseClientSideWebPart: class {
    context: unknown;
    properties: unknown;
    domElement!: HTMLElement;
    async onInit(): Promise<void> {}
  }
}));
jest.mock('@microsoft/sp-core-library', () => ({ Version: { parse: (v: string) => v } }));
jest.mock('@microsoft/sp-property-pane', () => ({
  PropertyPaneTextField: (targetProperty: string, properties: unknown) => ({ targetProperty, properties })
}));
jest.mock('@microsoft/sp-component-base', () => ({ ThemeProvider: { serviceKey: 'ThemeProvider' } }));
jest.mock(
  'FilePlanWebPartStrings',
  () => ({
    PropertyPaneDescription: 'Where Custodian keeps its lists.',
    SettingsGroupName: 'Records site',
    RecordsSiteUrlFieldLabel: 'Records site URL',
    RecordsSiteUrlFieldDescription: 'Leave empty to use this site.'
  }),
  { virtual: true }
);

// eslint-disable-next-line @typescript-eslint/no-var-requires -- loaded after the mocks above
const FilePlanWebPart = require('../../src/webparts/filePlan/FilePlanWebPart').default;

interface Harness {
  part: {
    onInit(): Promise<void>;
    render(): void;
    onDispose(): void;
    getPropertyPaneConfiguration(): {
      pages: { groups: { groupFields: { properties: { onGetErrorMessage(v: string): string } }[] }[] }[];
    };
  };
  getToken: jest.Mock;
  themeChanged: (args: { theme?: unknown; themeV2?: unknown }) => void;
}

function webPart(recordsSiteUrl: string, themeV2?: Record<string, string>): Harness {
  const getToken = jest.fn(async (resource: string) => `token for ${resource}`);
  let onThemeChanged: (args: { theme?: unknown; themeV2?: unknown }) => void = () => undefined;
  const provider = {
    tryGetThemeV2: () => themeV2,
    tryGetTheme: () => ({ palette: { themePrimary: '#008b8b' } }),
    themeChangedEvent: {
      add: (_observer: unknown, handler: typeof onThemeChanged) => (onThemeChanged = handler),
      remove: (_observer: unknown, handler: typeof onThemeChanged) => {
        if (onThemeChanged === handler) onThemeChanged = () => undefined;
      }
    }
  };
  const part = new FilePlanWebPart();
  Object.assign(part, {
    domElement: document.body.appendChild(document.createElement('div')),
    properties: { recordsSiteUrl },
    context: {
      pageContext: { web: { absoluteUrl: 'https://contoso.sharepoint.com/sites/finance' } },
      aadTokenProviderFactory: { getTokenProvider: async () => ({ getToken }) },
      serviceScope: { consume: (key: string) => (key === 'ThemeProvider' ? provider : undefined) }
    }
  });
  rendered.push(part);
  return { part, getToken, themeChanged: (args) => onThemeChanged(args) };
}

const rendered: Harness['part'][] = [];

afterEach(() => {
  // Unmounting aborts the app's requests, so nothing outlives its test.
  for (const part of rendered.splice(0)) part.onDispose();
  document.body.innerHTML = '';
});

describe('FilePlanWebPart', () => {
  it("renders the shared app for the page's site, with tokens from SPFx for Graph and for SharePoint on the page's origin", async () => {
    const { part, getToken } = webPart('https://contoso.sharepoint.com/sites/records/');
    await part.onInit();
    part.render();
    expect(screen.getByRole('heading', { level: 2, name: 'Custodian file plan' })).toBeInTheDocument();
    expect(screen.getByTestId('site-url')).toHaveTextContent('https://contoso.sharepoint.com/sites/finance');
    expect(screen.getByText(/on https:\/\/contoso.sharepoint.com\/sites\/records\./)).toBeInTheDocument();
    // The app's first requests ask SPFx for a token per resource (unit tests have no network, so they go no further).
    await waitFor(
      () =>
        expect(getToken.mock.calls.map(([resource]) => resource)).toEqual(
          expect.arrayContaining(['https://graph.microsoft.com', 'https://contoso.sharepoint.com'])
        ),
      { timeout: 5000 }
    );
    part.onDispose();
    expect(screen.queryByRole('heading', { name: 'Custodian file plan' })).not.toBeInTheDocument();
  });

  it('uses this site when the records site URL is empty or not a site address', async () => {
    const { part } = webPart('http://not-https.example/sites/records');
    await part.onInit();
    part.render();
    expect(screen.getByText(/on this site\./)).toBeInTheDocument();
  });

  it("follows SharePoint's theme: SPFx's Fluent v9 theme first, and again when the theme or section changes", async () => {
    const spy = jest.spyOn(themes, 'fluentThemeFromSpfx');
    const { part, themeChanged } = webPart('', { colorBrandBackground: '#123456' });
    await part.onInit();
    expect(spy).toHaveBeenLastCalledWith({ colorBrandBackground: '#123456' }, { palette: { themePrimary: '#008b8b' } });
    part.render();
    const inverted = { isInverted: true, palette: { themePrimary: '#008b8b' } };
    themeChanged({ theme: inverted, themeV2: undefined });
    expect(spy).toHaveBeenLastCalledWith(undefined, inverted);
    expect(screen.getByRole('heading', { level: 2, name: 'Custodian file plan' })).toBeInTheDocument();
    spy.mockRestore();
  });

  it('checks the records site URL in the property pane', () => {
    const { part } = webPart('');
    const field = part.getPropertyPaneConfiguration().pages[0].groups[0].groupFields[0];
    expect(field.properties.onGetErrorMessage('')).toBe('');
    expect(field.properties.onGetErrorMessage('https://contoso.sharepoint.com/sites/records')).toBe('');
    expect(field.properties.onGetErrorMessage('records')).toMatch(/full address/);
  });
});
