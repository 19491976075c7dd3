// The version of claimcheck, read once from package.json (one level above src/ and dist/).

import { readFileSync } from 'node:fs';

/** claimcheck's version, e.g. `0.1.0`. */
export const VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
