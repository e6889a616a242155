/**
 * Stable error codes of the Workshop aggregate (clients and the HTTP mapping rely on them).
 * The prefix names the thing refused: the workshop itself or one of its registrations, pledges, ...
 * Malformed input (blank text, value outside its vocabulary, wrong type, not an ISO date) uses
 * `<THING>.INVALID_FIELD` with `details.field` and `details.expected`; rules worth their own code get one.
 */
export const WorkshopErrors = {
  NOT_FOUND: 'WORKSHOP.NOT_FOUND',
  ALREADY_EXISTS: 'WORKSHOP.ALREADY_EXISTS',
  /** The command names another workshop than the stream it was sent to. */
  ID_MISMATCH: 'WORKSHOP.ID_MISMATCH',
  INVALID_FIELD: 'WORKSHOP.INVALID_FIELD',
  /** endsAt is not after startsAt. */
  SCHEDULE_INVALID: 'WORKSHOP.SCHEDULE_INVALID',
  /** In-person and hybrid workshops need a venue; only webinars may have none. */
  LOCATION_REQUIRED: 'WORKSHOP.LOCATION_REQUIRED',
  /** Capacity must be a positive integer or null (unlimited). */
  CAPACITY_INVALID: 'WORKSHOP.CAPACITY_INVALID',
  /** Capacity cannot drop below the seats already taken (nobody is moved back to the waitlist). */
  CAPACITY_BELOW_REGISTERED: 'WORKSHOP.CAPACITY_BELOW_REGISTERED',
  /** Registration has not been opened yet (workshop only planned). */
  REGISTRATION_NOT_OPEN: 'WORKSHOP.REGISTRATION_NOT_OPEN',
  /** Registration was opened and is closed now. */
  REGISTRATION_CLOSED: 'WORKSHOP.REGISTRATION_CLOSED',
  /** Invitations exist only for invitation-only workshops. */
  NOT_INVITATION_ONLY: 'WORKSHOP.NOT_INVITATION_ONLY',
  /** Invitation-only workshop and the person was not invited. */
  NOT_INVITED: 'WORKSHOP.NOT_INVITED',
  /** Remote attendance needs a hybrid or webinar format; on-site attendance is impossible at a webinar. */
  ATTENDANCE_MODE_NOT_OFFERED: 'WORKSHOP.ATTENDANCE_MODE_NOT_OFFERED',
  /** The workshop has not been held yet (attendance, feedback, report). */
  NOT_HELD: 'WORKSHOP.NOT_HELD',
  /** The workshop was held already (no more planning, registration changes or cancellation). */
  ALREADY_HELD: 'WORKSHOP.ALREADY_HELD',
  /** heldOn must be one of the days the workshop is planned (or rescheduled) for. */
  HELD_OUTSIDE_DATES: 'WORKSHOP.HELD_OUTSIDE_DATES',
  /** The workshop was reported; its plan and pledges are final. */
  ALREADY_REPORTED: 'WORKSHOP.ALREADY_REPORTED',
  /** The workshop was cancelled. */
  CANCELLED: 'WORKSHOP.CANCELLED',

  REGISTRATION_NOT_FOUND: 'REGISTRATION.NOT_FOUND',
  /** The registration id is taken by a different registration. */
  REGISTRATION_ALREADY_EXISTS: 'REGISTRATION.ALREADY_EXISTS',
  /** The person already has an active (registered or waitlisted) registration. */
  REGISTRATION_DUPLICATE: 'REGISTRATION.DUPLICATE',
  /** The registration is waitlisted or cancelled, so it holds no seat (attendance, feedback). */
  REGISTRATION_NOT_REGISTERED: 'REGISTRATION.NOT_REGISTERED',
  REGISTRATION_INVALID_FIELD: 'REGISTRATION.INVALID_FIELD',
  /** Citizens at a street event are a tally with the citizen input; only the people running it register (as hosts, organisers, speakers). */
  REGISTRATION_STREET_EVENT_CITIZEN: 'REGISTRATION.STREET_EVENT_CITIZEN',

  /** Attendance was recorded with the other mode already. */
  ATTENDANCE_ALREADY_RECORDED: 'ATTENDANCE.ALREADY_RECORDED',
  /** The same registration appears twice in one batch with different modes. */
  ATTENDANCE_CONFLICTING_MODES: 'ATTENDANCE.CONFLICTING_MODES',
  ATTENDANCE_INVALID_FIELD: 'ATTENDANCE.INVALID_FIELD',

  PLEDGE_NOT_FOUND: 'PLEDGE.NOT_FOUND',
  PLEDGE_ALREADY_EXISTS: 'PLEDGE.ALREADY_EXISTS',
  /** Only a pending pledge can be fulfilled or withdrawn. */
  PLEDGE_NOT_PENDING: 'PLEDGE.NOT_PENDING',
  /** inKindValueCents must be an integer ≥ 0. */
  PLEDGE_VALUE_INVALID: 'PLEDGE.VALUE_INVALID',
  PLEDGE_INVALID_FIELD: 'PLEDGE.INVALID_FIELD',

  EXPENSE_NOT_FOUND: 'EXPENSE.NOT_FOUND',
  EXPENSE_ALREADY_EXISTS: 'EXPENSE.ALREADY_EXISTS',
  /** A voided expense cannot be voided or corrected. */
  EXPENSE_VOIDED: 'EXPENSE.VOIDED',
  /** amountCents must be an integer ≥ 0. */
  EXPENSE_AMOUNT_INVALID: 'EXPENSE.AMOUNT_INVALID',
  EXPENSE_INVALID_FIELD: 'EXPENSE.INVALID_FIELD',

  STAFF_HOURS_INVALID_FIELD: 'STAFF_HOURS.INVALID_FIELD',
  /** The entry id is taken by other hours. */
  STAFF_HOURS_ALREADY_EXISTS: 'STAFF_HOURS.ALREADY_EXISTS',
  STAFF_HOURS_NOT_FOUND: 'STAFF_HOURS.NOT_FOUND',

  FEEDBACK_ALREADY_EXISTS: 'FEEDBACK.ALREADY_EXISTS',
  /** Feedback was already given for this registration. */
  FEEDBACK_DUPLICATE: 'FEEDBACK.DUPLICATE',
  /** Feedback tied to a registration must come from someone who attended (else: an anonymous form, no registration). */
  FEEDBACK_NOT_ATTENDED: 'FEEDBACK.NOT_ATTENDED',
  /** Rating must be an integer 1–5. */
  FEEDBACK_RATING_INVALID: 'FEEDBACK.RATING_INVALID',
  FEEDBACK_INVALID_FIELD: 'FEEDBACK.INVALID_FIELD',

  CITIZEN_INPUT_ALREADY_EXISTS: 'CITIZEN_INPUT.ALREADY_EXISTS',
  /** A summary can be forwarded only after some citizen input was collected. */
  CITIZEN_INPUT_NOT_COLLECTED: 'CITIZEN_INPUT.NOT_COLLECTED',
  CITIZEN_INPUT_INVALID_FIELD: 'CITIZEN_INPUT.INVALID_FIELD',

  PLANNING_MEETING_ALREADY_EXISTS: 'PLANNING_MEETING.ALREADY_EXISTS',
  PLANNING_MEETING_INVALID_FIELD: 'PLANNING_MEETING.INVALID_FIELD',

  SUSTAINABILITY_INVALID_FIELD: 'SUSTAINABILITY.INVALID_FIELD',

  OUTREACH_INVALID_FIELD: 'OUTREACH.INVALID_FIELD',
  /** The outreach id is taken by a different outreach. */
  OUTREACH_ALREADY_EXISTS: 'OUTREACH.ALREADY_EXISTS',
  /** sentOn lies after the record's business time (an outreach dated in the future). */
  OUTREACH_SENT_AFTER_RECORD: 'OUTREACH.SENT_AFTER_RECORD',
  /** An outreach "to the list as it stands" when the list is empty (nobody consented, or all are registered already). */
  OUTREACH_NOBODY_TO_TELL: 'OUTREACH.NOBODY_TO_TELL',
} as const;

export type WorkshopErrorCode = (typeof WorkshopErrors)[keyof typeof WorkshopErrors];
