export const COLLABORATION_STREAM_PREFIX = 'collaboration-';

export const collaborationStream = (collaborationId: string): string => COLLABORATION_STREAM_PREFIX + collaborationId;

/** The collaboration id of a `collaboration-<id>` stream, or null for any other stream. */
export const parseCollaborationStream = (stream: string): string | null =>
  stream.startsWith(COLLABORATION_STREAM_PREFIX) && stream.length > COLLABORATION_STREAM_PREFIX.length
    ? stream.slice(COLLABORATION_STREAM_PREFIX.length)
    : null;
