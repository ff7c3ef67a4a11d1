// Resident ID number (GB 11643): the certification service's rule (domain/idnumber.py)
// run as the administrator types: 17 digits (the first 1-8), a plausible birth date and
// an ISO 7064 MOD 11-2 check character; spaces around and a lower-case x are accepted.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

export function normalise(text: string): string {
  return text.trim().toUpperCase();
}

export function validIdNumber(text: string, today = new Date()): boolean {
  const n = normalise(text);
  if (!/^[1-8]\d{16}[\dX]$/.test(n)) return false;
  const [y, m, d] = [Number(n.slice(6, 10)), Number(n.slice(10, 12)), Number(n.slice(12, 14))];
  const born = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || born.getUTCMonth() !== m - 1 || born.getUTCDate() !== d || born > today) return false;
  const total = WEIGHTS.reduce((sum, w, i) => sum + w * Number(n[i]), 0);
  return "10X98765432"[total % 11] === n[17];
}
