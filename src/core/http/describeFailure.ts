export interface FailureText {
  what: string;
  why: string;
  whatToDo: string;
}

export interface FailureFacts {
  status: number;
  code: string;
  innerCode?: string;
  /** What the user was doing, as a verb phrase: "apply the retention label to 'Budget.xlsx'". */
  action?: string;
  retryAfterMs?: number;
}

const contains = (code: string, ...needles: string[]): boolean => needles.some((n) => code.toLowerCase().includes(n.toLowerCase()));

/**
 * Turns a failure into three sentences the UI can show as they are. Branches on status and code only,
 * never on the service's message text (which is localised and changes).
 *
 * @example describeFailure({ status: 403, code: 'accessDenied', action: "label 'Plan.docx'" }).what
 * // "You don't have permission to label 'Plan.docx'."
 */
export function describeFailure(f: FailureFacts): FailureText {
  const action = f.action ?? 'do this';
  const code = `${f.code} ${f.innerCode ?? ''}`;
  const couldNot = `Custodian couldn't ${action}.`;
  const seconds = f.retryAfterMs !== undefined ? Math.max(1, Math.ceil(f.retryAfterMs / 1000)) : undefined;
  if (f.status === 0) {
    if (contains(code, 'aborted'))
      return {
        what: `Stopped before Custodian could ${action}.`,
        why: 'The request was cancelled.',
        whatToDo: 'Start it again when you are ready.'
      };
    return {
      what: couldNot,
      why: 'Microsoft 365 could not be reached: the connection failed or was dropped.',
      whatToDo: 'Check your network connection, then try again.'
    };
  }
  if (f.status === 401 || contains(code, 'invalid_grant', 'interaction_required', 'InvalidAuthenticationToken')) {
    return { what: couldNot, why: 'Your sign-in has expired or was not accepted.', whatToDo: 'Sign in again, then retry.' };
  }
  if (f.status === 402)
    return {
      what: couldNot,
      why: 'This Microsoft 365 feature is metered and billing is not set up for Custodian in your organisation.',
      whatToDo: 'Ask your Microsoft 365 administrator to link Custodian to an Azure subscription.'
    };
  if (f.status === 403) {
    if (contains(code, 'insufficientScope', 'consent', 'AADSTS65001')) {
      return {
        what: `You don't have permission to ${action}.`,
        why: 'Custodian has not been granted the permission this needs in your organisation.',
        whatToDo: 'Ask your Microsoft 365 administrator to grant Custodian the permission, then try again.'
      };
    }
    return {
      what: `You don't have permission to ${action}.`,
      why: 'Microsoft 365 refused the request for your account; the item may also be on hold or be a record.',
      whatToDo: 'Ask your site owner for access, or ask your records manager whether the item is on hold.'
    };
  }
  if (f.status === 404)
    return {
      what: couldNot,
      why: 'The item no longer exists, or you cannot see it.',
      whatToDo: 'Refresh to see the current state; if you expected it to exist, ask your site owner.'
    };
  if (f.status === 409)
    return {
      what: couldNot,
      why: 'Something with the same name already exists, or someone else changed it at the same time.',
      whatToDo: 'Refresh, then try again with the current version.'
    };
  if (f.status === 412 || contains(code, 'resourceModified'))
    return {
      what: couldNot,
      why: 'Someone else changed it after you opened it.',
      whatToDo: 'Refresh to see their change, then try again.'
    };
  if (f.status === 413)
    return {
      what: couldNot,
      why: 'The content is larger than Microsoft 365 accepts in one request.',
      whatToDo: 'Try a smaller file, or ask support if this keeps happening.'
    };
  if (f.status === 423 || contains(code, 'resourceLocked', 'locked')) {
    return {
      what: couldNot,
      why: 'The item is locked: it is a locked record, checked out, or encrypted in a way that blocks this.',
      whatToDo: 'Ask your records manager to unlock the record, or ask the person who has it checked out.'
    };
  }
  if (f.status === 424)
    return {
      what: couldNot,
      why: 'An earlier step of the same change failed, so this step was not attempted.',
      whatToDo: 'Fix the earlier step first; its message says what went wrong.'
    };
  if (f.status === 429 || f.status === 503 || f.status === 504 || f.status === 509) {
    const when = seconds !== undefined ? `in about ${seconds} second${seconds === 1 ? '' : 's'}` : 'in a few minutes';
    return {
      what: couldNot,
      why: 'Microsoft 365 is busy and asked Custodian to slow down.',
      whatToDo: `Try again ${when}; nothing was lost.`
    };
  }
  if (f.status === 501)
    return {
      what: couldNot,
      why: 'This service does not support the request.',
      whatToDo: 'Report this to your administrator; it is a gap in the service, not something you did.'
    };
  if (f.status >= 400 && f.status < 500)
    return {
      what: couldNot,
      why: 'Microsoft 365 did not accept the request as it was sent.',
      whatToDo: 'Check what you entered, then try again; if it keeps failing, report it with the request id.'
    };
  return {
    what: couldNot,
    why: 'Microsoft 365 had an unexpected problem.',
    whatToDo: 'Try again shortly; if it keeps failing, report it with the request id.'
  };
}
