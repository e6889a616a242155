import { workshopStream } from '@kuhina/domain';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { AT, givenWorkshop, markHeld } from '../workshop-fixtures.spec-helper';
import { OpenRegistrationCommand } from './open-registration.command';
import { OpenRegistrationHandler } from './open-registration.handler';

describe('OpenRegistrationHandler', () => {
  let harness: EventStoreHarness;
  let sut: OpenRegistrationHandler;
  const workshopId = 'a02c7b6d-8e9f-4a31-8c5d-6e7f8091a2b3';

  beforeEach(async () => {
    harness = await eventStoreHarness();
    sut = new OpenRegistrationHandler(harness.handler);
  });
  afterEach(() => harness.cleanup());

  it('appends RegistrationOpened; opening again appends nothing', async () => {
    await givenWorkshop(harness.handler, harness.context, workshopId);

    const result = await sut.execute(new OpenRegistrationCommand(workshopId, AT, harness.context()));
    const again = await sut.execute(new OpenRegistrationCommand(workshopId, AT, harness.context()));

    expect([result.revision, again.revision]).toEqual([1, 1]);
    expect((await harness.eventsOf(workshopStream(workshopId))).slice(1)).toEqual([{ type: 'RegistrationOpened', data: { workshopId, openedAt: AT } }]);
  });

  it('refuses a held workshop with WORKSHOP.ALREADY_HELD', async () => {
    await givenWorkshop(harness.handler, harness.context, workshopId, {}, markHeld(workshopId));

    await expect(sut.execute(new OpenRegistrationCommand(workshopId, AT, harness.context()))).rejects.toMatchObject({ code: 'WORKSHOP.ALREADY_HELD' });
    expect(await harness.eventsOf(workshopStream(workshopId))).toHaveLength(2);
  });

  it('refuses a stale expected revision (If-Match) without appending', async () => {
    await givenWorkshop(harness.handler, harness.context, workshopId);

    await expect(sut.execute(new OpenRegistrationCommand(workshopId, AT, harness.context({ expectedRevision: 3 })))).rejects.toMatchObject({ code: 'STREAM.WRONG_EXPECTED_REVISION' });
    expect(await harness.eventsOf(workshopStream(workshopId))).toHaveLength(1);
  });
});
