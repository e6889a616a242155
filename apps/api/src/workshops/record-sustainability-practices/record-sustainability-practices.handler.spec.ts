import { workshopStream, type WorkshopCommand } from '@kuhina/domain';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { givenWorkshop, markHeld, reported } from '../workshop-fixtures.spec-helper';
import { RecordSustainabilityPracticesCommand } from './record-sustainability-practices.command';
import { RecordSustainabilityPracticesHandler } from './record-sustainability-practices.handler';

describe('RecordSustainabilityPracticesHandler', () => {
  let harness: EventStoreHarness;
  let sut: RecordSustainabilityPracticesHandler;
  const workshopId = '1d2e3f4a-5b6c-4d7e-8f8a-9b0c1d2e3f4a';
  const stream = workshopStream(workshopId);
  const at = '2023-10-26T08:30:00.000Z';
  const notes = 'Online only: no travel, no printing.';
  const given = (...then: WorkshopCommand[]) => givenWorkshop(harness.handler, harness.context, workshopId, {}, ...then);

  beforeEach(async () => {
    harness = await eventStoreHarness();
    sut = new RecordSustainabilityPracticesHandler(harness.handler);
  });
  afterEach(() => harness.cleanup());

  it('appends SustainabilityPracticesRecorded with each practice once', async () => {
    await given();

    const result = await sut.execute(new RecordSustainabilityPracticesCommand(workshopId, ['minimal-printing', 'other', 'minimal-printing'], notes, at, harness.context()));

    expect(result.revision).toBe(1);
    expect((await harness.eventsOf(stream)).slice(1)).toEqual([
      { type: 'SustainabilityPracticesRecorded', data: { workshopId, practices: ['minimal-printing', 'other'], notes, recordedAt: at } },
    ]);
  });

  it('refuses a record on a reported workshop with WORKSHOP.ALREADY_REPORTED', async () => {
    await given(markHeld(workshopId), reported(workshopId));

    await expect(sut.execute(new RecordSustainabilityPracticesCommand(workshopId, ['minimal-printing'], notes, at, harness.context()))).rejects.toMatchObject({
      code: 'WORKSHOP.ALREADY_REPORTED',
      kind: 'conflict',
    });
    expect(await harness.eventsOf(stream)).toHaveLength(3);
  });
});
