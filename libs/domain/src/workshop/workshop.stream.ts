export const WORKSHOP_STREAM_PREFIX = 'workshop-';

export const workshopStream = (workshopId: string): string => WORKSHOP_STREAM_PREFIX + workshopId;

/** The workshop id of a `workshop-<id>` stream, or null for any other stream. */
export const parseWorkshopStream = (stream: string): string | null =>
  stream.startsWith(WORKSHOP_STREAM_PREFIX) && stream.length > WORKSHOP_STREAM_PREFIX.length
    ? stream.slice(WORKSHOP_STREAM_PREFIX.length)
    : null;
