import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Version } from '@microsoft/sp-core-library';
import { type IPropertyPaneConfiguration, PropertyPaneTextField } from '@microsoft/sp-property-pane';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import * as strings from 'FilePlanWebPartStrings';
import { FilePlanApp } from '../../ui/filePlan/FilePlanApp';

export interface FilePlanWebPartProps {
  recordsSiteUrl: string;
}

/** A thin composition root: reads SPFx's context, builds what the app needs and renders the shared app. */
export default class FilePlanWebPart extends BaseClientSideWebPart<FilePlanWebPartProps> {
  public render(): void {
    const app = React.createElement(FilePlanApp, {
      siteUrl: this.context.pageContext.web.absoluteUrl,
      recordsSiteUrl: this.properties.recordsSiteUrl
    });
    ReactDom.render(React.createElement(FluentProvider, { theme: webLightTheme }, app), this.domElement);
  }

  protected onDispose(): void {
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
                  description: strings.RecordsSiteUrlFieldDescription
                })
              ]
            }
          ]
        }
      ]
    };
  }
}
