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
  /** The person is not (or no longer) a contact person of the organisation. */
  CONTACT_NOT_FOUND: 'ORGANIZATION.CONTACT_NOT_FOUND',
  /** A contact person's role is blank. */
  CONTACT_INVALID_FIELD: 'ORGANIZATION.CONTACT_INVALID_FIELD',
  OFFER_NOT_FOUND: 'OFFER.NOT_FOUND',
  /** The offer id is taken by another offer. */
  OFFER_ALREADY_EXISTS: 'OFFER.ALREADY_EXISTS',
  /** A withdrawn offer is history: it cannot change. */
  OFFER_WITHDRAWN: 'OFFER.WITHDRAWN',
  /** A field of an offer breaks its rule; `details.field` names it. */
  OFFER_INVALID_FIELD: 'OFFER.INVALID_FIELD',
  /** An offer that is not online names no municipality or region (nor does its organisation). */
  OFFER_PLACE_REQUIRED: 'OFFER.PLACE_REQUIRED',
  /** availableUntil before availableFrom. */
  OFFER_PERIOD_INVALID: 'OFFER.PERIOD_INVALID',
} as const;

export type OrganizationErrorCode = (typeof OrganizationErrors)[keyof typeof OrganizationErrors];
