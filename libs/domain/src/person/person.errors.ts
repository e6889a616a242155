/** Stable error codes of the Person aggregate and of its e-mail reservation (email-claim). */
export const PersonErrors = {
  NOT_FOUND: 'PERSON.NOT_FOUND',
  ALREADY_EXISTS: 'PERSON.ALREADY_EXISTS',
  /** The command names another person than the stream it was sent to. */
  ID_MISMATCH: 'PERSON.ID_MISMATCH',
  /** The personal data was erased: the person takes no command but a repeated erasure. */
  ERASED: 'PERSON.ERASED',
  /** Not an `EncryptedPersonalData` envelope (A256GCM, key id, base64 iv/tag/ciphertext). */
  PERSONAL_DATA_INVALID: 'PERSON.PERSONAL_DATA_INVALID',
  /** A blind index must be a non-empty token of [A-Za-z0-9_+/=-], at most 256 characters. */
  BLIND_INDEX_INVALID: 'PERSON.BLIND_INDEX_INVALID',
  /** A required text or id is missing or blank; `details.field` names it. */
  BLANK_FIELD: 'PERSON.BLANK_FIELD',
  /** The e-mail (by its blind index) belongs to another person; `details.personId` is the owner. */
  EMAIL_TAKEN: 'PERSON.EMAIL_TAKEN',
  /** Only the owner may release an e-mail reservation; `details.personId` is the owner. */
  EMAIL_NOT_OWNED: 'PERSON.EMAIL_NOT_OWNED',
  /** A consent's purpose, source, day or wording version is missing or not one of the known values; `details.field` names it. */
  CONSENT_INVALID: 'CONSENT.INVALID_FIELD',
  /** A consent given or withdrawn on a day after the fact's business time (a day in the future when none was given). */
  CONSENT_DATE_AFTER_FACT: 'CONSENT.DATE_AFTER_FACT',
  /** A use that needs the person's consent (an outreach needs `future-workshops`) and they have none on that day. */
  CONSENT_NOT_GIVEN: 'CONSENT.NOT_GIVEN',
} as const;

export type PersonErrorCode = (typeof PersonErrors)[keyof typeof PersonErrors];
