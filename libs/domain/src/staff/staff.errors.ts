/** Stable error codes of the staff member aggregate (clients and the HTTP mapping rely on them). */
export const StaffErrors = {
  INVALID_FIELD: 'STAFF.INVALID_FIELD',
  /** The rate id is taken by another rate. */
  RATE_ALREADY_EXISTS: 'STAFF.RATE_ALREADY_EXISTS',
  /** Two rates of one person may not cover the same day: an hour must have one cost. */
  RATE_OVERLAP: 'STAFF.RATE_OVERLAP',
  /** Hours of someone with no hourly rate: the person is not a staff member of the project. */
  NOT_STAFF: 'STAFF.NOT_STAFF',
  /** Hours on a day no rate of the person covers. */
  NO_RATE_ON_DATE: 'STAFF.NO_RATE_ON_DATE',
} as const;
