/** Stable error codes of the Organization aggregate. */
export const OrganizationErrors = {
  NOT_FOUND: 'ORGANIZATION.NOT_FOUND',
  ALREADY_EXISTS: 'ORGANIZATION.ALREADY_EXISTS',
  /** The command names another organisation than the stream it was sent to. */
  ID_MISMATCH: 'ORGANIZATION.ID_MISMATCH',
  /** A text field is missing or blank (optional ones take null, not ''); `details.field` names it. */
  BLANK_FIELD: 'ORGANIZATION.BLANK_FIELD',
  SECTOR_INVALID: 'ORGANIZATION.SECTOR_INVALID',
  /** Not a Finnish business id `1234567-8` with a correct check digit. */
  BUSINESS_ID_INVALID: 'ORGANIZATION.BUSINESS_ID_INVALID',
  /** Not an absolute http(s) URL. */
  WEBSITE_INVALID: 'ORGANIZATION.WEBSITE_INVALID',
} as const;

export type OrganizationErrorCode = (typeof OrganizationErrors)[keyof typeof OrganizationErrors];
