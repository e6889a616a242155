/** Stable error codes of the Collaboration aggregate. */
export const CollaborationErrors = {
  NOT_FOUND: 'COLLABORATION.NOT_FOUND',
  ALREADY_EXISTS: 'COLLABORATION.ALREADY_EXISTS',
  /** The command names another collaboration than the stream it was sent to. */
  ID_MISMATCH: 'COLLABORATION.ID_MISMATCH',
  /** An ended collaboration takes no changes. */
  ENDED: 'COLLABORATION.ENDED',
  /** A collaboration joins at least two different organisations. */
  TOO_FEW_PARTNERS: 'COLLABORATION.TOO_FEW_PARTNERS',
  /** The same organisation listed twice. */
  DUPLICATE_PARTNER: 'COLLABORATION.DUPLICATE_PARTNER',
  /** A required text or id is missing or blank; `details.field` names it. */
  BLANK_FIELD: 'COLLABORATION.BLANK_FIELD',
  /** Not a calendar date `YYYY-MM-DD`; `details.field` names it. */
  INVALID_DATE: 'COLLABORATION.INVALID_DATE',
  /** endedOn or a partner's joinedOn before startedOn. */
  DATE_BEFORE_START: 'COLLABORATION.DATE_BEFORE_START',
} as const;

export type CollaborationErrorCode = (typeof CollaborationErrors)[keyof typeof CollaborationErrors];
