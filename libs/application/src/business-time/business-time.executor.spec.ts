import { chainStream, workshopStream } from '@kuhina/domain';
import type { RecordedEvent } from '@kuhina/event-store';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { CancelRegistrationCommand } from '../cancel-registration/cancel-registration.command';
import { CancelRegistrationHandler } from '../cancel-registration/cancel-registration.handler';
import { DomainCommandExecutor } from '../execute-domain-command/domain-command-executor';
import { PlanWorkshopCommand } from '../plan-workshop/plan-workshop.command';
import { PlanWorkshopHandler } from '../plan-workshop/plan-workshop.handler';
import { givenChain, givenPerson, RAUMA_PLAN } from '../workshop-fixtures.spec-helper';
import { BusinessTimePolicy } from './business-time';

// The harness's clock (the recording time) is 2026-11-27T08:00:00Z; the chain of the fixtures runs through 2023.
const NOW = '2026-11-27T08:00:00.000Z';

describe('Business time through the use cases: a write without `at` is dated by its rule', () => {
  let harness: EventStoreHarness;
  let executor: DomainCommandExecutor;
  const chainId = '0c9e8d7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f';
  const pastId = '5b7d2c1e-3f4a-4b8c-9d0e-1f2a3b4c5d6e';
  const aheadId = '7e1f0a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
  const occurredAt = async (stream: string): Promise<string[]> => (await harness.store.readStream(stream)).map((event: RecordedEvent) => event.metadata.occurredAt);

  beforeEach(async () => {
    harness = await eventStoreHarness();
    executor = new DomainCommandExecutor(harness.handler, new BusinessTimePolicy(30));
    await givenChain(harness.handler, harness.context, chainId);
  });
  afterEach(() => harness.cleanup());

  it("plans a 2023 workshop entered today on its own start, and the chain adds it on the same date", async () => {
    await new PlanWorkshopHandler(harness.handler).execute(new PlanWorkshopCommand(pastId, { ...RAUMA_PLAN, chainId }, undefined, harness.context()));

    expect(await occurredAt(workshopStream(pastId))).toEqual(['2023-04-19T10:00:00.000Z']);
    expect((await occurredAt(chainStream(chainId))).at(-1)).toBe('2023-04-19T10:00:00.000Z');
  });

  it("dates the facts of a past workshop by its date, the held day once held, and a fact of a workshop ahead by the clock", async () => {
    const plan = new PlanWorkshopHandler(harness.handler);
    await plan.execute(new PlanWorkshopCommand(pastId, RAUMA_PLAN, undefined, harness.context()));
    await plan.execute(new PlanWorkshopCommand(aheadId, { ...RAUMA_PLAN, startsAt: '2027-05-06T09:00:00+03:00', endsAt: '2027-05-06T15:00:00+03:00' }, undefined, harness.context()));
    const personId = await givenPerson(harness.handler, harness.context, 'Anna Virtanen');

    await executor.execute('workshop', { type: 'OpenRegistration', data: { workshopId: pastId } }, harness.context());
    await executor.execute(
      'workshop',
      { type: 'RegisterParticipant', data: { workshopId: pastId, registrationId: 'r-1', personId, organizationId: null, attendanceMode: 'on-site', expectations: null, advanceQuestions: [] } },
      harness.context(),
    );
    await executor.execute('workshop', { type: 'MarkHeld', data: { workshopId: pastId, heldOn: '2023-04-19' } }, harness.context());
    await executor.execute('workshop', { type: 'RecordAttendance', data: { workshopId: pastId, attendees: [{ registrationId: 'r-1', mode: 'on-site' }] } }, harness.context());
    await executor.execute('workshop', { type: 'OpenRegistration', data: { workshopId: aheadId } }, harness.context());

    // Planned, opened, registered, held (registration closed with it), attended: all on the workshop's day.
    expect(new Set(await occurredAt(workshopStream(pastId)))).toEqual(new Set(['2023-04-19T10:00:00.000Z']));
    expect(await occurredAt(workshopStream(aheadId))).toEqual([NOW, NOW]);
  });

  it('the use case of a cancellation uses the same rule', async () => {
    await new PlanWorkshopHandler(harness.handler).execute(new PlanWorkshopCommand(pastId, RAUMA_PLAN, undefined, harness.context()));
    const personId = await givenPerson(harness.handler, harness.context, 'Anna Virtanen');
    await executor.execute('workshop', { type: 'OpenRegistration', data: { workshopId: pastId } }, harness.context());
    await executor.execute(
      'workshop',
      { type: 'RegisterParticipant', data: { workshopId: pastId, registrationId: 'r-1', personId, organizationId: null, attendanceMode: 'on-site', expectations: null, advanceQuestions: [] } },
      harness.context(),
    );

    await new CancelRegistrationHandler(harness.handler, harness.store).execute(new CancelRegistrationCommand(pastId, 'r-1', '', undefined, harness.context()));

    expect((await occurredAt(workshopStream(pastId))).at(-1)).toBe('2023-04-19T10:00:00.000Z');
  });

  it('refuses a change to a chain whose period ended more than the margin ago with BUSINESS_TIME.REQUIRED, appending nothing; with `at` it is recorded', async () => {
    const before = await harness.eventsOf(chainStream(chainId));

    await expect(executor.execute('chain', { type: 'UpdateChainDetails', data: { chainId, description: 'Six workshops' } }, harness.context())).rejects.toMatchObject({
      code: 'BUSINESS_TIME.REQUIRED',
      kind: 'unprocessable',
      message: "this chain's period ended on 2023-12-31, more than 30 days ago; give occurredAt, the date the fact happened",
    });
    expect(await harness.eventsOf(chainStream(chainId))).toEqual(before);

    await executor.execute('chain', { type: 'UpdateChainDetails', data: { chainId, description: 'Six workshops' }, at: '2023-11-02T10:00:00.000Z' }, harness.context());
    expect((await occurredAt(chainStream(chainId))).at(-1)).toBe('2023-11-02T10:00:00.000Z');
  });

  it('a write the decider refuses whatever its date gets that refusal, not a request for its date', async () => {
    await executor.execute('chain', { type: 'CloseChain', data: { chainId, reason: 'All workshops held' }, at: '2023-12-20T10:00:00.000Z' }, harness.context());

    await expect(executor.execute('chain', { type: 'UpdateChainDetails', data: { chainId, description: 'Six workshops' } }, harness.context())).rejects.toMatchObject({ code: 'CHAIN.CLOSED' });
  });
});
