/** Stable error codes of the Chain aggregate (clients and the HTTP mapping rely on them). */
export const ChainErrors = {
  NOT_FOUND: 'CHAIN.NOT_FOUND',
  ALREADY_EXISTS: 'CHAIN.ALREADY_EXISTS',
  /** The command names another chain than the stream it was sent to. */
  ID_MISMATCH: 'CHAIN.ID_MISMATCH',
  /** A closed chain takes no more workshops and no detail changes. */
  CLOSED: 'CHAIN.CLOSED',
  /** A required text field is missing or blank; `details.field` names it. */
  BLANK_FIELD: 'CHAIN.BLANK_FIELD',
  /** Not a calendar date `YYYY-MM-DD`; `details.field` names it. */
  INVALID_DATE: 'CHAIN.INVALID_DATE',
  /** periodEnd before periodStart. */
  PERIOD_INVALID: 'CHAIN.PERIOD_INVALID',
  /** A last payment earlier than the one already recorded would shorten ESF retention. */
  PAYMENT_BEFORE_LAST_PAYMENT: 'CHAIN.PAYMENT_BEFORE_LAST_PAYMENT',
  /** The meeting id is taken by a different meeting. */
  MEETING_ALREADY_EXISTS: 'CHAIN.MEETING_ALREADY_EXISTS',
  /** The staff-hours entry id is taken by other hours. */
  STAFF_HOURS_ALREADY_EXISTS: 'STAFF_HOURS.ALREADY_EXISTS',
  STAFF_HOURS_NOT_FOUND: 'STAFF_HOURS.NOT_FOUND',
  /** A field of a command is not of the expected form; `details.field` names it. */
  INVALID_FIELD: 'CHAIN.INVALID_FIELD',
  /** followsChainId names the chain itself. */
  FOLLOWS_ITSELF: 'CHAIN.FOLLOWS_ITSELF',
} as const;

export type ChainErrorCode = (typeof ChainErrors)[keyof typeof ChainErrors];
