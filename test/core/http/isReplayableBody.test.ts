// A retry sends the body again. Fetch can resend a string, bytes, a Blob or form data; a stream is consumed as
// it is sent, so resending it would upload nothing (or half a file) under the original's name.
import { Readable } from 'node:stream';
import { isReplayableBody } from '../../../src/core/http/isReplayableBody';

const stream = (): ReadableStream<Uint8Array> =>
  new ReadableStream({
    start(c) {
      c.enqueue(new Uint8Array([1, 2, 3]));
      c.close();
    }
  });

describe('isReplayableBody', () => {
  it.each<[string, unknown]>([
    ['no body', undefined],
    ['null', null],
    ['an empty string', ''],
    ['JSON text', '{"name":"HR"}'],
    ['an ArrayBuffer', new ArrayBuffer(4)],
    ['a Uint8Array', new Uint8Array([1, 2])],
    ['a DataView', new DataView(new ArrayBuffer(2))],
    ['a Blob', new Blob(['bytes'])],
    ['URLSearchParams', new URLSearchParams('a=1')],
    ['FormData', new FormData()]
  ])('%s can be sent again', (_name, body) => expect(isReplayableBody(body)).toBe(true));

  it.each<[string, unknown]>([
    ['a web ReadableStream', stream()],
    ['a Node stream', Readable.from(['bytes'])],
    ['a number', 42],
    ['a plain object (fetch would send "[object Object]")', { name: 'HR' }]
  ])('%s cannot', (_name, body) => expect(isReplayableBody(body)).toBe(false));

  it('still refuses a stream, and throws nothing, where Blob, URLSearchParams and FormData do not exist', () => {
    const saved = { Blob: globalThis.Blob, URLSearchParams: globalThis.URLSearchParams, FormData: globalThis.FormData };
    const g = globalThis as Record<string, unknown>;
    try {
      g.Blob = undefined;
      g.URLSearchParams = undefined;
      g.FormData = undefined;
      expect(isReplayableBody(stream())).toBe(false);
      expect(isReplayableBody('text')).toBe(true);
    } finally {
      Object.assign(globalThis, saved);
    }
  });
});
