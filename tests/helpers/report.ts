// Fixture Reports for the reporter tests: the committed JSON files under
// tests/fixtures/report/ (written by its make.ts), read as Report objects.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Report } from '../../src/types.js';

const folder = path.join(import.meta.dirname, '..', 'fixtures', 'report');

/**
 * A fixture Report, parsed afresh on each call (tests may not share one object).
 *
 * @param name `seeds`, `seeds-two-meetings` or `seeds-two-meetings-dates`.
 */
export function fixtureReport(name: 'seeds' | 'seeds-two-meetings' | 'seeds-two-meetings-dates'): Report {
  return JSON.parse(readFileSync(path.join(folder, `${name}.json`), 'utf8')) as Report;
}
