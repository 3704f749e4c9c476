import { emlFileName, parseMimeAttachments } from '../../../../src/core/services/fileMessage';

const mime = [
  'From: "O\'Brien" <ob@example.com>',
  'Subject: =?UTF-8?B?2KrZgtix2YrYsSDwn5qA?=',
  'Content-Type: multipart/mixed; boundary="outer"',
  '',
  '--outer',
  'Content-Type: multipart/alternative; boundary=inner',
  '',
  '--inner',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Hello',
  '--inner',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<p>Hello</p>',
  '--inner--',
  '--outer',
  'Content-Type: application/pdf; name="ignored.pdf"',
  'Content-Disposition: attachment;',
  " filename*=UTF-8''O%27Brien%20%2350%25%20%F0%9F%9A%80.pdf",
  'Content-Transfer-Encoding: base64',
  '',
  'JVBERi0xLjQK',
  'AAEC',
  '--outer',
  'Content-Type: text/plain; name="=?UTF-8?Q?caf=C3=A9_notes.txt?="',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'a=3Db caf=C3=A9=',
  ' end',
  '--outer',
  'Content-Type: image/png; name="logo.png"',
  'Content-Disposition: inline; filename="logo.png"',
  'Content-Transfer-Encoding: base64',
  '',
  'iVBORw0=',
  '--outer--',
  ''
].join('\r\n');

describe('parseMimeAttachments', () => {
  it('finds attachments in nested multiparts, decoding names (RFC 2231, 2047) and bodies, and skips inline parts', () => {
    const found = parseMimeAttachments(mime);
    expect(found.map((a) => a.fileName)).toEqual([`O'Brien #50% 🚀.pdf`, 'café notes.txt']);
    expect(new TextDecoder().decode(found[0].bytes.slice(0, 8))).toBe('%PDF-1.4');
    expect(found[0].contentType).toBe('application/pdf');
    expect(new TextDecoder().decode(found[1].bytes)).toBe('a=b café end');
  });

  it('finds none in a single-part message', () => {
    expect(parseMimeAttachments('Subject: x\r\nContent-Type: text/plain\r\n\r\nhello')).toEqual([]);
  });
});

describe('emlFileName', () => {
  it('makes any subject a SharePoint file name, tagged by the message id', () => {
    expect(emlFileName('RE: Q1 <draft>? #2 50%', 'abcdef0123')).toBe('RE_ Q1 _draft__ _2 50_ [abcdef01].eml');
    expect(emlFileName(' \n ', 'ff')).toBe('No subject [ff].eml');
    const long = emlFileName('تقرير '.repeat(100), '12345678');
    expect([...long].length).toBeLessThanOrEqual(170);
    expect(emlFileName('line\nbreak\ttab', '1')).toBe('line break tab [1].eml');
  });
});

describe('parseMimeAttachments, edge cases', () => {
  const message = (...parts: string[]): string =>
    ['Content-Type: multipart/mixed; boundary=b', '', ...parts.flatMap((p) => ['--b', p]), '--b--', ''].join('\n');

  it('reads RFC 2231 continuations, a charset it does not know, and names with path and control characters', () => {
    const found = parseMimeAttachments(
      message(
        [
          'Content-Type: application/octet-stream',
          'Content-Disposition: attachment;',
          " filename*0*=UTF-8''%E2%80%AE..%2F..%2F;",
          ' filename*1*=evil%0A.exe;',
          ' filename*2="%20.txt"',
          '',
          'plain 7bit body'
        ].join('\n'),
        ['Content-Type: text/plain; name="=?x-unknown?B?bm90ZXMudHh0?="', '', 'notes'].join('\n'),
        ['Content-Type: text/plain', "Content-Disposition: attachment; filename*=''no-charset%20name.txt", '', 'x'].join('\n')
      )
    );
    expect(found.map((a) => a.fileName)).toEqual(['\u202e../../evil\n.exe .txt', 'notes.txt', 'no-charset name.txt']);
    expect(new TextDecoder().decode(found[0].bytes)).toBe('plain 7bit body');
    expect(found[0].contentType).toBe('application/octet-stream');
  });

  it('names an attachment that has no file name, and skips inline parts and a multipart without a boundary', () => {
    const found = parseMimeAttachments(
      message(
        ['Content-Disposition: attachment', 'Content-Transfer-Encoding: base64', '', 'aGk='].join('\n'),
        ['Content-Type: multipart/related', '', 'no boundary here'].join('\n'),
        ['Content-Type: image/gif; name="a.gif"', 'Content-Disposition: inline', '', 'GIF'].join('\n'),
        'headers only, no body'
      )
    );
    expect(found).toEqual([{ fileName: 'attachment-1', contentType: 'text/plain', bytes: new TextEncoder().encode('hi') }]);
    expect(parseMimeAttachments('Content-Type: multipart/mixed\r\n\r\n--x\r\nContent-Disposition: attachment\r\n\r\nz\r\n--x--')).toEqual(
      []
    );
  });

  it('stops at ten levels of nesting', () => {
    let body = ['Content-Disposition: attachment; filename="deep.txt"', '', 'deep'].join('\n');
    for (let i = 0; i < 12; i++) body = [`Content-Type: multipart/mixed; boundary=l${i}`, '', `--l${i}`, body, `--l${i}--`].join('\n');
    expect(parseMimeAttachments(body)).toEqual([]);
  });
});
