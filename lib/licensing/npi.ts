// CMS assigns NPIs with a Luhn check digit computed over the prefix 80840 (the US health
// industry number) followed by the NPI's first nine digits.
const NPI_PREFIX = "80840";

export function npiCheckDigit(firstNine: string): number {
  const payload = NPI_PREFIX + firstNine;
  let sum = 0;
  for (let i = payload.length - 1, double = true; i >= 0; i--, double = !double) {
    let digit = Number(payload[i]);
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

export function isValidNpi(value: string): boolean {
  return /^\d{10}$/.test(value) && npiCheckDigit(value.slice(0, 9)) === Number(value[9]);
}
