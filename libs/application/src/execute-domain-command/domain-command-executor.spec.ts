import { chainStream, staffStream, collaborationDecider, collaborationStream, organizationStream, personDecider, personStream, workshopStream } from '@kuhina/domain';
import type { CommandContext } from '@kuhina/event-store';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import type { AggregateName, CommandOf } from '../aggregates';
import { AT, givenChain, givenOrganization, givenPerson, givenWorkshop, openRegistration, RAUMA_PLAN } from '../workshop-fixtures.spec-helper';
import { referencesOf, type AnyDomainCommand } from './command-references';
import { DomainCommandExecutor } from './domain-command-executor';

// The generic use case itself: what a command names must exist before it is decided, and nothing is appended
// when it does not. The specs of the single commands are in the *-commands.spec.ts files of this folder.
describe('DomainCommandExecutor', () => {
  let harness: EventStoreHarness;
  let executor: DomainCommandExecutor;

  // What exists in every test …
  const workshopId = '4a7c2e9b-1d3f-4b5a-8c6d-7e8f9a0b1c2d';
  // Open to anyone and taking registrations: the decider accepts a registration, so only the reference checks refuse it.
  const openWorkshopId = '4a7c2e9b-1d3f-4b5a-8c6d-7e8f9a0b1c2e';
  const organizationId = '5b8d3f0c-2e4a-4c6b-9d7e-8f9a0b1c2d3e';
  const otherOrganizationId = '6c9e4a1d-3f5b-4d7c-8e8f-9a0b1c2d3e4f';
  const chainId = '7d0f5b2e-4a6c-4e8d-9f9a-0b1c2d3e4f5a';
  const collaborationId = '8e1a6c3f-5b7d-4f9e-8a0b-1c2d3e4f5a6b';
  let personId: string;
  // … and what does not.
  const missingOrganization = 'f0000000-0000-4000-8000-00000000000a';
  const missingPerson = 'f0000000-0000-4000-8000-00000000000b';
  const missingWorkshop = 'f0000000-0000-4000-8000-00000000000c';
  // Ids of aggregates a creating command would start.
  const newWorkshopId = 'a0000000-0000-4000-8000-000000000001';
  const newCollaborationId = 'a0000000-0000-4000-8000-000000000002';
  const newPersonId = 'a0000000-0000-4000-8000-000000000003';

  beforeEach(async () => {
    harness = await eventStoreHarness();
    executor = new DomainCommandExecutor(harness.handler);
    await givenOrganization(harness.handler, harness.context, organizationId, 'Rauman kaupunki');
    await givenOrganization(harness.handler, harness.context, otherOrganizationId, 'Valo-Valmennusyhdistys ry');
    await givenWorkshop(harness.handler, harness.context, workshopId, { access: 'invitation-only' });
    await givenWorkshop(harness.handler, harness.context, openWorkshopId, {}, openRegistration(openWorkshopId));
    await givenChain(harness.handler, harness.context, chainId);
    personId = await givenPerson(harness.handler, harness.context, 'Aino Virtanen');
    await harness.handler.handle(
      collaborationDecider,
      collaborationStream(collaborationId),
      { type: 'RecordCollaboration', data: { collaborationId, organizationIds: [organizationId, otherOrganizationId], sparkedByWorkshopId: null, title: 'Penkkikahvilat', description: '', startedOn: '2023-03-01' }, at: AT },
      harness.context(),
    );
  });
  afterEach(() => harness.cleanup());

  /** One command sent to the executor, keeping the aggregate and its command type together. */
  interface Case {
    name: string;
    type: AnyDomainCommand['type'];
    /** The stream the command would be appended to. */
    stream: () => string;
    execute: (executor: DomainCommandExecutor, context: CommandContext) => Promise<unknown>;
  }
  // Curried so that the aggregate fixes the command type before the command literal is checked.
  const sendTo =
    <A extends AggregateName>(aggregate: A) =>
    (command: () => CommandOf<A>, stream: () => string): Pick<Case, 'type' | 'stream' | 'execute'> => ({
      type: (command() as AnyDomainCommand).type,
      stream,
      execute: (executor, context) => executor.execute(aggregate, command(), context),
    });
  const sealed = { alg: 'A256GCM' as const, keyId: 'k1', iv: 'aXY=', tag: 'dGFn', ciphertext: 'Y2lwaGVy' };

  describe('refuses a command naming an aggregate that does not exist, and appends nothing', () => {
    const cases: (Case & { code: string; details: Record<string, string> })[] = [
      {
        name: "PledgeResource's organisation",
        code: 'ORGANIZATION.NOT_FOUND',
        details: { organizationId: missingOrganization },
        ...sendTo('workshop')(
          () => ({
            type: 'PledgeResource',
            data: { workshopId, pledgeId: 'b0000000-0000-4000-8000-000000000001', organizationId: missingOrganization, kind: 'venue', description: 'Meeting room', inKindValueCents: 10_000, valuationBasis: 'Room rate' },
            at: AT,
          }),
          () => workshopStream(workshopId),
        ),
      },
      {
        name: "RecordPlanningMeeting's organisations",
        code: 'ORGANIZATION.NOT_FOUND',
        details: { organizationId: missingOrganization },
        ...sendTo('workshop')(
          () => ({
            type: 'RecordPlanningMeeting',
            data: { workshopId, meetingId: 'b0000000-0000-4000-8000-000000000002', heldOn: '2023-03-01', kind: 'partner', online: true, organizationIds: [organizationId, missingOrganization], notes: '' },
            at: AT,
          }),
          () => workshopStream(workshopId),
        ),
      },
      {
        name: "AddCoOrganizer's organisation",
        code: 'ORGANIZATION.NOT_FOUND',
        details: { organizationId: missingOrganization },
        ...sendTo('workshop')(() => ({ type: 'AddCoOrganizer', data: { workshopId, organizationId: missingOrganization }, at: AT }), () => workshopStream(workshopId)),
      },
      {
        name: "PlanWorkshop's co-organisers",
        code: 'ORGANIZATION.NOT_FOUND',
        details: { organizationId: missingOrganization },
        ...sendTo('workshop')(
          () => ({ type: 'PlanWorkshop', data: { workshopId: newWorkshopId, ...RAUMA_PLAN, coOrganizerIds: [organizationId, missingOrganization] }, at: AT }),
          () => workshopStream(newWorkshopId),
        ),
      },
      {
        name: "InvitePerson's person",
        code: 'PERSON.NOT_FOUND',
        details: { personId: missingPerson },
        ...sendTo('workshop')(() => ({ type: 'InvitePerson', data: { workshopId, personId: missingPerson }, at: AT }), () => workshopStream(workshopId)),
      },
      {
        name: "RegisterParticipant's person",
        code: 'PERSON.NOT_FOUND',
        details: { personId: missingPerson },
        ...sendTo('workshop')(
          () => ({
            type: 'RegisterParticipant',
            data: { workshopId: openWorkshopId, registrationId: 'b0000000-0000-4000-8000-000000000003', personId: missingPerson, organizationId: null, attendanceMode: 'on-site', expectations: null, advanceQuestions: [] },
            at: AT,
          }),
          () => workshopStream(openWorkshopId),
        ),
      },
      {
        name: "RegisterParticipant's organisation",
        code: 'ORGANIZATION.NOT_FOUND',
        details: { organizationId: missingOrganization },
        ...sendTo('workshop')(
          () => ({
            type: 'RegisterParticipant',
            data: { workshopId: openWorkshopId, registrationId: 'b0000000-0000-4000-8000-000000000004', personId, organizationId: missingOrganization, attendanceMode: 'on-site', expectations: null, advanceQuestions: [] },
            at: AT,
          }),
          () => workshopStream(openWorkshopId),
        ),
      },
      {
        name: "RecordCollaboration's organisations",
        code: 'ORGANIZATION.NOT_FOUND',
        details: { organizationId: missingOrganization },
        ...sendTo('collaboration')(
          () => ({
            type: 'RecordCollaboration',
            data: { collaborationId: newCollaborationId, organizationIds: [organizationId, missingOrganization], sparkedByWorkshopId: workshopId, title: 'Penkkikahvilat', description: '', startedOn: '2023-09-01' },
            at: AT,
          }),
          () => collaborationStream(newCollaborationId),
        ),
      },
      {
        name: "RecordCollaboration's workshop",
        code: 'WORKSHOP.NOT_FOUND',
        details: { workshopId: missingWorkshop },
        ...sendTo('collaboration')(
          () => ({
            type: 'RecordCollaboration',
            data: { collaborationId: newCollaborationId, organizationIds: [organizationId, otherOrganizationId], sparkedByWorkshopId: missingWorkshop, title: 'Penkkikahvilat', description: '', startedOn: '2023-09-01' },
            at: AT,
          }),
          () => collaborationStream(newCollaborationId),
        ),
      },
      {
        name: "AddCollaborationPartner's organisation",
        code: 'ORGANIZATION.NOT_FOUND',
        details: { organizationId: missingOrganization },
        ...sendTo('collaboration')(() => ({ type: 'AddCollaborationPartner', data: { collaborationId, organizationId: missingOrganization }, at: AT }), () => collaborationStream(collaborationId)),
      },
      {
        name: "ChangeAffiliation's organisation",
        code: 'ORGANIZATION.NOT_FOUND',
        details: { organizationId: missingOrganization },
        ...sendTo('person')(() => ({ type: 'ChangeAffiliation', data: { personId, organizationId: missingOrganization }, at: AT }), () => personStream(personId)),
      },
      {
        name: "StartChain's hub organisation",
        code: 'ORGANIZATION.NOT_FOUND',
        details: { organizationId: missingOrganization },
        ...sendTo('chain')(
          () => ({
            type: 'StartChain',
            data: { chainId: newWorkshopId, name: 'Chain 2024', fundingProgramme: 'ESF+', esfOperationId: 'S1', periodStart: '2024-01-01', periodEnd: '2024-12-31', description: '', hubOrganizationId: missingOrganization },
            at: AT,
          }),
          () => chainStream(newWorkshopId),
        ),
      },
      {
        name: 'StartChain following an unknown chain',
        code: 'CHAIN.NOT_FOUND',
        details: { chainId: missingWorkshop },
        ...sendTo('chain')(
          () => ({
            type: 'StartChain',
            data: { chainId: newWorkshopId, name: 'Chain 2024', fundingProgramme: 'ESF+', esfOperationId: 'S1', periodStart: '2024-01-01', periodEnd: '2024-12-31', description: '', hubOrganizationId: null, followsChainId: missingWorkshop },
            at: AT,
          }),
          () => chainStream(newWorkshopId),
        ),
      },
      {
        name: "UpdateChainDetails's hub organisation",
        code: 'ORGANIZATION.NOT_FOUND',
        details: { organizationId: missingOrganization },
        ...sendTo('chain')(() => ({ type: 'UpdateChainDetails', data: { chainId, hubOrganizationId: missingOrganization }, at: AT }), () => chainStream(chainId)),
      },
      {
        name: "RecordChainMeeting's organisations",
        code: 'ORGANIZATION.NOT_FOUND',
        details: { organizationId: missingOrganization },
        ...sendTo('chain')(
          () => ({ type: 'RecordChainMeeting', data: { chainId, meetingId: 'm-1', heldOn: '2023-03-02', kind: 'partner', online: true, organizationIds: [organizationId, missingOrganization], notes: '' }, at: AT }),
          () => chainStream(chainId),
        ),
      },
      {
        name: "SetHourlyRate's person",
        code: 'PERSON.NOT_FOUND',
        details: { personId: missingPerson },
        ...sendTo('staff')(
          () => ({ type: 'SetHourlyRate', data: { personId: missingPerson, rateId: 'r-1', hourlyRateCents: 4_200, validFrom: '2023-01-01', validUntil: null, basis: 'salary / hours' }, at: AT }),
          () => staffStream(missingPerson),
        ),
      },
      {
        name: "RecordStaffHours's staff member",
        code: 'PERSON.NOT_FOUND',
        details: { personId: missingPerson },
        ...sendTo('workshop')(
          () => ({ type: 'RecordStaffHours', data: { workshopId, entryId: 'h-1', personId: missingPerson, activity: 'planning', workedOn: '2023-03-14', minutes: 60, note: '' }, at: AT }),
          () => workshopStream(workshopId),
        ),
      },
      {
        name: "RecordChainStaffHours's staff member",
        code: 'PERSON.NOT_FOUND',
        details: { personId: missingPerson },
        ...sendTo('chain')(
          () => ({ type: 'RecordChainStaffHours', data: { chainId, entryId: 'h-2', personId: missingPerson, activity: 'meeting', workedOn: '2023-03-14', minutes: 60, note: '' }, at: AT }),
          () => chainStream(chainId),
        ),
      },
      {
        name: "RecordOutreach's people",
        code: 'PERSON.NOT_FOUND',
        details: { personId: missingPerson },
        ...sendTo('workshop')(
          () => ({ type: 'RecordOutreach', data: { workshopId, outreachId: 'o-1', channel: 'e-mail', sentOn: '2023-03-14', personIds: [missingPerson], note: null }, at: AT }),
          () => workshopStream(workshopId),
        ),
      },
      {
        name: "CreatePerson's organisation",
        code: 'ORGANIZATION.NOT_FOUND',
        details: { organizationId: missingOrganization },
        ...sendTo('person')(
          () => ({ type: 'CreatePerson', data: { personId: newPersonId, personalData: sealed, emailBlindIndex: null, organizationId: missingOrganization }, at: AT }),
          () => personStream(newPersonId),
        ),
      },
      {
        name: "AddContactPerson's person",
        code: 'PERSON.NOT_FOUND',
        details: { personId: missingPerson },
        ...sendTo('organization')(() => ({ type: 'AddContactPerson', data: { organizationId, personId: missingPerson, role: 'events' }, at: AT }), () => organizationStream(organizationId)),
      },
    ];

    it.each(cases)('$name: $code', async ({ stream, execute, code, details }) => {
      const before = await harness.eventsOf(stream());
      const head = await harness.store.headPosition();

      await expect(execute(executor, harness.context())).rejects.toMatchObject({ code, kind: 'not-found', details });
      expect(await harness.eventsOf(stream())).toEqual(before);
      expect(await harness.store.headPosition()).toBe(head);
    });

    it('covers every command type that names another aggregate', () => {
      // A data object with every field present: referencesOf answers something for exactly the command types that name something.
      const everyField = new Proxy({}, { get: () => [missingOrganization] });
      const namesSomething = COMMAND_TYPES.filter((type) => Object.keys(referencesOf({ type, data: everyField } as AnyDomainCommand)).length > 0);

      expect(new Set(cases.map((c) => c.type))).toEqual(new Set(namesSomething));
    });
  });

  describe('refuses an erased person with PERSON.ERASED, and appends nothing', () => {
    const cases: Case[] = [
      { name: 'InvitePerson', ...sendTo('workshop')(() => ({ type: 'InvitePerson', data: { workshopId, personId }, at: AT }), () => workshopStream(workshopId)) },
      {
        name: 'RegisterParticipant',
        ...sendTo('workshop')(
          () => ({
            type: 'RegisterParticipant',
            data: { workshopId: openWorkshopId, registrationId: 'b0000000-0000-4000-8000-000000000005', personId, organizationId: null, attendanceMode: 'on-site', expectations: null, advanceQuestions: [] },
            at: AT,
          }),
          () => workshopStream(openWorkshopId),
        ),
      },
      { name: 'AddContactPerson', ...sendTo('organization')(() => ({ type: 'AddContactPerson', data: { organizationId, personId, role: 'events' }, at: AT }), () => organizationStream(organizationId)) },
    ];

    it.each(cases)('$name', async ({ stream, execute }) => {
      await harness.handler.handle(personDecider, personStream(personId), { type: 'ErasePersonalData', data: { personId, reason: 'GDPR Art. 17 request', erasedBy: 'dpo' }, at: AT }, harness.context());
      const before = await harness.eventsOf(stream());
      const head = await harness.store.headPosition();

      await expect(execute(executor, harness.context())).rejects.toMatchObject({ code: 'PERSON.ERASED', kind: 'conflict', details: { personId } });
      expect(await harness.eventsOf(stream())).toEqual(before);
      expect(await harness.store.headPosition()).toBe(head);
    });
  });

  describe('decides and appends a command whose references exist', () => {
    it('appends to the stream of the aggregate it is routed to and returns the events and the new state', async () => {
      const pledgeId = 'b0000000-0000-4000-8000-000000000006';

      const result = await executor.execute(
        'workshop',
        { type: 'PledgeResource', data: { workshopId, pledgeId, organizationId, kind: 'venue', description: 'Meeting room', inKindValueCents: 10_000, valuationBasis: 'Room rate' }, at: AT },
        harness.context(),
      );

      expect(result).toMatchObject({ stream: workshopStream(workshopId), revision: 1, duplicate: false, events: [{ type: 'ResourcePledged', revision: 1 }] });
      expect(result.state.status).toBe('planned');
      expect((await harness.eventsOf(workshopStream(workshopId))).slice(1)).toEqual([
        { type: 'ResourcePledged', data: { workshopId, pledgeId, organizationId, kind: 'venue', description: 'Meeting room', inKindValueCents: 10_000, valuationBasis: 'Room rate', pledgedAt: AT } },
      ]);
    });

    it('skips a null reference (a collaboration sparked by no workshop)', async () => {
      const result = await executor.execute(
        'collaboration',
        {
          type: 'RecordCollaboration',
          data: { collaborationId: newCollaborationId, organizationIds: [organizationId, otherOrganizationId], sparkedByWorkshopId: null, title: 'Penkkikahvilat', description: '', startedOn: '2023-09-01' },
          at: AT,
        },
        harness.context(),
      );

      expect(result.events.map((event) => event.type)).toEqual(['CollaborationRecorded']);
      expect(await harness.eventsOf(collaborationStream(newCollaborationId))).toHaveLength(1);
    });

    it('checks the references before the decider: a pledge to an unknown workshop from an unknown organisation is ORGANIZATION.NOT_FOUND', async () => {
      const pledge = executor.execute(
        'workshop',
        { type: 'PledgeResource', data: { workshopId: missingWorkshop, pledgeId: 'b9d1c3e5-0000-4000-8000-00000000f00d', organizationId: missingOrganization, kind: 'venue', description: 'A room', inKindValueCents: 0, valuationBasis: 'Free' }, at: AT },
        harness.context(),
      );
      await expect(pledge).rejects.toMatchObject({ code: 'ORGANIZATION.NOT_FOUND' });
    });

    it('finds an organisation registered after a refusal (an absent one is not remembered)', async () => {
      const coOrganizer = () => executor.execute('workshop', { type: 'AddCoOrganizer', data: { workshopId, organizationId: missingOrganization }, at: AT }, harness.context());
      await expect(coOrganizer()).rejects.toMatchObject({ code: 'ORGANIZATION.NOT_FOUND' });

      await givenOrganization(harness.handler, harness.context, missingOrganization, 'Satakunnan ammattikorkeakoulu');

      expect((await coOrganizer()).events.map((event) => event.type)).toEqual(['CoOrganizerAdded']);
    });
  });
});

