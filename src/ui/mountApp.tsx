import * as React from 'react';
import * as ReactDom from 'react-dom';
import { FluentProvider, type Theme, webLightTheme } from '@fluentui/react-components';

/** Renders a surface's app into the page's `#root`, inside Fluent UI's provider. */
export function mountApp(app: React.ReactElement, theme: Theme = webLightTheme): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('The page has no element with id "root" to render Custodian into.');
  ReactDom.render(
    <FluentProvider theme={theme} style={{ minHeight: '100vh' }}>
      {app}
    </FluentProvider>,
    root
  );
}
