export const EMAIL_CLAIM_STREAM_PREFIX = 'emailclaim-';

export const emailClaimStream = (blindIndex: string): string => EMAIL_CLAIM_STREAM_PREFIX + blindIndex;

/** The blind index of a `emailclaim-<blindIndex>` stream, or null for any other stream. */
export const parseEmailClaimStream = (stream: string): string | null =>
  stream.startsWith(EMAIL_CLAIM_STREAM_PREFIX) && stream.length > EMAIL_CLAIM_STREAM_PREFIX.length
    ? stream.slice(EMAIL_CLAIM_STREAM_PREFIX.length)
    : null;
