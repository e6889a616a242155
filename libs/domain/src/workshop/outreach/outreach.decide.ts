import { conflict, invalid, unprocessable } from '../../shared/domain-error';
import { isoDatePart } from '../../shared/iso-date';
import { idMapGet, idMapHas } from '../id-map';
import type { RecordOutreach } from '../workshop.commands';
import { WorkshopErrors as E } from '../workshop.errors';
import type { WorkshopEvent } from '../workshop.events';
import { existing, requireNotYetHeld } from '../workshop.guards';
import type { WorkshopData, WorkshopState } from '../workshop.state';
import { fieldChecks, fingerprint } from '../workshop.validation';
import { MAX_OUTREACH_PEOPLE, OUTREACH_CHANNELS } from './outreach';

// Outreach: past participants told about a coming workshop. Whether each person consented to be told is another
// aggregate's fact (the person's): the use case checks it before this decision (reference checks, `consentedOn`).

const outreachField = fieldChecks(E.OUTREACH_INVALID_FIELD);

const DAY_MS = 86_400_000;

/** The ids, each once: a list with an id twice is a mistake in the list, refused rather than silently merged. */
function personIdsOf(value: unknown): string[] {
  const personIds = outreachField.strings(value, 'personIds', true);
  const expected = `an array of 1 to ${MAX_OUTREACH_PEOPLE} person ids, each once`;
  if (personIds.length === 0 || personIds.length > MAX_OUTREACH_PEOPLE || new Set(personIds).size !== personIds.length) {
    throw invalid(E.OUTREACH_INVALID_FIELD, `personIds must be ${expected}`, { field: 'personIds', expected, value: personIds.length });
  }
  return personIds;
}

/**
 * The day it was sent must not lie after the record's business time (one day of slack: `at` is UTC, the day Finnish).
 * An outreach dated tomorrow would attribute registrations made before it was sent.
 */
function sentOnOf(value: unknown, at: string): string {
  const sentOn = outreachField.date(value, 'sentOn');
  const atDay = isoDatePart(at);
  const latest = atDay === null ? null : new Date(Date.parse(`${atDay}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
  if (latest !== null && sentOn > latest) {
    throw unprocessable(E.OUTREACH_SENT_AFTER_RECORD, `sentOn ${sentOn} lies after the business time of the record (${at})`, { field: 'sentOn', value: sentOn, occurredAt: at });
  }
  return sentOn;
}

/**
 * Records who was told about the workshop, how and when. Before the workshop only (telling people about a workshop
 * that is over or cancelled is not outreach). For an invitation-only workshop the people told are invited by it: the
 * outreach is the invitation. A registration of someone told is attributed to the latest outreach that reached them.
 */
export function recordOutreach({ data, at }: RecordOutreach, state: WorkshopState): WorkshopEvent[] {
  const w = existing(state, data.workshopId);
  const outreachId = outreachField.text(data.outreachId, 'outreachId');
  const channel = outreachField.oneOf(data.channel, OUTREACH_CHANNELS, 'channel');
  const sentOn = sentOnOf(data.sentOn, at);
  const personIds = personIdsOf(data.personIds);
  const note = outreachField.nonBlankOrNull(data.note, 'note');
  const key = fingerprint(channel, sentOn, personIds, note);
  const known = w.outreaches && idMapGet(w.outreaches, outreachId);
  if (known) {
    if (known.key === key) return [];
    throw conflict(E.OUTREACH_ALREADY_EXISTS, `Outreach id ${outreachId} is taken by another outreach`, { outreachId });
  }
  requireNotYetHeld(w, 'record an outreach');
  const reached = w.reachedBy;
  const firstContacts = reached ? personIds.filter((personId) => !idMapHas(reached, personId)).length : personIds.length;
  const events: WorkshopEvent[] = [
    { type: 'OutreachRecorded', data: { workshopId: w.workshopId, outreachId, channel, sentOn, personIds, note, firstContacts, recordedAt: at } },
  ];
  if (w.plan.access === 'invitation-only') {
    for (const personId of personIds) {
      if (!idMapHas(w.invitedPersonIds, personId)) events.push({ type: 'PersonInvited', data: { workshopId: w.workshopId, personId, role: 'participant', invitedAt: at } });
    }
  }
  return events;
}

/** The outreach a registration of this person follows: the latest that reached them (participants only). */
export const outreachOf = (w: Pick<WorkshopData, 'reachedBy'>, personId: string): string | null => (w.reachedBy && idMapGet(w.reachedBy, personId)) ?? null;
