// What a person reads when something fails: three sentences (what, why, what to do), chosen by status and code
// only. Statuses and codes are those of Microsoft Graph's error page (HTTP status codes table, code property) and
// SharePoint's and Entra's documented codes; the sentences are written out here, so a changed word is noticed.
import { describeFailure } from '../../../src/core/http/describeFailure';

const action = "apply the retention label to 'Budget.xlsx'";
const couldNot = "Custodian couldn't apply the retention label to 'Budget.xlsx'.";

const signIn = { why: 'Your sign-in has expired or was not accepted.', whatToDo: 'Sign in again, then retry.' };
const consent = {
  what: "You don't have permission to apply the retention label to 'Budget.xlsx'.",
  why: 'Custodian has not been granted the permission this needs in your organisation.',
  whatToDo: 'Ask your Microsoft 365 administrator to grant Custodian the permission, then try again.'
};
const denied = {
  what: "You don't have permission to apply the retention label to 'Budget.xlsx'.",
  why: 'Microsoft 365 refused the request for your account; the item may also be on hold or be a record.',
  whatToDo: 'Ask your site owner for access, or ask your records manager whether the item is on hold.'
};
const changed = { why: 'Someone else changed it after you opened it.', whatToDo: 'Refresh to see their change, then try again.' };
const locked = {
  why: 'The item is locked: it is a locked record, checked out, or encrypted in a way that blocks this.',
  whatToDo: 'Ask your records manager to unlock the record, or ask the person who has it checked out.'
};
const badRequest = {
  why: 'Microsoft 365 did not accept the request as it was sent.',
  whatToDo: 'Check what you entered, then try again; if it keeps failing, report it with the request id.'
};
const unexpected = {
  why: 'Microsoft 365 had an unexpected problem.',
  whatToDo: 'Try again shortly; if it keeps failing, report it with the request id.'
};
const busy = 'Microsoft 365 is busy and asked Custodian to slow down.';

