/**
 * The access log: every answer that revealed personal data (names, e-mails, ...) leaves one event.
 * It is an application fact, not an aggregate's decision (no invariant guards it), so it is appended
 * directly, never through a decider.
 */
export const PERSONAL_DATA_ACCESS_STREAM = 'personal-data-access';
export const PERSONAL_DATA_ACCESSED = 'PersonalDataAccessed';

/** Which endpoint answered: `GET` + `/workshops/:id/registrations` + the `:id` it was called with. */
export interface AccessedEndpoint {
  method: string;
  /** The route pattern, never the raw URL (a query string could carry anything). */
  route: string;
  /** The `:id` path parameter, or null for a route without one. */
  id: string | null;
}

/** What the event holds: ids only, never a name or an e-mail (the log must not become a copy of the personal data). */
export interface PersonalDataAccessedData {
  /** API key name (the actor). */
  accessedBy: string;
  role: string;
  /** Every person whose personal data the answer revealed, each once. */
  people: string[];
  endpoint: AccessedEndpoint;
  /** The HTTP request id (X-Request-Id), also the event's correlation id. */
  requestId: string;
  /** When the answer was given (system time). */
  at: string;
}
