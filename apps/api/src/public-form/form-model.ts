// The public registration form's page model: what the controller hands the renderer (render/*.ts), and what the
// renderer hands back as HTML. No Nest, no store: the pages are pure functions of these values, so they are tested
// without a server and rendered the same with or without JavaScript in the browser.

/** The two languages of the form: chosen by `?lang=`, else by the browser's Accept-Language, else Finnish. */
export const FORM_LANGUAGES = ['fi', 'en'] as const;
export type FormLanguage = (typeof FORM_LANGUAGES)[number];

/** A text the back office wrote in both languages (a question's label); `en` falls back to `fi` when empty. */
export interface Bilingual {
  fi: string;
  en: string;
}

/**
 * A question the back office set for the workshop (events on the workshop):
 * - `text`: a free-text question (e.g. expectations, wishes for the future competence centre);
 * - `advance-questions`: questions for the speakers, one per line (the presenters' digest lists them, no names).
 */
export interface FormQuestion {
  questionId: string;
  kind: 'text' | 'advance-questions';
  label: Bilingual;
  /** A hint under the field, optional. */
  help: Bilingual | null;
  required: boolean;
}

/** What the page says about the workshop. */
export interface FormWorkshop {
  title: string;
  /** ISO 8601 with offset; the page shows date and time in Finnish time (Europe/Helsinki). */
  startsAt: string;
  endsAt: string;
  format: 'in-person' | 'hybrid' | 'webinar';
  /** null for a webinar (online). */
  location: { venue: string; municipality: string; region: string } | null;
  /** Free seats now (null: unlimited); 0 means new registrations go to the waitlist. */
  seatsLeft: number | null;
  /** How many wait already (the place a new registration would get is waitlisted + 1). */
  waitlisted: number;
}

/** The fields of the form as submitted (all strings, as a browser sends them; checkboxes 'on' or absent). */
export interface FormValues {
  name: string;
  email: string;
  organization: string;
  /** 'on-site' | 'remote', asked only for a hybrid workshop. */
  attendanceMode: string;
  dietary: string;
  accessibility: string;
  /** questionId → answer. */
  answers: Record<string, string>;
  /** ESF+ characteristics, all optional ('' = not answered). */
  esfGender: string;
  esfBirthYear: string;
  esfLabourMarketStatus: string;
  esfEducationLevel: string;
  /** 'on' when ticked. */
  consentFutureWorkshops: string;
  consentNamedInReports: string;
  /** The honeypot: a field people never see (hidden by CSS and aria-hidden); a value means a bot. */
  website: string;
}

/** One refused field: its form name (e.g. `email`, `answers.q1`) and the message in the page's language. */
export interface FieldError {
  field: string;
  message: string;
}

/** GET /r/:link (and the same page again with the errors after a refused POST). */
export interface FormPage {
  kind: 'form';
  lang: FormLanguage;
  /** The form's own address (the form posts here; the language switch links to it with `?lang=`). */
  action: string;
  /** An invitation-only workshop's personal invitation token, carried as a hidden field; null otherwise. */
  invitation: string | null;
  workshop: FormWorkshop;
  questions: FormQuestion[];
  /** Whether to ask the attendance mode (hybrid workshops only). */
  askAttendanceMode: boolean;
  values: FormValues;
  /** Empty on first display. The page lists them at the top (linking to each field) and beside each field. */
  errors: FieldError[];
}

/** After a successful POST: registered, or waitlisted with the place; the personal cancel link. */
export interface AnswerPage {
  kind: 'answer';
  lang: FormLanguage;
  workshop: FormWorkshop;
  outcome: { status: 'registered' } | { status: 'waitlisted'; place: number };
  /** The personal, signed, single-purpose cancel link (absolute path, e.g. `/r/cancel/<token>`). */
  cancelUrl: string;
}

/** GET /r/cancel/:token: asks to confirm (a GET never cancels: link previews and scanners follow links). */
export interface CancelConfirmPage {
  kind: 'cancel-confirm';
  lang: FormLanguage;
  workshop: FormWorkshop;
  /** Where the confirm button posts (the same path). */
  action: string;
}

/** After the cancellation (or for a link whose registration is cancelled already: the same page). */
export interface CancelledPage {
  kind: 'cancelled';
  lang: FormLanguage;
  workshop: FormWorkshop;
}

/** Why the form cannot be used: the link is unknown or revoked, registration is closed, the workshop is over. */
export interface UnavailablePage {
  kind: 'unavailable';
  lang: FormLanguage;
  reason: 'unknown-link' | 'closed' | 'not-open-yet' | 'over' | 'invitation-required' | 'too-many-requests';
  /** When known (closed, over): what it was for. */
  workshop: FormWorkshop | null;
}

export type PublicPage = FormPage | AnswerPage | CancelConfirmPage | CancelledPage | UnavailablePage;
