import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Version } from '@microsoft/sp-core-library';
import { ThemeProvider, type ThemeChangedEventArgs } from '@microsoft/sp-component-base';
import { type IPropertyPaneConfiguration, PropertyPaneTextField } from '@microsoft/sp-property-pane';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import { FluentProvider, type Theme } from '@fluentui/react-components';
import * as strings from 'FilePlanWebPartStrings';
import { createSpfxTokenProvider } from '../../core/auth/createSpfxTokenProvider';
import { createGraphGateway } from '../../core/graph/createGraphGateway';
import { createSiteScope } from '../../core/services/libraryPlan/siteScope';
import { createSharePoint } from '../../core/sharepoint/createSharePoint';
import { FilePlanApp } from '../../ui/filePlan/FilePlanApp';
import { composeFilePlanServices, type FilePlanServices } from '../../ui/filePlan/FilePlanServices';
import { fluentThemeFromSpfx } from './fluentThemeFromSpfx';
import { recordsSiteUrlError } from './recordsSiteUrl';

export interface FilePlanWebPartProps {
  recordsSiteUrl: string;
}

/**
 * A thin composition root: reads SPFx's context (the site, the AAD token provider, the theme) and the property
 * pane, builds the app's services and renders the shared app. Everything else lives in src/ui and src/core.
 */
export default class FilePlanWebPart extends BaseClientSideWebPart<FilePlanWebPartProps> {
  private theme: Theme | undefined;
  private stopFollowingTheme: (() => void) | undefined;
  private built: { recordsSiteUrl: string; services: FilePlanServices } | undefined;

  protected async onInit(): Promise<void> {
    await super.onInit();
    const themes = this.context.serviceScope.consume(ThemeProvider.serviceKey);
    this.theme = fluentThemeFromSpfx(themes.tryGetThemeV2(), themes.tryGetTheme());
    const onThemeChanged = (args: ThemeChangedEventArgs): void => {
      this.theme = fluentThemeFromSpfx(args.themeV2, args.theme);
      this.render();
    };
    themes.themeChangedEvent.add(this, onThemeChanged);
    this.stopFollowingTheme = () => themes.themeChangedEvent.remove(this, onThemeChanged);
  }

  public render(): void {
    const siteUrl = this.context.pageContext.web.absoluteUrl;
    const app = React.createElement(FilePlanApp, {
      siteUrl,
      recordsSiteUrl: this.recordsSiteUrl(),
      services: this.services(siteUrl)
    });
    ReactDom.render(
      React.createElement(FluentProvider, { theme: this.theme ?? fluentThemeFromSpfx(undefined, undefined) }, app),
      this.domElement
    );
  }

  /** Built once per records site: Graph through SPFx's token provider, SharePoint REST on the page's own origin. */
  private services(siteUrl: string): FilePlanServices {
    const recordsSiteUrl = this.recordsSiteUrl();
    if (this.built?.recordsSiteUrl !== recordsSiteUrl) {
      const tokens = createSpfxTokenProvider(async (resource) =>
        (await this.context.aadTokenProviderFactory.getTokenProvider()).getToken(resource)
      );
      const graph = createGraphGateway({ tokens });
      const site = createSharePoint(siteUrl, { tokens, governor: graph.governor, timing: graph.timing });
      const scope = createSiteScope({ graph, site, recordsSiteUrl });
      const services: FilePlanServices = composeFilePlanServices(scope);
      this.built = { recordsSiteUrl, services };
    }
    return this.built.services;
  }

  /** The property pane's records site, when it is a valid URL; otherwise this site. */
  private recordsSiteUrl(): string {
    const value = (this.properties.recordsSiteUrl ?? '').trim();
    return value && !recordsSiteUrlError(value) ? value.replace(/\/+$/, '') : '';
  }

  protected onDispose(): void {
    this.stopFollowingTheme?.();
    ReactDom.unmountComponentAtNode(this.domElement);
  }

  protected get dataVersion(): Version {
    return Version.parse('1.0');
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return {
      pages: [
        {
          header: { description: strings.PropertyPaneDescription },
          groups: [
            {
              groupName: strings.SettingsGroupName,
              groupFields: [
                PropertyPaneTextField('recordsSiteUrl', {
                  label: strings.RecordsSiteUrlFieldLabel,
                  description: strings.RecordsSiteUrlFieldDescription,
                  onGetErrorMessage: (value: string) => recordsSiteUrlError(value),
                  deferredValidationTime: 500
                })
              ]
            }
          ]
        }
      ]
    };
  }
}
