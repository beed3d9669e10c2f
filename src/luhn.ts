/**
 * The Luhn checksum every payment card number passes; spaces and dashes are ignored. Plain code
 * without imports: the shops (server and bundled client), the checkout profile and the redactor
 * all use this one.
 */
export function passesLuhn(number: string): boolean {
  const digits = number.replace(/\D/g, '');
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}
