import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CancelRegistrationCommand, ExecuteDomainCommand, RegisterParticipantCommand, type RegisterParticipantResult } from '@kuhina/application';
import { DomainError, placeInLine, type FormQuestionSpec } from '@kuhina/domain';
import type { CommandContext } from '@kuhina/event-store';
import { WORKSHOP_DETAIL_COLLECTION, type WorkshopDetailView } from '@kuhina/read-model';
import { ViewReader } from '../common/views/view-reader';
import type { FormLanguage, FormPage, FormValues, FormWorkshop, PublicPage, UnavailablePage } from './form-model';
import { checkSubmission, fixedModeOf, valuesOf } from './form-submission';
import { FormTokens } from './form-tokens';
import { SubmissionLimiter } from './submission-limiter';

/** A page and the HTTP status it goes with. */
export interface Answered {
  status: number;
  page: PublicPage;
}

/** The wording of the consents on the form, by language: the version the person agreed to. */
export const FORM_CONSENT_WORDING = (lang: FormLanguage): string => `public-form-1-${lang}`;

const STATUS_OF: Record<UnavailablePage['reason'], number> = { 'unknown-link': 404, closed: 409, 'not-open-yet': 409, over: 409, 'invitation-required': 403, 'too-many-requests': 429 };

/** The workshop as the page tells it, from its detail view. */
function workshopOf(view: WorkshopDetailView): FormWorkshop {
  const participants = view.counts.registered;
  return {
    title: view.title,
    startsAt: view.startsAt,
    endsAt: view.endsAt,
    format: view.format,
    location: view.location,
    seatsLeft: view.capacity === null ? null : Math.max(0, view.capacity - participants),
    waitlisted: view.counts.waitlisted,
  };
}

/**
 * The public form's use cases, for people without an API key: show the form, register from it, cancel with the
 * personal link. Every answer is a page. A refused submission appends nothing (checked before any command; the
 * registration's own checks run before a person is created). The same page answers a new e-mail and one already
 * registered (then with a cancel link that cancels nothing), so the form cannot be used to learn who registered.
 */
@Injectable()
export class PublicFormService {
  constructor(
    private readonly views: ViewReader,
    private readonly bus: CommandBus,
    private readonly tokens: FormTokens,
    private readonly limiter: SubmissionLimiter,
  ) {}

  /** GET /r/:token. */
  async form(token: string, lang: FormLanguage, invitation: string | null): Promise<Answered> {
    const opened = await this.open(token, lang, invitation);
    if ('unavailable' in opened) return opened.unavailable;
    return { status: 200, page: this.formPage(opened, lang, invitation, blank(opened.questions), []) };
  }

  /** POST /r/:token. */
  async submit(token: string, lang: FormLanguage, invitation: string | null, body: unknown, requestId: string): Promise<Answered> {
    const opened = await this.open(token, lang, invitation);
    if ('unavailable' in opened) return opened.unavailable;
    const { view, linkId, questions, personId } = opened;
    if (!this.limiter.take(view.workshopId)) return unavailable(lang, 'too-many-requests', workshopOf(view));
    const values = valuesOf(body, questions);
    // A bot filled the field people never see: it gets the page a person gets, and nothing is written.
    if (values.website.trim() !== '') return this.answer(view, lang, 'registered', 0, randomUUID());
    const checked = checkSubmission(values, questions, view.format, lang, new Date().getUTCFullYear());
    if (!checked.ok) return { status: 400, page: this.formPage(opened, lang, invitation, { ...values, website: '' }, checked.errors) };
    const { submission } = checked;
    const registrationId = randomUUID();
    const context = publicContext(requestId);
    const now = new Date().toISOString();
    let result: RegisterParticipantResult;
    try {
      result = await this.bus.execute<RegisterParticipantCommand, RegisterParticipantResult>(
        new RegisterParticipantCommand(
          view.workshopId,
          registrationId,
          personId !== null ? { personId } : { person: { name: submission.name, email: submission.email, phone: null, ...(submission.esf ? { esf: submission.esf } : {}), organizationId: null } },
          { organizationId: null, attendanceMode: submission.attendanceMode, expectations: null, advanceQuestions: [], role: 'participant', form: { linkId, answers: submission.answers } },
          now,
          context,
        ),
      );
    } catch (error) {
      return this.refused(error, view, lang);
    }
    for (const purpose of submission.consents) {
      await this.bus.execute(
        new ExecuteDomainCommand('person', { type: 'GiveConsent', data: { personId: result.personId, purpose, givenOn: now.slice(0, 10), source: 'form', wordingVersion: FORM_CONSENT_WORDING(lang) }, at: now }, { ...context, commandId: randomUUID() }),
      );
    }
    const state = result.workshop.state;
    const place = state.status === 'empty' ? null : placeInLine(state.waitlist, registrationId);
    return this.answer(view, lang, result.status === 'waitlisted' ? 'waitlisted' : 'registered', place ?? 0, registrationId);
  }

  /** GET /r/cancel/:token: the confirmation (a GET changes nothing: link previews follow links). */
  async cancelPage(token: string, lang: FormLanguage, action: string): Promise<Answered> {
    const target = this.tokens.open('cancel', token);
    const view = target && (await this.views.maybe<WorkshopDetailView>(WORKSHOP_DETAIL_COLLECTION, target.workshopId));
    if (!view) return unavailable(lang, 'unknown-link', null);
    return { status: 200, page: { kind: 'cancel-confirm', lang, workshop: workshopOf(view), action } };
  }

