/** A client's own request id, kept only when it is this plain (no control characters or log-line tricks). */
const CLIENT_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * The X-Request-Id a client sent, for the log line only. It is never the request's id nor the correlation id of its
 * events: those are always the server's own (see createApp's genReqId), so no client can join another request's correlation.
 */
export function clientRequestId(header: string | string[] | undefined): string | undefined {
  return typeof header === 'string' && CLIENT_REQUEST_ID.test(header) ? header : undefined;
}
