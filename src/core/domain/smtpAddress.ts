import { z } from 'zod';

// Deliberately plain: local part of printable ASCII without the characters that separate or quote
// addresses, a dotted domain with a letter-only top-level label. Purview resolves reviewers in the
// tenant, so this only catches what can never be an address ("Jane Doe", "jane@", "a@b;c@d").
const smtpAddressPattern = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

/**
 * Whether a string is a plain SMTP address, as Purview expects for disposition reviewers (users,
 * distribution lists or mail-enabled security groups; Microsoft 365 groups are not supported).
 *
 * @example isSmtpAddress('records@contoso.com') // true
 * @example isSmtpAddress('Records Team <records@contoso.com>') // false
 */
export function isSmtpAddress(value: string): boolean {
  return value.length <= 254 && !value.startsWith('.') && !value.includes('..') && smtpAddressPattern.test(value);
}

export const smtpAddressSchema = z.string().refine(isSmtpAddress, { message: 'Enter an email address such as records@contoso.com.' });
