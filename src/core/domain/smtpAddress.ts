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
  // 254: RFC 5321's 256-octet path less its angle brackets. A dot may not start or end the local part, nor
  // follow another (RFC 5322's dot-atom), which the pattern alone would let through.
  return value.length <= 254 && !value.startsWith('.') && !value.includes('..') && !value.includes('.@') && smtpAddressPattern.test(value);
}

const notAnAddress = 'Enter an email address such as records@contoso.com.';
export const smtpAddressSchema = z
  .string({ required_error: notAnAddress, invalid_type_error: notAnAddress })
  .refine(isSmtpAddress, { message: notAnAddress });