describe('describeFailure', () => {
  it.each<[string, { status: number; code: string; innerCode?: string }, Partial<Record<'what' | 'why' | 'whatToDo', string>>]>([
    ['401 InvalidAuthenticationToken', { status: 401, code: 'InvalidAuthenticationToken' }, { what: couldNot, ...signIn }],
    ['401 with any code', { status: 401, code: 'unknown' }, { what: couldNot, ...signIn }],
    ['Entra invalid_grant (a 400)', { status: 400, code: 'invalid_grant' }, signIn],
    ['Entra interaction_required (a 400)', { status: 400, code: 'interaction_required' }, signIn],
    ['InvalidAuthenticationToken in any case', { status: 400, code: 'INVALIDAUTHENTICATIONTOKEN' }, signIn],
    [
      '402 paymentRequired',
      { status: 402, code: 'paymentRequired' },
      {
        what: couldNot,
        why: 'This Microsoft 365 feature is metered and billing is not set up for Custodian in your organisation.',
        whatToDo: 'Ask your Microsoft 365 administrator to link Custodian to an Azure subscription.'
      }
    ],
    ['403 with insufficientScope nested in innerError', { status: 403, code: 'accessDenied', innerCode: 'insufficientScope' }, consent],
    ['403 consent_required', { status: 403, code: 'consent_required' }, consent],
    ['403 AADSTS65001 (no consent)', { status: 403, code: 'invalid_client', innerCode: 'AADSTS65001' }, consent],
    ['403 accessDenied', { status: 403, code: 'accessDenied' }, denied],
    ['403 SharePoint UnauthorizedAccessException', { status: 403, code: '-2147024891, System.UnauthorizedAccessException' }, denied],
    [
      '404 itemNotFound',
      { status: 404, code: 'itemNotFound' },
      {
        what: couldNot,
        why: 'The item no longer exists, or you cannot see it.',
        whatToDo: 'Refresh to see the current state; if you expected it to exist, ask your site owner.'
      }
    ],
    [
      '409 nameAlreadyExists',
      { status: 409, code: 'nameAlreadyExists' },
      {
        what: couldNot,
        why: 'Something with the same name already exists, or someone else changed it at the same time.',
        whatToDo: 'Refresh, then try again with the current version.'
      }
    ],
    ['412 preconditionFailed', { status: 412, code: 'preconditionFailed' }, { what: couldNot, ...changed }],
    ['resourceModified whatever the status', { status: 400, code: 'resourceModified' }, changed],
    [
      '413 requestTooLarge',
      { status: 413, code: 'requestTooLarge' },
      {
        what: couldNot,
        why: 'The content is larger than Microsoft 365 accepts in one request.',
        whatToDo: 'Try a smaller file, or ask support if this keeps happening.'
      }
    ],
    ['423 resourceLocked', { status: 423, code: 'resourceLocked' }, { what: couldNot, ...locked }],
    ['resourceLocked on a 400', { status: 400, code: 'resourceLocked' }, locked],
    ['a nested lock code on a 400', { status: 400, code: 'invalidRequest', innerCode: 'itemLocked' }, locked],
    [
      '424 failedDependency ($batch dependsOn)',
      { status: 424, code: 'failedDependency' },
      {
        what: couldNot,
        why: 'An earlier step of the same change failed, so this step was not attempted.',
        whatToDo: 'Fix the earlier step first; its message says what went wrong.'
      }
    ],
    [
      '501 notSupported',
      { status: 501, code: 'notSupported' },
      {
        what: couldNot,
        why: 'This service does not support the request.',
        whatToDo: 'Report this to your administrator; it is a gap in the service, not something you did.'
      }
    ],
    ['400 invalidRequest', { status: 400, code: 'invalidRequest' }, { what: couldNot, ...badRequest }],
    ['422 unprocessable', { status: 422, code: 'http422' }, badRequest],
    ['499, the last of the 4xx', { status: 499, code: 'http499' }, badRequest],
    ['500 generalException', { status: 500, code: 'generalException' }, { what: couldNot, ...unexpected }],
    ['502 from a gateway', { status: 502, code: 'http502' }, unexpected],
    ['507 quotaLimitReached', { status: 507, code: 'quotaLimitReached' }, unexpected],
    ['a 3xx that reached the error path', { status: 399, code: 'http399' }, unexpected]
  ])('%s', (_name, facts, expected) => {
    expect(describeFailure({ ...facts, action })).toMatchObject(expected);
  });

  it.each([429, 503, 504, 509])('%d says the service is busy and when to try again', (status) => {
    expect(describeFailure({ status, code: 'activityLimitReached', action, retryAfterMs: 30_000 })).toEqual({
      what: couldNot,
      why: busy,
      whatToDo: 'Try again in about 30 seconds; nothing was lost.'
    });
  });

  it.each<[number | undefined, string]>([
    [undefined, 'Try again in a few minutes; nothing was lost.'],
    [0, 'Try again in about 1 second; nothing was lost.'],
    [1, 'Try again in about 1 second; nothing was lost.'],
    [1000, 'Try again in about 1 second; nothing was lost.'],
    [1001, 'Try again in about 2 seconds; nothing was lost.'],
    [120_000, 'Try again in about 120 seconds; nothing was lost.']
  ])('a Retry-After of %s ms reads "%s"', (retryAfterMs, whatToDo) => {
    expect(describeFailure({ status: 429, code: 'http429', retryAfterMs }).whatToDo).toBe(whatToDo);
  });

  it('says the connection dropped when no answer came', () => {
    expect(describeFailure({ status: 0, code: 'networkError', action })).toEqual({
      what: couldNot,
      why: 'Microsoft 365 could not be reached: the connection failed or was dropped.',
      whatToDo: 'Check your network connection, then try again.'
    });
  });

  it('says the person stopped it, not that anything failed, after a cancel', () => {
    expect(describeFailure({ status: 0, code: 'aborted', action })).toEqual({
      what: "Stopped before Custodian could apply the retention label to 'Budget.xlsx'.",
      why: 'The request was cancelled.',
      whatToDo: 'Start it again when you are ready.'
    });
  });

  it('still gives whole sentences when the caller names no action', () => {
    expect(describeFailure({ status: 404, code: 'itemNotFound' }).what).toBe("Custodian couldn't do this.");
    expect(describeFailure({ status: 0, code: 'aborted' }).what).toBe('Stopped before Custodian could do this.');
  });
});
