import { quoteForMessage } from '../../../src/core/domain/quoteForMessage';

// Outside truth: Unicode's bidirectional controls (UAX #9: U+202A-U+202E, U+2066-U+2069, U+061C) and the C1
// controls with DEL (U+007F-U+009F), which reorder or hide the text after them when printed; JSON's own escapes
// (RFC 8259 §7) for the C0 controls, quotes and backslashes.
describe('quoteForMessage', () => {
  it('quotes a name as JSON does, escaping quotes, backslashes and line breaks', () => {
    expect(quoteForMessage('Tax "2024"\\\nRecords')).toBe('"Tax \\"2024\\"\\\\\\nRecords"');
  });

  it('shows the characters that reorder or hide text as four-digit escapes', () => {
    expect(quoteForMessage('invoice\u202Efdp.exe')).toBe('"invoice\\u202efdp.exe"');
    expect(quoteForMessage('a\u007Fb\u061Cc\u2066d')).toBe('"a\\u007fb\\u061cc\\u2066d"');
  });

  it('shows 40 characters whole, emoji counted as one each, and shortens a longer name with an ellipsis', () => {
    const forty = '😀'.repeat(40);
    expect(quoteForMessage(forty)).toBe(`"${forty}"`);
    expect(quoteForMessage(`${forty}x`)).toBe(`"${forty}…"`);
    expect(quoteForMessage('عقد'.repeat(20))).toBe(`"${'عقد'.repeat(20).slice(0, 40)}…"`);
  });
});
