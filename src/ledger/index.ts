// The ledger stage: the reviewed, committed record of claims in `claims/`.
// Findings → entries (`compareWithLedger`), entries ⇄ YAML files (`formatEntry`,
// `parseEntry`), files ⇄ folder, atomically and under a lock (`readLedger`,
// `withLedgerLock`, `writeLedgerFiles`).

export { entryFromFinding, formatEntry, isEmptyReview, parseEntry } from './entry.js';
export type { LedgerConflict, LedgerEntry, LedgerMention, LedgerReview, ParsedEntry } from './entry.js';
export { entryFileName, readLedger, recoverLedger, withLedgerLock, writeLedgerFiles } from './store.js';
export type { Ledger, WriteOptions, WriteResult, WriteStep } from './store.js';
export { acquireLock, isAlive, LockTimeoutError } from './lock.js';
export type { HeldLock, LockInfo, LockOptions } from './lock.js';
export { compareWithLedger, ledgerFiles, matchEntries, reviewOf } from './compare.js';
export type { ChangeKind, ChangeSeverity, CheckChange, CheckPlace, CheckReport, CheckSummary, LedgerComparison } from './compare.js';