  /** POST /r/cancel/:token: the registration cancelled (its seat goes to the next in line), or already was. */
  async cancel(token: string, lang: FormLanguage, requestId: string): Promise<Answered> {
    const target = this.tokens.open('cancel', token);
    const view = target && (await this.views.maybe<WorkshopDetailView>(WORKSHOP_DETAIL_COLLECTION, target.workshopId));
    if (!target || !view) return unavailable(lang, 'unknown-link', null);
    try {
      await this.bus.execute(new CancelRegistrationCommand(target.workshopId, target.id, 'Cancelled by the participant with the cancel link', new Date().toISOString(), publicContext(requestId)));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      // Held already: too late to cancel. Unknown or cancelled already (or a link that never named a registration): cancelled.
      if (error.code === 'WORKSHOP.ALREADY_HELD' || error.code === 'WORKSHOP.ALREADY_REPORTED') return unavailable(lang, 'over', workshopOf(view));
    }
    return { status: 200, page: { kind: 'cancelled', lang, workshop: workshopOf(view) } };
  }

  private async open(token: string, lang: FormLanguage, invitation: string | null): Promise<
    { view: WorkshopDetailView; linkId: string; questions: FormQuestionSpec[]; personId: string | null } | { unavailable: Answered }
  > {
    const link = this.tokens.open('form-link', token);
    const view = link && (await this.views.maybe<WorkshopDetailView>(WORKSHOP_DETAIL_COLLECTION, link.workshopId));
    const active = view?.form?.links.find((l) => l.linkId === link!.id && l.revokedAt === null);
    if (!link || !view || !active) return { unavailable: unavailable(lang, 'unknown-link', null) };
    const workshop = workshopOf(view);
    switch (view.status) {
      case 'planned':
        return { unavailable: unavailable(lang, 'not-open-yet', workshop) };
      case 'registration-closed':
      case 'cancelled':
        return { unavailable: unavailable(lang, 'closed', workshop) };
      case 'held':
      case 'reported':
        return { unavailable: unavailable(lang, 'over', workshop) };
      case 'registration-open':
        break;
    }
    let personId: string | null = null;
    if (view.access === 'invitation-only') {
      const invited = invitation === null ? null : this.tokens.open('invitation', invitation);
      if (!invited || invited.workshopId !== view.workshopId) return { unavailable: unavailable(lang, 'invitation-required', workshop) };
      personId = invited.id;
    }
    return { view, linkId: link.id, questions: view.form?.questions ?? [], personId };
  }

  private formPage(opened: { view: WorkshopDetailView; linkId: string; questions: FormQuestionSpec[] }, lang: FormLanguage, invitation: string | null, values: FormValues, errors: FormPage['errors']): FormPage {
    const { view, linkId, questions } = opened;
    // The page posts to the link it was opened by: the registration is credited to it, and its revocation stops it.
    const base = `/r/${this.tokens.formLink(view.workshopId, linkId)}`;
    return {
      kind: 'form',
      lang,
      action: invitation ? `${base}?invitation=${invitation}` : base,
      invitation,
      workshop: workshopOf(view),
      questions,
      askAttendanceMode: fixedModeOf(view.format) === null,
      values,
      errors,
    };
  }

  private answer(view: WorkshopDetailView, lang: FormLanguage, status: 'registered' | 'waitlisted', place: number, registrationId: string): Answered {
    return {
      status: 200,
      page: { kind: 'answer', lang, workshop: workshopOf(view), outcome: status === 'waitlisted' ? { status, place } : { status }, cancelUrl: `/r/cancel/${this.tokens.cancel(view.workshopId, registrationId)}` },
    };
  }

  /** A registration refused by the rules: the same page as a success for an e-mail already registered; otherwise why. */
  private refused(error: unknown, view: WorkshopDetailView, lang: FormLanguage): Answered {
    if (!(error instanceof DomainError)) throw error;
    const workshop = workshopOf(view);
    switch (error.code) {
      case 'REGISTRATION.DUPLICATE':
      case 'PERSON.ERASED':
      case 'PERSON.EMAIL_TAKEN':
        // Whether the e-mail was known is not the visitor's to learn: the page of a registration, with a link that cancels nothing.
        return this.answer(view, lang, 'registered', 0, randomUUID());
      case 'WORKSHOP.REGISTRATION_CLOSED':
      case 'FORM.LINK_REVOKED':
      case 'FORM.LINK_NOT_FOUND':
      case 'WORKSHOP.CANCELLED':
        return unavailable(lang, 'closed', workshop);
      case 'WORKSHOP.REGISTRATION_NOT_OPEN':
        return unavailable(lang, 'not-open-yet', workshop);
      case 'WORKSHOP.ALREADY_HELD':
      case 'WORKSHOP.ALREADY_REPORTED':
        return unavailable(lang, 'over', workshop);
      case 'WORKSHOP.NOT_INVITED':
        return unavailable(lang, 'invitation-required', workshop);
      default:
        throw error;
    }
  }
}

function unavailable(lang: FormLanguage, reason: UnavailablePage['reason'], workshop: FormWorkshop | null): Answered {
  return { status: STATUS_OF[reason], page: { kind: 'unavailable', lang, reason, workshop } };
}

function blank(questions: readonly FormQuestionSpec[]): FormValues {
  return valuesOf({}, questions);
}

/** Who wrote it: the public form (no API key), one new command per submission. */
function publicContext(requestId: string): CommandContext {
  return { commandId: randomUUID(), actor: 'public-form', correlationId: requestId };
}
