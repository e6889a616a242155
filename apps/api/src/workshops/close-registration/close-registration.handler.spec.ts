import { workshopStream } from '@kuhina/domain';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { AT, givenWorkshop, openRegistration } from '../workshop-fixtures.spec-helper';
import { CloseRegistrationCommand } from './close-registration.command';
import { CloseRegistrationHandler } from './close-registration.handler';

describe('CloseRegistrationHandler', () => {
  let harness: EventStoreHarness;
  let sut: CloseRegistrationHandler;
  const workshopId = 'b13d8c7e-9fa0-4b42-9d6e-7f8091a2b3c4';

  beforeEach(async () => {
    harness = await eventStoreHarness();
    sut = new CloseRegistrationHandler(harness.handler);
  });
  afterEach(() => harness.cleanup());

  it('appends RegistrationClosed after registration was opened', async () => {
    await givenWorkshop(harness.handler, harness.context, workshopId, {}, openRegistration(workshopId));

    const result = await sut.execute(new CloseRegistrationCommand(workshopId, AT, harness.context()));

    expect(result.state).toMatchObject({ status: 'registration-closed' });
    expect((await harness.eventsOf(workshopStream(workshopId))).slice(2)).toEqual([{ type: 'RegistrationClosed', data: { workshopId, closedAt: AT } }]);
  });

  it('refuses to close a registration never opened with WORKSHOP.REGISTRATION_NOT_OPEN', async () => {
    await givenWorkshop(harness.handler, harness.context, workshopId);

    await expect(sut.execute(new CloseRegistrationCommand(workshopId, AT, harness.context()))).rejects.toMatchObject({ code: 'WORKSHOP.REGISTRATION_NOT_OPEN' });
    expect(await harness.eventsOf(workshopStream(workshopId))).toHaveLength(1);
  });
});
