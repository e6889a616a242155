import { conflict, notFound } from '../../shared/domain-error';
import { idMapGet } from '../id-map';
import type { CreateRegistrationLink, RegisterParticipant, RevokeRegistrationLink, SetRegistrationForm } from '../workshop.commands';
import type { WorkshopEvent } from '../workshop.events';
import { existing, requireNotYetHeld } from '../workshop.guards';
import type { ExistingWorkshop, WorkshopState } from '../workshop.state';
import { fieldChecks, fingerprint } from '../workshop.validation';
import { FormErrors, checkQuestions, type FormSubmission } from './form';

const formField = fieldChecks(FormErrors.INVALID_FIELD);

/** The form's questions; a different set later replaces it (version n+1); the same again is a retry. Before the workshop only. */
export function setRegistrationForm({ data, at }: SetRegistrationForm, state: WorkshopState): WorkshopEvent[] {
  const w = existing(state, data.workshopId);
  const questions = checkQuestions(data.questions);
  const key = fingerprint(questions);
  if (w.form?.key === key) return [];
  requireNotYetHeld(w, 'change its registration form');
  return [{ type: 'RegistrationFormSet', data: { workshopId: w.workshopId, questions, version: (w.form?.version ?? 0) + 1, setAt: at } }];
}

/** A new public link to the form. The link's secret part is derived from its id by the API (never stored in the log). */
export function createRegistrationLink({ data, at }: CreateRegistrationLink, state: WorkshopState): WorkshopEvent[] {
  const w = existing(state, data.workshopId);
  const linkId = formField.text(data.linkId, 'linkId');
  if (w.links && idMapGet(w.links, linkId) !== undefined) return [];
  requireNotYetHeld(w, 'open a registration link');
  return [{ type: 'RegistrationLinkCreated', data: { workshopId: w.workshopId, linkId, createdAt: at } }];
}

/** Revoked for good (a new link is made for a new audience); revoking again changes nothing. */
export function revokeRegistrationLink({ data, at }: RevokeRegistrationLink, state: WorkshopState): WorkshopEvent[] {
  const w = existing(state, data.workshopId);
  const linkId = formField.text(data.linkId, 'linkId');
  const reason = formField.text(data.reason, 'reason');
  const link = w.links && idMapGet(w.links, linkId);
  if (link === undefined) throw notFound(FormErrors.LINK_NOT_FOUND, `Workshop ${w.workshopId} has no registration link ${linkId}`, { workshopId: w.workshopId, linkId });
  if (link === 'revoked') return [];
  return [{ type: 'RegistrationLinkRevoked', data: { workshopId: w.workshopId, linkId, reason, revokedAt: at } }];
}

/** A registration through the form names an active link of the workshop (a revoked link registers nobody). */
export function checkedSubmission(w: ExistingWorkshop, data: Pick<RegisterParticipant['data'], 'form'>): { form?: FormSubmission } {
  if (data.form === undefined || data.form === null) return {};
  const linkId = formField.text(data.form.linkId, 'form.linkId');
  const link = w.links && idMapGet(w.links, linkId);
  if (link === undefined) throw notFound(FormErrors.LINK_NOT_FOUND, `Workshop ${w.workshopId} has no registration link ${linkId}`, { workshopId: w.workshopId, linkId });
  if (link === 'revoked') throw conflict(FormErrors.LINK_REVOKED, `The registration link ${linkId} of workshop ${w.workshopId} was revoked`, { workshopId: w.workshopId, linkId });
  return { form: { linkId, answers: data.form.answers ?? null } };
}
