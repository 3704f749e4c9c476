/**
 * User-supplied text that breaks careless request building: OData quotes, URL delimiters, markup, a backslash,
 * newlines, emoji, right-to-left text, and a 400-character string.
 */
export const hostileStrings = [
  `O'Brien "Q1" #2 50% & more + a=b / c \\ d <x>`,
  'line one\nline two\r\nline three',
  'تقرير الميزانية 🚀 ‏(RTL)‏',
  '‮override‬ 🚀🚀',
  'x'.repeat(400)
] as const;

/** Hostile text that fits a single line of text column (255 characters, no newlines). */
export const hostileSingleLine = [
  `O'Brien "Q1" #2 50% & more + a=b / c \\ d <x>`,
  'تقرير الميزانية 🚀 ‏(RTL)‏',
  '‮override‬ 🚀🚀',
  'y'.repeat(255)
];

/** Hostile file names SharePoint allows (no `" * : < > ? / \ |`). */
export const hostileFileNames = [`O'Brien #2 50% & more + a=b; c`, 'تقرير الميزانية 🚀 final', `${'é'.repeat(180)}`, '‮rtl override‬ (1)'];
