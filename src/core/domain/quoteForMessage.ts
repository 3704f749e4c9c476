const maxShown = 40;

/**
 * Quotes a user's value for an error message so that it cannot break the message: line breaks,
 * control and bidirectional-override characters are shown as escapes (a right-to-left override would
 * otherwise reverse the rest of the line in a terminal or a web page), and long values are shortened.
 *
 * @example quoteForMessage('Tax\nRecords') // '"Tax\\nRecords"'
 */
export function quoteForMessage(value: string): string {
  const characters = Array.from(value);
  const shown = characters.length > maxShown ? `${characters.slice(0, maxShown).join('')}…` : value;
  const escaped = JSON.stringify(shown).replace(
    /[\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`
  );
  return escaped;
}
