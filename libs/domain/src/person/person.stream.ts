import { EMAIL_CLAIM_STREAM_PREFIX } from './email-claim.stream';

export const PERSON_STREAM_PREFIX = 'person-';

export const personStream = (personId: string): string => PERSON_STREAM_PREFIX + personId;

/**
 * The person id of a `person-<id>` stream, or null for any other stream. E-mail reservations
 * (`emailclaim-<blindIndex>`) are never persons.
 */
export const parsePersonStream = (stream: string): string | null =>
  stream.startsWith(PERSON_STREAM_PREFIX) && !stream.startsWith(EMAIL_CLAIM_STREAM_PREFIX) && stream.length > PERSON_STREAM_PREFIX.length
    ? stream.slice(PERSON_STREAM_PREFIX.length)
    : null;
