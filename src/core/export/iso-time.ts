/**
 * Dates in files: written as ISO 8601 (UTC, milliseconds, as `toISOString` gives them) and read
 * back strictly. `Date.parse` is not used for reading because it accepts engine-specific forms
 * ("Nov 27 2026", two-digit years) and rolls over impossible dates (31 February) without a word.
 */

/** An ISO 8601 date-time in UTC with milliseconds, e.g. `2026-11-27T09:30:00.000Z`. */
export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

// RFC 3339's profile of ISO 8601: date, time, optional fraction, and a zone (Z or an offset).
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;

/**
 * Milliseconds since the epoch for an RFC 3339 date-time (the `xsd:dateTime` the W3C model asks
 * for, with a zone), or null for anything else. Fractions beyond milliseconds are cut, not rounded,
 * so a time we wrote reads back to the same millisecond.
 */
export function parseIsoDateTime(text: string): number | null {
  const fast = text.length === 24 ? parseOwnIso(text) : null;
  if (fast !== null) return fast;
  const m = DATE_TIME.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = Number(m[6]);
  const ms = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  // Second 60 is a leap second (RFC 3339 allows it); it lands on the next second's millisecond.
  if (hour > 23 || minute > 59 || second > 60) return null;
  let offset = 0;
  if (m[8] === undefined) {
    const offHours = Number(m[10]);
    const offMinutes = Number(m[11]);
    if (offHours > 23 || offMinutes > 59) return null;
    offset = (m[9] === '-' ? -1 : 1) * (offHours * 60 + offMinutes) * 60_000;
  }
  let time = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not.
  if (year < 100) time = new Date(time).setUTCFullYear(year);
  return time - offset;
}

const DIGIT_0 = 0x30;

/** The digits at `from`..`from + n` as a number, or -1 when one is not a digit. */
function digits(text: string, from: number, n: number): number {
  let value = 0;
  for (let i = from; i < from + n; i++) {
    const d = text.charCodeAt(i) - DIGIT_0;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/**
 * The form `toIso` writes (`2026-11-27T09:30:00.000Z`, years 1000–9999), read without the regular
 * expression: every date of our own files. Null for anything else, which the full reader then takes.
 */
function parseOwnIso(text: string): number | null {
  if (text.charCodeAt(4) !== 0x2d || text.charCodeAt(7) !== 0x2d || text.charCodeAt(10) !== 0x54) return null;
  if (text.charCodeAt(13) !== 0x3a || text.charCodeAt(16) !== 0x3a || text.charCodeAt(19) !== 0x2e || text.charCodeAt(23) !== 0x5a) return null;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  const ms = digits(text, 20, 3);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || hour < 0 || ms < 0) return null;
  if (day > daysIn(year, month) || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return null;
  return Date.UTC(year, month - 1, day, hour, minute, second, ms);
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
