/** RFC 9457 problem details; `code` is our stable machine-readable code, `errors` names each field and rule. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export interface FieldError {
  /** Path of the field in the request, e.g. `body.attendees[2].mode`, `query.asOf`, `header.Idempotency-Key`. */
  field: string;
  /** The rule that failed, e.g. `isUUID`, `min`, `whitelistValidation`. */
  rule: string;
  message: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** `type` URIs resolve to the problem catalogue in the OpenAPI description. */
export const problemType = (code: string): string => `urn:kuhina:problem:${code.toLowerCase()}`;
