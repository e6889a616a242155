import { randomBytes } from 'node:crypto';
import { Test, type TestingModule } from '@nestjs/testing';
import { CqrsModule } from '@nestjs/cqrs';
import { RegisterPersonHandler } from '../register-person/register-person.handler';
import { personStream, workshopDecider, workshopStream } from '@kuhina/domain';
import { CommandHandler } from '@kuhina/event-store';
import { BlindIndex, MemoryKeyStore, PersonalDataCipher } from '@kuhina/privacy';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { AT, givenPerson, givenWorkshop, openRegistration, registration } from '../workshop-fixtures.spec-helper';
import { RegisterParticipantCommand, type RegistrationDetails } from './register-participant.command';
import { RegisterParticipantHandler } from './register-participant.handler';

describe('RegisterParticipantHandler', () => {
  let harness: EventStoreHarness;
  let module: TestingModule;
  let sut: RegisterParticipantHandler;
  const workshopId = 'd35fae90-b1c2-4d64-9f80-91a2b3c4d5e6';
  const details: RegistrationDetails = { organizationId: null, attendanceMode: 'on-site', expectations: 'Meeting Rauma NGOs', advanceQuestions: ['What did the NGO survey find?'], role: 'participant', speaker: null };
  const aino = { name: 'Aino Virtanen', email: 'aino.virtanen@example.org', phone: null, organizationId: null };

  beforeEach(async () => {
    harness = await eventStoreHarness();
    // Real CQRS wiring, so the inline person goes through the real RegisterPerson handler on the same store.
    module = await Test.createTestingModule({
      imports: [CqrsModule.forRoot()],
      providers: [
        { provide: CommandHandler, useValue: harness.handler },
        { provide: PersonalDataCipher, useValue: new PersonalDataCipher(new MemoryKeyStore()) },
        { provide: BlindIndex, useValue: new BlindIndex(randomBytes(32)) },
        RegisterPersonHandler,
        RegisterParticipantHandler,
      ],
    }).compile();
    await module.init();
    sut = module.get(RegisterParticipantHandler);
  });
  afterEach(async () => {
    await module.close();
    await harness.cleanup();
  });

  const register = (registrationId: string, participant: RegisterParticipantCommand['participant'], context = harness.context()) =>
    sut.execute(new RegisterParticipantCommand(workshopId, registrationId, participant, details, AT, context));

  it('appends ParticipantRegistered for a known person while seats are free, then ParticipantWaitlisted at position 1', async () => {
    await givenWorkshop(harness.handler, harness.context, workshopId, { capacity: 1 }, openRegistration(workshopId));
    const first = await givenPerson(harness.handler, harness.context, 'Aino Virtanen');
    const second = await givenPerson(harness.handler, harness.context, 'Eero Korhonen');
    const [r1, r2] = ['e1000000-0000-4000-8000-000000000001', 'e1000000-0000-4000-8000-000000000002'];

    const seated = await register(r1, { personId: first });
    const waiting = await register(r2, { personId: second });

    expect([seated.status, waiting.status]).toEqual(['registered', 'waitlisted']);
    expect((await harness.eventsOf(workshopStream(workshopId))).slice(2)).toEqual([
      { type: 'ParticipantRegistered', data: { workshopId, registrationId: r1, personId: first, ...details, registeredAt: AT } },
      { type: 'ParticipantWaitlisted', data: { workshopId, registrationId: r2, personId: second, ...details, position: 1, waitlistedAt: AT } },
    ]);
  });

  it('creates an inline person once and answers a retry of the same command with the first status', async () => {
    await givenWorkshop(harness.handler, harness.context, workshopId, { capacity: 1 }, openRegistration(workshopId), registration(workshopId, 'e2000000-0000-4000-8000-000000000001', 'f2000000-0000-4000-8000-000000000001'));
    const context = harness.context();

    const first = await register('e2000000-0000-4000-8000-000000000002', { person: aino }, context);
    // A seat frees in between: the retry still answers what the first attempt did.
    await harness.handler.handle(workshopDecider, workshopStream(workshopId), { type: 'CancelRegistration', data: { workshopId, registrationId: 'e2000000-0000-4000-8000-000000000001', reason: '' }, at: AT }, harness.context());
    const retry = await register('e2000000-0000-4000-8000-000000000002', { person: aino }, context);

    expect(first.status).toBe('waitlisted');
    expect(retry).toMatchObject({ status: 'waitlisted', personId: first.personId, workshop: { duplicate: true } });
    expect((await harness.eventsOf(personStream(first.personId))).map((e) => e.type)).toEqual(['PersonCreated']);
  });

  it('refuses while registration is not open with WORKSHOP.REGISTRATION_NOT_OPEN, and creates no inline person', async () => {
    await givenWorkshop(harness.handler, harness.context, workshopId);
    const before = await harness.store.headPosition();

    await expect(register('e3000000-0000-4000-8000-000000000001', { person: aino })).rejects.toMatchObject({ code: 'WORKSHOP.REGISTRATION_NOT_OPEN' });
    expect(await harness.store.headPosition()).toBe(before);
  });

  it('refuses a second active registration of the same person with REGISTRATION.DUPLICATE, and an unknown person with PERSON.NOT_FOUND', async () => {
    await givenWorkshop(harness.handler, harness.context, workshopId, {}, openRegistration(workshopId));
    const personId = await givenPerson(harness.handler, harness.context, 'Aino Virtanen');
    await register('e4000000-0000-4000-8000-000000000001', { personId });

    await expect(register('e4000000-0000-4000-8000-000000000002', { personId })).rejects.toMatchObject({ code: 'REGISTRATION.DUPLICATE' });
    await expect(register('e4000000-0000-4000-8000-000000000003', { personId: 'f4000000-0000-4000-8000-000000000009' })).rejects.toMatchObject({ code: 'PERSON.NOT_FOUND' });
    expect(await harness.eventsOf(workshopStream(workshopId))).toHaveLength(3);
  });
});
