// The calendar-date check of `published` flags, on its own so that parsing the
// command line does not load the HTML importer.

/**
 * Whether `value` is an ISO calendar date `YYYY-MM-DD` that exists.
 *
 * @param value Any string.
 */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
