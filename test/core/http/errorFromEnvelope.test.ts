import { refusalError } from '../../../src/core/services/declareRecord/refusalError';
import { errorFromEnvelope } from '../../../src/core/http/errorFromEnvelope';
import { errorFromFailure } from '../../../src/core/http/errorFromFailure';
import { CustodianError } from '../../../src/core/http/CustodianError';

const headers = (h: Record<string, string>) => ({ get: (n: string) => h[n.toLowerCase()] ?? null });

describe('errorFromEnvelope: one error from three envelopes', () => {
  it('reads Graph { error: { code, message, innerError } }, keeping the innermost code and the request id', () => {
    const e = errorFromEnvelope(
      403,
      {
        error: {
          code: 'accessDenied',
          message: 'Access denied',
          innerError: { code: 'insufficientScope', date: '2026-01-01T00:00:00', 'request-id': 'r-1', 'client-request-id': 'c-1' }
        }
      },
      { action: "label 'Plan.docx'" }
    );
    expect(e).toBeInstanceOf(CustodianError);
    expect(e).toMatchObject({
      status: 403,
      code: 'accessDenied',
      innerCode: 'insufficientScope',
      requestId: 'r-1',
      clientRequestId: 'c-1',
      source: 'graph',
      serviceMessage: 'Access denied'
    });
    expect(e.what).toBe("You don't have permission to label 'Plan.docx'.");
    expect(e.whatToDo).toMatch(/administrator/);
  });

  it('reads SharePoint nometadata { "odata.error": { code, message: { value } } }', () => {
    const e = errorFromEnvelope(
      400,
      {
        'odata.error': {
          code: '-1, Microsoft.SharePoint.Client.InvalidOperationException',
          message: { lang: 'en-US', value: 'Can not find compliance tag with value: X' }
        }
      },
      { headers: headers({ sprequestguid: 'sp-9' }) }
    );
    expect(e).toMatchObject({
      source: 'sharepoint',
      code: '-1, Microsoft.SharePoint.Client.InvalidOperationException',
      serviceMessage: 'Can not find compliance tag with value: X',
      requestId: 'sp-9'
    });
  });

  it('reads SharePoint verbose { error: { code, message: { value } } }', () => {
    const e = errorFromEnvelope(403, {
      error: { code: '-2147024891, System.UnauthorizedAccessException', message: { lang: 'en-US', value: 'Access denied.' } }
    });
    expect(e).toMatchObject({
      source: 'sharepoint',
      code: '-2147024891, System.UnauthorizedAccessException',
      serviceMessage: 'Access denied.'
    });
    expect(e.whatToDo).toMatch(/site owner/);
  });

  it('reads Entra { error, error_description }', () => {
    const e = errorFromEnvelope(400, {
      error: 'invalid_grant',
      error_description: 'AADSTS50173: The provided grant has expired.',
      correlation_id: 'corr-1',
      trace_id: 'trace-1'
    });
    expect(e).toMatchObject({ source: 'entra', code: 'invalid_grant', requestId: 'trace-1', clientRequestId: 'corr-1' });
    expect(e.why).toMatch(/sign-in/);
  });

  it('takes Retry-After and says when to try again; reads bodies in no envelope from the status', () => {
    const e = errorFromEnvelope(429, '<html>busy</html>', { headers: headers({ 'retry-after': '30', 'request-id': 'r-2' }), now: 0 });
    expect(e).toMatchObject({ code: 'http429', retryAfterMs: 30_000, requestId: 'r-2', isTransient: true });
    expect(e.whatToDo).toBe('Try again in about 30 seconds; nothing was lost.');
  });

  it.each([
    [404, /no longer exists/],
    [409, /same name/],
    [412, /changed it after you opened it/],
    [423, /locked/],
    [424, /earlier step/],
    [402, /metered/],
    [500, /unexpected/]
  ])('%d has its own explanation', (status, why) => {
    expect(errorFromEnvelope(status, {}).why).toMatch(why);
  });

  it('wraps an abort and a dropped connection with status 0', () => {
    const abort = Object.assign(new Error('aborted'), { name: 'AbortError' });
    expect(errorFromFailure(abort)).toMatchObject({ status: 0, code: 'aborted', source: 'client', isTransient: false });
    expect(errorFromFailure(new TypeError('fetch failed'))).toMatchObject({
      status: 0,
      code: 'networkError',
      source: 'network',
      isTransient: true
    });
  });

  it('never calls a refusal made before sending transient, so no one is offered a retry that cannot help', () => {
    const refusal = refusalError({
      code: 'regulatoryRecord',
      what: 'Relabel',
      why: 'A regulatory record keeps its label.',
      whatToDo: 'Leave it.'
    });
    expect(refusal).toMatchObject({ status: 0, source: 'client', isTransient: false });
  });
});
