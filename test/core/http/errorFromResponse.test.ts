// A failed answer read from fetch's own Response, and a failure with no answer at all: whatever broke, the person
// gets the three sentences and support gets the request id. Bodies are Graph's and SharePoint's documented
// envelopes, or what a gateway or a dropped connection leaves instead.
import { CustodianError, isCustodianError } from '../../../src/core/http/CustodianError';
import { errorFromFailure, isAbortError } from '../../../src/core/http/errorFromFailure';
import { errorFromResponse } from '../../../src/core/http/errorFromResponse';

const now = Date.UTC(2026, 0, 15, 9, 0, 0);

describe('errorFromResponse', () => {
  it("reads Graph's documented error envelope and keeps the request id for support", async () => {
    const body = {
      error: {
        code: 'badRequest',
        message: 'Uploaded fragment overlaps with existing data.',
        innerError: { code: 'invalidRange', 'request-id': 'request-id-1', date: '2026-01-15T09:00:00' }
      }
    };
    const e = await errorFromResponse(new Response(JSON.stringify(body), { status: 400 }), "upload 'Plan.docx'");
    expect(e).toMatchObject({
      status: 400,
      code: 'badRequest',
      innerCode: 'invalidRange',
      serviceMessage: 'Uploaded fragment overlaps with existing data.',
      requestId: 'request-id-1',
      source: 'graph',
      what: "Custodian couldn't upload 'Plan.docx'."
    });
  });

  it("reads SharePoint's odata.error envelope with its SPRequestGuid header", async () => {
    const body = {
      'odata.error': {
        code: '-2130575257, Microsoft.SharePoint.SPException',
        message: { lang: 'en-US', value: 'The file is checked out.' }
      }
    };
    const e = await errorFromResponse(new Response(JSON.stringify(body), { status: 423, headers: { SPRequestGuid: 'sp-guid-1' } }));
    expect(e).toMatchObject({ source: 'sharepoint', serviceMessage: 'The file is checked out.', requestId: 'sp-guid-1' });
    expect(e.why).toMatch(/locked/);
  });

  it('keeps a body that is not JSON as the service message', async () => {
    const e = await errorFromResponse(new Response('<html>Bad gateway</html>', { status: 502, headers: { 'request-id': 'r-502' } }));
    expect(e).toMatchObject({ code: 'http502', serviceMessage: '<html>Bad gateway</html>', requestId: 'r-502' });
  });

  it('still gives an error from the status and headers when the body breaks off', async () => {
    const broken = new ReadableStream({
      start(c) {
        c.error(new Error('connection reset'));
      }
    });
    const e = await errorFromResponse(
      new Response(broken, { status: 503, headers: { 'Retry-After': '5', 'request-id': 'r-503' } }),
      undefined,
      now
    );
    expect(e).toMatchObject({
      status: 503,
      code: 'http503',
      serviceMessage: '',
      retryAfterMs: 5000,
      requestId: 'r-503',
      isTransient: true
    });
    expect(e.whatToDo).toBe('Try again in about 5 seconds; nothing was lost.');
  });

  it('reads an empty body as no envelope', async () => {
    const e = await errorFromResponse(new Response(null, { status: 404 }));
    expect(e).toMatchObject({ status: 404, code: 'http404', serviceMessage: '', source: 'graph' });
  });

  it('reads an HTTP-date Retry-After against the time it is given', async () => {
    const response = new Response('', { status: 429, headers: { 'Retry-After': 'Thu, 15 Jan 2026 09:00:45 GMT' } });
    expect((await errorFromResponse(response, undefined, now)).retryAfterMs).toBe(45_000);
  });
});

