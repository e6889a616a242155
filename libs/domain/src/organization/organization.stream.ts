export const ORGANIZATION_STREAM_PREFIX = 'organization-';

export const organizationStream = (organizationId: string): string => ORGANIZATION_STREAM_PREFIX + organizationId;

/** The organisation id of an `organization-<id>` stream, or null for any other stream. */
export const parseOrganizationStream = (stream: string): string | null =>
  stream.startsWith(ORGANIZATION_STREAM_PREFIX) && stream.length > ORGANIZATION_STREAM_PREFIX.length
    ? stream.slice(ORGANIZATION_STREAM_PREFIX.length)
    : null;
