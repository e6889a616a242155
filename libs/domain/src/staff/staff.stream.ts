export const STAFF_STREAM_PREFIX = 'staff-';

/** A staff member's own stream: their hourly rates, apart from the person's (sealed) personal data. */
export const staffStream = (personId: string): string => STAFF_STREAM_PREFIX + personId;

export const parseStaffStream = (stream: string): string | null =>
  stream.startsWith(STAFF_STREAM_PREFIX) && stream.length > STAFF_STREAM_PREFIX.length ? stream.slice(STAFF_STREAM_PREFIX.length) : null;
