// The workshop's field checks are the shared ones (libs/domain/src/shared): re-exported here under the names the
// workshop decider has always imported.
export { fieldChecks } from '../shared/field-checks';
export { instant, isIsoDateTime } from '../shared/iso-date';
export { isCents, isNonBlank } from '../shared/rules';

/** Order-sensitive fingerprint of a command's identifying facts: JSON avoids separator collisions. */
export const fingerprint = (...parts: readonly unknown[]): string => JSON.stringify(parts);
