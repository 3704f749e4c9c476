import * as React from 'react';
import { act } from 'react-dom/test-utils';
import { configure } from '@testing-library/dom';
import { render, type RenderResult } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';

// user-event 14 drives the top-level @testing-library/dom (v10), while Testing Library for React 17 wraps only its
// own nested copy (v8) in act(). Wrapping this one the same way lets React flush each interaction's updates.
configure({
  asyncWrapper: async (cb) => {
    let result: unknown;
    await act(async () => {
      result = await cb();
    });
    return result;
  },
  eventWrapper: (cb) => {
    let result: unknown;
    act(() => {
      result = cb();
    });
    return result;
  }
});

/** Renders inside Fluent's provider, as mountApp does on the page. */
export function renderInFluent(ui: React.ReactElement): RenderResult {
  return render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);
}
