import { workshopStream, type WorkshopCommand } from '@kuhina/domain';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { cancelled, givenWorkshop, STREET_EVENT_PLAN } from '../workshop-fixtures.spec-helper';
import { CollectCitizenInputCommand, type CitizenInputDetails } from './collect-citizen-input.command';
import { CollectCitizenInputHandler } from './collect-citizen-input.handler';

describe('CollectCitizenInputHandler', () => {
  let harness: EventStoreHarness;
  let sut: CollectCitizenInputHandler;
  const workshopId = '3b4c5d6e-7f8a-4b9c-9d0e-1f2a3b4c5d6e';
  const inputId = '4c5d6e7f-8a9b-4c0d-8e1f-2a3b4c5d6e7f';
  const stream = workshopStream(workshopId);
  const at = '2023-06-14T14:00:00.000Z';
  const input: CitizenInputDetails = {
    topic: 'What would make everyday life in Pori better, and who should do it?',
    summary: 'Citizens asked for low-threshold meeting places and help with digital services for the elderly.',
    citizensHeard: 126,
    collectedAt: '2023-06-14T17:00:00+03:00',
  };
  const given = (...then: WorkshopCommand[]) => givenWorkshop(harness.handler, harness.context, workshopId, STREET_EVENT_PLAN, ...then);

  beforeEach(async () => {
    harness = await eventStoreHarness();
    sut = new CollectCitizenInputHandler(harness.handler);
  });
  afterEach(() => harness.cleanup());

  it('appends CitizenInputCollected to workshop-<id>', async () => {
    await given();

    const result = await sut.execute(new CollectCitizenInputCommand(workshopId, inputId, input, at, harness.context()));

    expect(result.revision).toBe(1);
    expect((await harness.eventsOf(stream)).slice(1)).toEqual([{ type: 'CitizenInputCollected', data: { workshopId, inputId, ...input } }]);
  });

  it('refuses other input under a taken id with CITIZEN_INPUT.ALREADY_EXISTS', async () => {
    await given();
    await sut.execute(new CollectCitizenInputCommand(workshopId, inputId, input, at, harness.context()));

    await expect(sut.execute(new CollectCitizenInputCommand(workshopId, inputId, { ...input, citizensHeard: 80 }, at, harness.context()))).rejects.toMatchObject({
      code: 'CITIZEN_INPUT.ALREADY_EXISTS',
    });
    expect(await harness.eventsOf(stream)).toHaveLength(2);
  });

  it('refuses input to a cancelled workshop with WORKSHOP.CANCELLED', async () => {
    await given(cancelled(workshopId));

    await expect(sut.execute(new CollectCitizenInputCommand(workshopId, inputId, input, at, harness.context()))).rejects.toMatchObject({ code: 'WORKSHOP.CANCELLED' });
    expect(await harness.eventsOf(stream)).toHaveLength(2);
  });
});
