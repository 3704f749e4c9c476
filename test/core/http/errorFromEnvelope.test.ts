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
    expect(e).toMatchObject({
      source: 'entra',
      code: 'invalid_grant',
      serviceMessage: 'AADSTS50173: The provided grant has expired.',
      requestId: 'trace-1',
      clientRequestId: 'corr-1'
    });
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

  it("keeps Graph's innermost code from its documented throttling answer (three levels deep)", () => {
    // The 429 body Graph sends for OneDrive throttling: activityLimitReached > throttledRequest > quota.
    const e = errorFromEnvelope(429, {
      error: {
        code: 'activityLimitReached',
        message: 'The request has been throttled',
        innerError: {
          code: 'throttledRequest',
          innerError: { code: 'quota' },
          date: '2021-11-30T12:17:46',
          'request-id': '01c3bdb8-fbb1-4613-96ad-be961ba99e11',
          'client-request-id': '01c3bdb8-fbb1-4613-96ad-be961ba99e12'
        }
      }
    });
    expect(e).toMatchObject({
      code: 'activityLimitReached',
      innerCode: 'quota',
      requestId: '01c3bdb8-fbb1-4613-96ad-be961ba99e11',
      clientRequestId: '01c3bdb8-fbb1-4613-96ad-be961ba99e12'
    });
  });

  it('keeps the last code given when a deeper innerError has none, and reads the lower-case spelling', () => {
    const e = errorFromEnvelope(400, {
      error: { code: 'badRequest', message: 'x', innererror: { code: 'invalidRange', innererror: { date: '2026-01-15T09:00:00' } } }
    });
    expect(e.innerCode).toBe('invalidRange');
    const camel = errorFromEnvelope(400, { error: { code: 'badRequest', message: 'x', innerError: { innererror: { code: 'deep' } } } });
    expect(camel.innerCode).toBe('deep');
  });

  it('reads eight levels of innerError and no more, and never loops on one that contains itself', () => {
    let chain: Record<string, unknown> = {};
    for (let level = 10; level >= 1; level--) chain = { code: `level${level}`, innerError: chain };
    expect(errorFromEnvelope(400, { error: { code: 'outer', message: 'x', innerError: chain } }).innerCode).toBe('level8');
    const loop: Record<string, unknown> = { code: 'cyclic' };
    loop.innerError = loop;
    expect(errorFromEnvelope(400, { error: { code: 'outer', message: 'x', innerError: loop } }).innerCode).toBe('cyclic');
  });

  it('reads request-id from innererror and the camel-case ids some services send', () => {
    expect(errorFromEnvelope(500, { error: { code: 'x', message: 'm', innererror: { 'request-id': 'r-low' } } }).requestId).toBe('r-low');
    expect(
      errorFromEnvelope(500, { error: { code: 'x', message: 'm', innerError: { requestId: 'r-camel', clientRequestId: 'c-camel' } } })
    ).toMatchObject({ requestId: 'r-camel', clientRequestId: 'c-camel' });
  });

  it("prefers the request id in the body, then the request-id header, then SharePoint's SPRequestGuid", () => {
    const both = headers({ 'request-id': 'h-1', sprequestguid: 'sp-1', 'client-request-id': 'hc-1' });
    const inBody = { error: { code: 'x', message: 'm', innerError: { 'request-id': 'b-1', 'client-request-id': 'bc-1' } } };
    expect(errorFromEnvelope(500, inBody, { headers: both })).toMatchObject({ requestId: 'b-1', clientRequestId: 'bc-1' });
    expect(errorFromEnvelope(500, { error: { code: 'x', message: 'm' } }, { headers: both })).toMatchObject({
      requestId: 'h-1',
      clientRequestId: 'hc-1'
    });
    expect(errorFromEnvelope(500, '', { headers: headers({ sprequestguid: 'sp-1' }) }).requestId).toBe('sp-1');
    const none = errorFromEnvelope(500, '', { headers: headers({}) });
    expect(none.requestId).toBeUndefined();
    expect(none.clientRequestId).toBeUndefined();
  });

  it.each<[string, unknown]>([
    ['no body', undefined],
    ['null', null],
    ['a JSON array', [{ error: { code: 'accessDenied' } }]],
    ['a number', 42],
    ['an object in no envelope', { message: 'Access denied' }],
    ['an error that is neither text nor an object', { error: 42 }]
  ])('reads %s as no envelope: a code from the status, Graph as the source, no service message', (_name, body) => {
    const e = errorFromEnvelope(503, body, { headers: headers({ 'retry-after': '5' }), now: 0 });
    expect(e).toMatchObject({ status: 503, code: 'http503', source: 'graph', serviceMessage: '', retryAfterMs: 5000 });
    expect(e.innerCode).toBeUndefined();
    expect(e.whatToDo).toBe('Try again in about 5 seconds; nothing was lost.');
  });

  it('keeps the first 500 characters of a body that is not JSON, for support', () => {
    const page = `<html>${'x'.repeat(600)}</html>`;
    const e = errorFromEnvelope(502, page);
    expect(e.serviceMessage).toBe(page.slice(0, 500));
    expect(e.serviceMessage).toHaveLength(500);
  });

  it.each<[string, unknown, Record<string, unknown>]>([
    ['Graph with no code and no message', { error: {} }, { source: 'graph', code: 'unknown', serviceMessage: '' }],
    ['Graph with an empty code', { error: { code: '', message: 'm' } }, { source: 'graph', code: 'unknown', serviceMessage: 'm' }],
    // A status number where Graph documents a string code: support reads 'unknown', never a number passed off as a code.
    [
      'Graph with a code that is not text',
      { error: { code: 403, message: 'm' } },
      { source: 'graph', code: 'unknown', serviceMessage: 'm' }
    ],
    ['Graph with a message that is not text', { error: { code: 'x', message: 7 } }, { source: 'graph', code: 'x', serviceMessage: '' }],
    ['Graph with innerError that is not an object', { error: { code: 'x', message: 'm', innerError: 'r-9' } }, { requestId: undefined }],
    [
      'SharePoint with no code and an empty message',
      { 'odata.error': { message: { lang: 'en-US', value: '' } } },
      { source: 'sharepoint', code: 'unknown', serviceMessage: '' }
    ],
    ['SharePoint with no message', { 'odata.error': { code: '-1, X' } }, { source: 'sharepoint', code: '-1, X', serviceMessage: '' }],
    ['SharePoint with a plain-text message', { 'odata.error': { code: '-1, X', message: 'plain' } }, { serviceMessage: 'plain' }],
    [
      'SharePoint verbose with no message text',
      { error: { code: '-1, X', message: { lang: 'en-US' } } },
      { source: 'sharepoint', code: '-1, X', serviceMessage: '' }
    ],
    [
      'SharePoint verbose with no code',
      { error: { message: { value: 'v' } } },
      { source: 'sharepoint', code: 'unknown', serviceMessage: 'v' }
    ],
    [
      'Entra with no description and no ids',
      { error: 'invalid_client' },
      { source: 'entra', code: 'invalid_client', serviceMessage: '', requestId: undefined }
    ]
  ])('%s still gives an error a person can act on', (_name, body, expected) => {
    const e = errorFromEnvelope(400, body);
    expect(e).toMatchObject(expected);
    expect(e.what).toBe("Custodian couldn't do this.");
  });

  it('reads an HTTP-date Retry-After against the time it is given, else the clock', () => {
    jest.useFakeTimers({ now: Date.UTC(2026, 0, 15, 9, 0, 0) });
    try {
      const h = headers({ 'retry-after': 'Thu, 15 Jan 2026 09:00:30 GMT' });
      expect(errorFromEnvelope(429, '', { headers: h }).retryAfterMs).toBe(30_000);
      expect(errorFromEnvelope(429, '', { headers: h, now: Date.UTC(2026, 0, 15, 8, 59, 50) }).retryAfterMs).toBe(40_000);
    } finally {
      jest.useRealTimers();
    }
  });

  it('leaves the wait unknown when Retry-After is missing or malformed, and says "in a few minutes"', () => {
    // RFC 9110 §10.2.3: Retry-After is an HTTP-date or delay-seconds (digits; Custodian also reads a decimal), so
    // a number with letters around it is neither and says nothing about when.
    const malformed = ['later', '1.5x', 'x1.5', 'in 1.5'].map((v) => headers({ 'retry-after': v }));
    for (const h of [headers({}), ...malformed, undefined]) {
      const e = errorFromEnvelope(429, '', { headers: h, now: 0 });
      expect(e.retryAfterMs).toBeUndefined();
      expect(e.whatToDo).toBe('Try again in a few minutes; nothing was lost.');
    }
  });

  it('builds an error without any context', () => {
    expect(errorFromEnvelope(500, null)).toMatchObject({ status: 500, code: 'http500', what: "Custodian couldn't do this." });
  });
});
