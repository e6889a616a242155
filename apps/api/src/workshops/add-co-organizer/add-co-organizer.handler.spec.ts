import { workshopStream } from '@kuhina/domain';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { AT, givenOrganization, givenWorkshop } from '../workshop-fixtures.spec-helper';
import { AddCoOrganizerCommand } from './add-co-organizer.command';
import { AddCoOrganizerHandler } from './add-co-organizer.handler';

describe('AddCoOrganizerHandler', () => {
  let harness: EventStoreHarness;
  let sut: AddCoOrganizerHandler;
  const workshopId = '9f1b6a5c-7d8e-4f20-9b4c-5d6e7f8091a2';
  const valoId = 'c2000000-0000-4000-8000-000000000001';

  beforeEach(async () => {
    harness = await eventStoreHarness();
    sut = new AddCoOrganizerHandler(harness.handler);
    await givenWorkshop(harness.handler, harness.context, workshopId);
  });
  afterEach(() => harness.cleanup());

  it('appends CoOrganizerAdded once; adding the same organisation again appends nothing', async () => {
    await givenOrganization(harness.handler, harness.context, valoId, 'Valo-Valmennusyhdistys ry');

    await sut.execute(new AddCoOrganizerCommand(workshopId, valoId, AT, harness.context()));
    const again = await sut.execute(new AddCoOrganizerCommand(workshopId, valoId, AT, harness.context()));

    expect(again.events).toEqual([]);
    expect((await harness.eventsOf(workshopStream(workshopId))).slice(1)).toEqual([{ type: 'CoOrganizerAdded', data: { workshopId, organizationId: valoId, addedAt: AT } }]);
  });

  it('refuses an unregistered organisation with ORGANIZATION.NOT_FOUND', async () => {
    await expect(sut.execute(new AddCoOrganizerCommand(workshopId, valoId, AT, harness.context()))).rejects.toMatchObject({ code: 'ORGANIZATION.NOT_FOUND', kind: 'not-found' });
    expect(await harness.eventsOf(workshopStream(workshopId))).toHaveLength(1);
  });
});
