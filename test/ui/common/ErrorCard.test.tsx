/** @jest-environment jsdom */
import * as React from 'react';
import '@testing-library/jest-dom';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { errorFromEnvelope } from '../../../src/core/http/errorFromEnvelope';
import { AsyncView } from '../../../src/ui/common/AsyncView';
import { ErrorCard } from '../../../src/ui/common/ErrorCard';
import { errorText } from '../../../src/ui/common/errorText';
import { renderInFluent } from '../support/render';

describe('ErrorCard', () => {
  it("shows a CustodianError's what, why and what to do, with the request id for support", () => {
    const error = errorFromEnvelope(
      403,
      { error: { code: 'accessDenied', message: 'Access denied', innerError: { 'request-id': 'req-42' } } },
      { action: "label 'Plan.docx'" }
    );
    renderInFluent(<ErrorCard error={error} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent("You don't have permission to label 'Plan.docx'.");
    expect(alert).toHaveTextContent('Microsoft 365 refused the request for your account');
    expect(alert).toHaveTextContent('What you can do: Ask your site owner for access');
    expect(alert).toHaveTextContent('Request id for support: req-42');
  });

  it('shows a plain Error by its message, never as {}', () => {
    renderInFluent(<ErrorCard error={new Error('Word crashed')} fallbackWhat="Custodian couldn't read the document." />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent("Custodian couldn't read the document.");
    expect(alert).toHaveTextContent('Word crashed');
    expect(alert).not.toHaveTextContent('{}');
  });

  it('renders text from the error as text, not HTML', () => {
    renderInFluent(<ErrorCard error={new Error('<img src=x onerror=alert(1)>')} />);
    expect(screen.getByRole('alert')).toHaveTextContent('<img src=x onerror=alert(1)>');
    expect(document.querySelector('img')).toBeNull();
  });

  it('offers Try again by keyboard', async () => {
    const user = userEvent.setup();
    const retry = jest.fn();
    renderInFluent(<ErrorCard error={new Error('x')} onRetry={retry} />);
    await user.tab();
    expect(screen.getByRole('button', { name: 'Try again' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(retry).toHaveBeenCalledTimes(1);
  });
});

describe('errorText', () => {
  it('describes what it cannot recognise', () => {
    expect(errorText(undefined).why).toBe('Custodian met a problem it does not recognise.');
    expect(errorText('plain text').why).toBe('plain text');
    expect(errorText({ message: 'from an SDK' }).why).toBe('from an SDK');
  });
});

describe('AsyncView', () => {
  it('shows the loading, error and data states', () => {
    const { rerender } = renderInFluent(
      <AsyncView state={{ status: 'loading' }} loadingLabel="Reading the document">
        {(data: string) => <p>{data}</p>}
      </AsyncView>
    );
    expect(screen.getByRole('status')).toHaveTextContent('Reading the document');
    rerender(
      <AsyncView state={{ status: 'error', error: new Error('offline') }} loadingLabel="Reading the document">
        {(data: string) => <p>{data}</p>}
      </AsyncView>
    );
    expect(screen.getByRole('alert')).toHaveTextContent('offline');
    rerender(
      <AsyncView state={{ status: 'ready', data: 'Budget.xlsx' }} loadingLabel="Reading the document">
        {(data: string) => <p>{data}</p>}
      </AsyncView>
    );
    expect(screen.getByText('Budget.xlsx')).toBeInTheDocument();
  });
});
