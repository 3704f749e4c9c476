// fast-check arbitraries shared by the domain's property tests.
import fc from 'fast-check';

/** Characters that break naive CSV, HTML, OData and terminal output, plus emoji and right-to-left text. */
export const hostileCharacters: readonly string[] = [
  'a',
  'Z',
  '0',
  ' ',
  '-',
  ',',
  '"',
  "'",
  '#',
  '%',
  '<',
  '>',
  '&',
  ';',
  '=',
  '+',
  '@',
  '\t',
  '\r',
  '\n',
  '\r\n',
  '😀',
  '👩🏽‍💻',
  'ש',
  'ع',
  '\u202e',
  '\u200f',
  'é',
  '中',
  '\\',
  '|',
  '!'
];

/** Text made of `characters` (each one a unit, so a CRLF or an emoji is never split), `minLength` to `maxLength` of them. */
export function textOf(characters: readonly string[], minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc.string({ unit: fc.constantFrom(...characters), minLength, maxLength });
}

/** Text of hostile characters. */
export function hostileText(minLength: number, maxLength: number): fc.Arbitrary<string> {
  return textOf(hostileCharacters, minLength, maxLength);
}

/** `value` about `percent`% of the time, otherwise `undefined`. */
export function sometimes<T>(value: fc.Arbitrary<T>, percent = 30): fc.Arbitrary<T | undefined> {
  return fc.oneof({ arbitrary: fc.constant(undefined), weight: 100 - percent }, { arbitrary: value, weight: percent });
}