describe('errorFromFailure: no answer came', () => {
  it('says the connection dropped, keeps what fetch threw, and offers a retry', () => {
    const thrown = new TypeError('fetch failed');
    const e = errorFromFailure(thrown, "read 'Contracts'");
    expect(e).toMatchObject({
      status: 0,
      code: 'networkError',
      source: 'network',
      serviceMessage: 'fetch failed',
      isTransient: true,
      what: "Custodian couldn't read 'Contracts'.",
      why: 'Microsoft 365 could not be reached: the connection failed or was dropped.'
    });
    expect((e as { cause?: unknown }).cause).toBe(thrown);
  });

  it('says the person stopped it after an abort, and offers no retry', () => {
    const e = errorFromFailure(new DOMException('This operation was aborted', 'AbortError'), "read 'Contracts'");
    expect(e).toMatchObject({
      status: 0,
      code: 'aborted',
      source: 'client',
      isTransient: false,
      what: "Stopped before Custodian could read 'Contracts'."
    });
  });

  it('reads something thrown that is not an Error', () => {
    expect(errorFromFailure('socket hang up')).toMatchObject({ code: 'networkError', serviceMessage: 'socket hang up' });
  });

  it('passes a CustodianError through unchanged', () => {
    const original = new CustodianError({
      status: 403,
      code: 'accessDenied',
      serviceMessage: 'm',
      source: 'graph',
      what: 'w.',
      why: 'y.',
      whatToDo: 'd.'
    });
    expect(errorFromFailure(original)).toBe(original);
  });

  it.each<[unknown, boolean]>([
    [Object.assign(new Error('x'), { name: 'AbortError' }), true],
    [{ name: 'AbortError' }, true],
    [new Error('aborted'), false],
    ['AbortError', false],
    [null, false],
    [undefined, false]
  ])('isAbortError(%p) is %p', (e, expected) => expect(isAbortError(e)).toBe(expected));
});

describe('CustodianError', () => {
  const make = (status: number, source: 'graph' | 'sharepoint' | 'entra' | 'network' | 'client', cause?: unknown): CustodianError =>
    new CustodianError({
      status,
      code: 'c',
      innerCode: 'ic',
      serviceMessage: 'service said',
      requestId: 'r-1',
      clientRequestId: 'c-1',
      retryAfterMs: 2000,
      source,
      what: "Custodian couldn't lock the record.",
      why: 'Microsoft 365 is busy.',
      whatToDo: 'Try again.',
      cause
    });

  it('is an Error whose message is what failed and why, with every fact kept', () => {
    const e = make(429, 'graph');
    expect(e).toBeInstanceOf(Error);
    expect(e).toBeInstanceOf(CustodianError);
    expect(e.name).toBe('CustodianError');
    expect(e.message).toBe("Custodian couldn't lock the record. Microsoft 365 is busy.");
    expect(e).toMatchObject({
      status: 429,
      code: 'c',
      innerCode: 'ic',
      serviceMessage: 'service said',
      requestId: 'r-1',
      clientRequestId: 'c-1',
      retryAfterMs: 2000,
      source: 'graph',
      whatToDo: 'Try again.'
    });
    expect('cause' in e).toBe(false);
    const cause = new Error('underneath');
    expect((make(500, 'graph', cause) as { cause?: unknown }).cause).toBe(cause);
  });

  it.each<[number, 'graph' | 'sharepoint' | 'entra' | 'network' | 'client', boolean]>([
    [429, 'graph', true],
    [503, 'sharepoint', true],
    [504, 'graph', true],
    [0, 'network', true],
    [0, 'client', false],
    [0, 'graph', false],
    [500, 'graph', false],
    [502, 'graph', false],
    [400, 'graph', false],
    [403, 'sharepoint', false],
    [412, 'graph', false]
  ])('status %d from %s: worth retrying as it is is %p', (status, source, transient) => {
    expect(make(status, source).isTransient).toBe(transient);
  });

  it('is recognised by isCustodianError, and a look-alike is not', () => {
    expect(isCustodianError(make(404, 'graph'))).toBe(true);
    expect(isCustodianError(new Error('x'))).toBe(false);
    expect(isCustodianError({ status: 404, code: 'c', what: 'w', why: 'y', whatToDo: 'd' })).toBe(false);
    expect(isCustodianError(null)).toBe(false);
  });
});
