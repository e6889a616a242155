import type { OpenAPIObject } from '@nestjs/swagger';
import { businessDateSentence, type CommandType } from '@kuhina/application';

/**
 * The domain command behind each write route, so that the OpenAPI document can say, from the one rule table
 * (`business-dates.ts`), which date each write records and what it defaults to. Routes in OpenAPI's form.
 * A write that is no domain command says in words what it is dated by.
 */
export const WRITE_ROUTES: Readonly<Record<string, CommandType | { sentence: string }>> = {
  'POST /chains': 'StartChain',
  'POST /chains/{id}/details': 'UpdateChainDetails',
  'POST /chains/{id}/planning-meetings': 'RecordChainMeeting',
  'POST /chains/{id}/expenses': 'RecordChainExpense',
  'POST /chains/{id}/expenses/{eid}/void': 'VoidChainExpense',
  'POST /chains/{id}/expenses/{eid}/correct': 'CorrectChainExpense',
  'POST /chains/{id}/staff-hours': 'RecordChainStaffHours',
  'POST /chains/{id}/staff-hours/{eid}/void': 'VoidChainStaffHours',
  'POST /chains/{id}/flat-rate': 'DeclareFlatRate',
  'POST /chains/{id}/last-payment': 'RecordLastPayment',
  'POST /chains/{id}/close': 'CloseChain',
  'POST /chains/{id}/debrief': 'RecordChainDebrief',
  'POST /collaborations': 'RecordCollaboration',
  'POST /collaborations/{id}/partners': 'AddCollaborationPartner',
  'POST /collaborations/{id}/end': 'EndCollaboration',
  'POST /organizations': 'RegisterOrganization',
  'PATCH /organizations/{id}': 'UpdateOrganizationDetails',
  'POST /organizations/{id}/contacts': 'AddContactPerson',
  'POST /organizations/{id}/contacts/remove': 'RemoveContactPerson',
  'POST /organizations/{id}/offers': 'RecordOffer',
  'PATCH /organizations/{id}/offers/{offerId}': 'UpdateOffer',
  'POST /organizations/{id}/offers/withdraw': 'WithdrawOffer',
  'POST /people': 'CreatePerson',
  'POST /people/{id}/affiliation': 'ChangeAffiliation',
  'POST /people/{id}/erase': 'ErasePersonalData',
  'POST /people/{id}/hourly-rates': 'SetHourlyRate',
  'POST /people/{id}/consents': 'GiveConsent',
  'POST /people/{id}/consents/withdraw': 'WithdrawConsent',
  'POST /workshops': 'PlanWorkshop',
  'POST /workshops/{id}/reschedule': 'RescheduleWorkshop',
  'POST /workshops/{id}/co-organizers': 'AddCoOrganizer',
  'POST /workshops/{id}/capacity': 'ChangeCapacity',
  'POST /workshops/{id}/registration/open': 'OpenRegistration',
  'POST /workshops/{id}/registration/close': 'CloseRegistration',
  'POST /workshops/{id}/invitations': 'InvitePerson',
  'POST /workshops/{id}/outreach': 'RecordOutreach',
  'POST /workshops/{id}/registration-form': 'SetRegistrationForm',
  'POST /workshops/{id}/registration-links': 'CreateRegistrationLink',
  'POST /workshops/{id}/registration-links/{linkId}/revoke': 'RevokeRegistrationLink',
  'POST /workshops/{id}/registrations': 'RegisterParticipant',
  'POST /workshops/{id}/registrations/{rid}/cancel': 'CancelRegistration',
  'POST /workshops/{id}/attendance': 'RecordAttendance',
  'POST /workshops/{id}/pledges': 'PledgeResource',
  'POST /workshops/{id}/pledges/{pid}/fulfil': 'FulfilPledge',
  'POST /workshops/{id}/pledges/{pid}/withdraw': 'WithdrawPledge',
  'POST /workshops/{id}/expenses': 'RecordExpense',
  'POST /workshops/{id}/expenses/{eid}/void': 'VoidExpense',
  'POST /workshops/{id}/expenses/{eid}/correct': 'CorrectExpense',
  'POST /workshops/{id}/staff-hours': 'RecordStaffHours',
  'POST /workshops/{id}/staff-hours/{eid}/void': 'VoidStaffHours',
  'POST /workshops/{id}/feedback': 'SubmitFeedback',
  'POST /workshops/{id}/citizen-input': 'CollectCitizenInput',
  'POST /workshops/{id}/citizen-input/summary': 'ForwardCitizenInputSummary',
  'POST /workshops/{id}/planning-meetings': 'RecordPlanningMeeting',
  'POST /workshops/{id}/sustainability': 'RecordSustainabilityPractices',
  'POST /workshops/{id}/held': 'MarkHeld',
  'POST /workshops/{id}/cancel': 'CancelWorkshop',
  'POST /workshops/{id}/report': 'ReportWorkshop',
  'POST /workshops/{id}/debrief': 'RecordWorkshopDebrief',
  'POST /audit/seals': { sentence: 'A seal records the log as it stands: it is dated when it is made, and takes no `occurredAt`.' },
};

const WRITE_METHODS = ['post', 'put', 'patch', 'delete'] as const;

/** Marks the paragraph the document gains, so that describing twice changes nothing. */
export const BUSINESS_DATE_HEADING = '**Business date.**';

/** The sentence of one write route (`POST /workshops/{id}/held`), or null for a route the table does not know. */
export function businessDateOfRoute(route: string): string | null {
  const entry = WRITE_ROUTES[route];
  if (entry === undefined) return null;
  const sentence = typeof entry === 'string' ? businessDateSentence(entry) : entry.sentence;
  // The registration of a person described inline also records the person, as a register fact.
  return route === 'POST /workshops/{id}/registrations' ? `${sentence} A person described inline is recorded at the time of the request.` : sentence;
}

/**
 * Adds to every write operation of the document a paragraph saying which date it records and what it defaults to,
 * and `x-business-date` with the command type behind it. Answers the write routes it has no sentence for (a test
 * keeps that list empty).
 */
export function describeBusinessDates(document: OpenAPIObject): string[] {
  const unknown: string[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of WRITE_METHODS) {
      const operation = item[method];
      if (operation === undefined) continue;
      const route = `${method.toUpperCase()} ${path}`;
      const sentence = businessDateOfRoute(route);
      if (sentence === null) {
        unknown.push(route);
        continue;
      }
      if (operation.description?.includes(BUSINESS_DATE_HEADING)) continue;
      operation.description = [operation.description, `${BUSINESS_DATE_HEADING} ${sentence}`].filter(Boolean).join('\n\n');
      const entry = WRITE_ROUTES[route]!;
      (operation as unknown as Record<string, unknown>)['x-business-date'] = { command: typeof entry === 'string' ? entry : null, sentence };
    }
  }
  return unknown;
}
