import { isSmtpAddress } from '../../../src/core/domain/smtpAddress';

// Outside truth: RFC 5321 §4.5.3.1 (a path of at most 256 octets, so 254 for the address between its angle
// brackets) and RFC 5322 §3.4.1 (an unquoted local part is a dot-atom: dots only between characters).
describe('isSmtpAddress', () => {
  const local = (length: number): string => 'a'.repeat(length);
  const domain = '@contoso.com';

  it.each(['records@contoso.com', 'first.last+tag@mail.contoso.co.uk', "o'brien@contoso.com", `${local(254 - domain.length)}${domain}`])(
    'accepts %s',
    (address) => expect(isSmtpAddress(address)).toBe(true)
  );

  it.each([
    ['one character longer than RFC 5321 allows', `${local(255 - domain.length)}${domain}`],
    ['a local part starting with a dot', '.records@contoso.com'],
    ['a local part ending with a dot', 'records.@contoso.com'],
    ['two dots in a row', 'records..team@contoso.com'],
    ['a display name', 'Records Team <records@contoso.com>'],
    ['two addresses', 'a@contoso.com;b@contoso.com'],
    ['no domain', 'records@']
  ])('refuses %s', (_why, address) => expect(isSmtpAddress(address)).toBe(false));
});