/** Every domain command type; the record makes the compiler insist on a new one being listed. */
const ALL_COMMAND_TYPES: Record<AnyDomainCommand['type'], true> = {
  StartChain: true,
  UpdateChainDetails: true,
  AddWorkshopToChain: true,
  RecordChainMeeting: true,
  RecordChainExpense: true,
  VoidChainExpense: true,
  CorrectChainExpense: true,
  RecordChainStaffHours: true,
  VoidChainStaffHours: true,
  DeclareFlatRate: true,
  RecordLastPayment: true,
  CloseChain: true,
  RecordChainDebrief: true,
  RecordCollaboration: true,
  AddCollaborationPartner: true,
  UpdateCollaborationDetails: true,
  EndCollaboration: true,
  ClaimEmail: true,
  ReleaseEmail: true,
  RegisterOrganization: true,
  UpdateOrganizationDetails: true,
  AddContactPerson: true,
  RemoveContactPerson: true,
  RecordOffer: true,
  UpdateOffer: true,
  WithdrawOffer: true,
  CreatePerson: true,
  UpdatePersonalData: true,
  ChangeAffiliation: true,
  ErasePersonalData: true,
  GiveConsent: true,
  WithdrawConsent: true,
  PlanWorkshop: true,
  RescheduleWorkshop: true,
  AddCoOrganizer: true,
  ChangeCapacity: true,
  OpenRegistration: true,
  CloseRegistration: true,
  InvitePerson: true,
  RegisterParticipant: true,
  CancelRegistration: true,
  RecordAttendance: true,
  PledgeResource: true,
  FulfilPledge: true,
  WithdrawPledge: true,
  RecordExpense: true,
  VoidExpense: true,
  CorrectExpense: true,
  SubmitFeedback: true,
  CollectCitizenInput: true,
  ForwardCitizenInputSummary: true,
  RecordPlanningMeeting: true,
  RecordSustainabilityPractices: true,
  MarkHeld: true,
  CancelWorkshop: true,
  ReportWorkshop: true,
  RecordWorkshopDebrief: true,
  RecordOutreach: true,
  SetRegistrationForm: true,
  CreateRegistrationLink: true,
  RevokeRegistrationLink: true,
  RecordStaffHours: true,
  VoidStaffHours: true,
  SetHourlyRate: true,
};
const COMMAND_TYPES = Object.keys(ALL_COMMAND_TYPES) as AnyDomainCommand['type'][];
