// The retry loop shared by the Graph middleware and the SharePoint behaviour, fed fetch's own Response objects as
// Graph answers them (Graph's throttling guidance: wait Retry-After, else back off exponentially) on a virtual
// clock: no real wait.
import { sendWithRetry } from '../../../src/core/http/sendWithRetry';
import type { AttemptOutcome } from '../../../src/core/http/retryRules';
import { fakeTiming } from '../support/fakeTiming';

const throttled = (retryAfter?: string): Response =>
  new Response(JSON.stringify({ error: { code: 'activityLimitReached', message: 'The request has been throttled' } }), {
    status: 429,
    headers: retryAfter === undefined ? {} : { 'Retry-After': retryAfter }
  });

/** An attempt that answers from a script, counting the calls. */
function script(...answers: (Response | Error)[]): { attempt: () => Promise<Response>; calls: () => number } {
  let calls = 0;
  return {
    calls: () => calls,
    attempt: async () => {
      const next = answers[calls++];
      if (next === undefined) throw new Error('The test scripted no more answers.');
      if (next instanceof Error) throw next;
      return next;
    }
  };
}

const dropped = (): Error => new TypeError('fetch failed');

describe('sendWithRetry', () => {
  it('returns a success at once, without waiting', async () => {
    const timing = fakeTiming();
    const s = script(new Response('{}', { status: 200 }));
    const r = await sendWithRetry(s.attempt, { idempotent: true, replayableBody: true, timing });
    expect(r.status).toBe(200);
    expect(s.calls()).toBe(1);
    expect(timing.sleeps).toEqual([]);
  });

  it('returns a 3xx it was handed as an answer, not a failure', async () => {
    const timing = fakeTiming();
    const s = script(new Response(null, { status: 304 }));
    expect((await sendWithRetry(s.attempt, { idempotent: true, replayableBody: true, timing })).status).toBe(304);
    expect(s.calls()).toBe(1);
  });

  it('waits the Retry-After seconds, tells the caller, and returns the next answer', async () => {
    const timing = fakeTiming();
    const told: { retry: number; delayMs: number; outcome: AttemptOutcome }[] = [];
    const s = script(throttled('7'), throttled('3'), new Response('{"id":"u1"}', { status: 200 }));
    const r = await sendWithRetry(s.attempt, { idempotent: false, replayableBody: true, timing, onRetry: (i) => told.push(i) });
    expect(await r.json()).toEqual({ id: 'u1' });
    expect(timing.sleeps).toEqual([7000, 3000]);
    expect(told).toEqual([
      { retry: 1, delayMs: 7000, outcome: { kind: 'response', status: 429, retryAfterMs: 7000 } },
      { retry: 2, delayMs: 3000, outcome: { kind: 'response', status: 429, retryAfterMs: 3000 } }
    ]);
  });

  it('reads an HTTP-date Retry-After against its own clock', async () => {
    const timing = fakeTiming(Date.UTC(2026, 0, 15, 9, 0, 0));
    const s = script(throttled('Thu, 15 Jan 2026 09:00:12 GMT'), new Response('{}', { status: 200 }));
    await sendWithRetry(s.attempt, { idempotent: true, replayableBody: true, timing });
    expect(timing.sleeps).toEqual([12_000]);
  });

  it('backs off when the Retry-After is missing or unreadable (the safe choice: never "at once")', async () => {
    const timing = fakeTiming(undefined, 0.5);
    const s = script(throttled(), throttled('soon'), new Response('{}', { status: 200 }));
    await sendWithRetry(s.attempt, { idempotent: true, replayableBody: true, timing });
    // 500 ms then 1000 ms steps, each at 75% with random() = 0.5.
    expect(timing.sleeps).toEqual([375, 750]);
  });

  it('follows the policy it is given: one retry, then the last 429 is returned with its body unread', async () => {
    const timing = fakeTiming();
    const s = script(throttled('1'), throttled('2'), new Response('{}', { status: 200 }));
    const r = await sendWithRetry(s.attempt, {
      idempotent: true,
      replayableBody: true,
      timing,
      policy: { baseDelayMs: 100, maxDelayMs: 1500, maxRetries: 1 }
    });
    expect(s.calls()).toBe(2);
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('2');
    // The caller turns it into an error from Graph's envelope, so the body must still be there.
    expect(await r.json()).toEqual({ error: { code: 'activityLimitReached', message: 'The request has been throttled' } });
  });

  it('caps a long Retry-After at the policy maximum', async () => {
    const timing = fakeTiming();
    const s = script(throttled('600'), new Response('{}', { status: 200 }));
    await sendWithRetry(s.attempt, {
      idempotent: true,
      replayableBody: true,
      timing,
      policy: { baseDelayMs: 100, maxDelayMs: 1500, maxRetries: 1 }
    });
    expect(timing.sleeps).toEqual([1500]);
  });

  it('releases the body of an answer it will not return, before waiting', async () => {
    const timing = fakeTiming();
    let cancelled = false;
    const body = new ReadableStream({
      pull(c) {
        c.enqueue(new TextEncoder().encode('{"error":{"code":"activityLimitReached"}}'));
      },
      cancel() {
        cancelled = true;
      }
    });
    const s = script(new Response(body, { status: 429, headers: { 'Retry-After': '1' } }), new Response('{}', { status: 200 }));
    await sendWithRetry(s.attempt, {
      idempotent: true,
      replayableBody: true,
      timing,
      onRetry: () => expect(cancelled).toBe(true)
    });
    expect(cancelled).toBe(true);
  });

  it('still retries when the throttled body cannot be released (already being read)', async () => {
    const timing = fakeTiming();
    const locked = throttled('1');
    locked.body?.getReader();
    const s = script(locked, new Response('{}', { status: 200 }));
    const r = await sendWithRetry(s.attempt, { idempotent: true, replayableBody: true, timing });
    expect(r.status).toBe(200);
    expect(s.calls()).toBe(2);
  });

  it('repeats a GET after a dropped connection, but rethrows what fetch threw for a POST', async () => {
    const timing = fakeTiming();
    const told: { retry: number; delayMs: number; outcome: AttemptOutcome }[] = [];
    const get = script(dropped(), new Response('{}', { status: 200 }));
    const onRetry = (i: (typeof told)[number]): number => told.push(i);
    expect((await sendWithRetry(get.attempt, { idempotent: true, replayableBody: true, timing, onRetry })).status).toBe(200);
    expect(get.calls()).toBe(2);
    // Told as a dropped connection (no status to show), backing off 500 ms at 75% with random() = 0.5.
    expect(told).toEqual([{ retry: 1, delayMs: 375, outcome: { kind: 'network' } }]);

    const failure = dropped();
    const post = script(failure, new Response('{}', { status: 200 }));
    await expect(sendWithRetry(post.attempt, { idempotent: false, replayableBody: true, timing })).rejects.toBe(failure);
    expect(post.calls()).toBe(1);
  });

  it('rethrows the last dropped connection once retries run out', async () => {
    const timing = fakeTiming();
    const last = dropped();
    const s = script(dropped(), dropped(), last);
    const policy = { baseDelayMs: 100, maxDelayMs: 1000, maxRetries: 2 };
    await expect(sendWithRetry(s.attempt, { idempotent: true, replayableBody: true, timing, policy })).rejects.toBe(last);
    expect(s.calls()).toBe(3);
  });

  it('never sends a request whose signal is already aborted', async () => {
    const timing = fakeTiming();
    const controller = new AbortController();
    controller.abort();
    const s = script(new Response('{}', { status: 200 }));
    await expect(
      sendWithRetry(s.attempt, { idempotent: true, replayableBody: true, timing, signal: controller.signal })
    ).rejects.toMatchObject({
      name: 'AbortError'
    });
    expect(s.calls()).toBe(0);
  });

  it('treats any failure after the person cancelled as the cancel: no retry, what fetch threw is kept', async () => {
    const timing = fakeTiming();
    const controller = new AbortController();
    // Some fetch implementations reject with a generic error when aborted mid-flight.
    const failure = new TypeError('terminated');
    let calls = 0;
    const attempt = async (): Promise<Response> => {
      calls++;
      controller.abort();
      throw failure;
    };
    const onRetry = jest.fn();
    await expect(
      sendWithRetry(attempt, { idempotent: true, replayableBody: true, timing, signal: controller.signal, onRetry })
    ).rejects.toBe(failure);
    expect(calls).toBe(1);
    expect(onRetry).not.toHaveBeenCalled();
  });

  it('stops during the wait when the person cancels', async () => {
    const timing = fakeTiming();
    const controller = new AbortController();
    const s = script(throttled('30'), new Response('{}', { status: 200 }));
    const onRetry = (): void => controller.abort();
    await expect(
      sendWithRetry(s.attempt, { idempotent: true, replayableBody: true, timing, signal: controller.signal, onRetry })
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(s.calls()).toBe(1);
  });

  it('never resends a stream body, even when Graph asks to retry', async () => {
    const timing = fakeTiming();
    const s = script(throttled('1'), new Response('{}', { status: 200 }));
    const r = await sendWithRetry(s.attempt, { idempotent: true, replayableBody: false, timing });
    expect(r.status).toBe(429);
    expect(s.calls()).toBe(1);
  });

  it('uses six retries when no policy is given', async () => {
    const timing = fakeTiming();
    const s = script(...Array.from({ length: 8 }, () => throttled('1')));
    const r = await sendWithRetry(s.attempt, { idempotent: true, replayableBody: true, timing });
    expect(r.status).toBe(429);
    expect(s.calls()).toBe(7);
  });
});
