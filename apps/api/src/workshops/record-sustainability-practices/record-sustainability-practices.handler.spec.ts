import { workshopDecider, workshopStream, type WorkshopCommand } from '@kuhina/domain';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { RecordSustainabilityPracticesCommand } from './record-sustainability-practices.command';
import { RecordSustainabilityPracticesHandler } from './record-sustainability-practices.handler';

describe('RecordSustainabilityPracticesHandler', () => {
  let harness: EventStoreHarness;
  let sut: RecordSustainabilityPracticesHandler;
  const workshopId = '1d2e3f4a-5b6c-4d7e-8f8a-9b0c1d2e3f4a';
  const stream = workshopStream(workshopId);
  const at = '2023-10-26T08:30:00.000Z';
  const notes = 'Online only: no travel, no printing.';
  const given = async (...commands: WorkshopCommand[]) => {
    for (const command of commands) await harness.handler.handle(workshopDecider, stream, command, harness.context());
  };
  const planned: WorkshopCommand = {
    type: 'PlanWorkshop',
    at: '2023-09-01T09:00:00.000Z',
    data: {
      workshopId,
      chainId: null,
      title: 'Työpaja 5: Sosiaalisten innovaatioiden validointikehikko (webinaari)',
      theme: 'The validation framework for social innovations',
      method: 'Presentation, Q&A on advance questions, open discussion',
      kind: 'co-development',
      format: 'webinar',
      location: null,
      startsAt: '2023-10-26T10:00:00+03:00',
      endsAt: '2023-10-26T11:30:00+03:00',
      targetGroups: ['everyone interested in social innovation'],
      access: 'open',
      capacity: null,
      coOrganizerIds: [],
    },
  };
  const heldAndReported: WorkshopCommand[] = [
    { type: 'MarkHeld', at, data: { workshopId, heldOn: '2023-10-26' } },
    { type: 'ReportWorkshop', at: '2023-11-25T10:00:00.000Z', data: { workshopId, summary: 'Webinar on the validation framework; feedback collected.' } },
  ];

  beforeEach(async () => {
    harness = await eventStoreHarness();
    sut = new RecordSustainabilityPracticesHandler(harness.handler);
  });
  afterEach(() => harness.cleanup());

  it('appends SustainabilityPracticesRecorded with each practice once', async () => {
    await given(planned);

    const result = await sut.execute(new RecordSustainabilityPracticesCommand(workshopId, ['minimal-printing', 'other', 'minimal-printing'], notes, at, harness.context()));

    expect(result.revision).toBe(1);
    expect((await harness.eventsOf(stream)).slice(1)).toEqual([
      { type: 'SustainabilityPracticesRecorded', data: { workshopId, practices: ['minimal-printing', 'other'], notes, recordedAt: at } },
    ]);
  });

  it('refuses a record on a reported workshop with WORKSHOP.ALREADY_REPORTED', async () => {
    await given(planned, ...heldAndReported);

    await expect(sut.execute(new RecordSustainabilityPracticesCommand(workshopId, ['minimal-printing'], notes, at, harness.context()))).rejects.toMatchObject({
      code: 'WORKSHOP.ALREADY_REPORTED',
      kind: 'conflict',
    });
    expect(await harness.eventsOf(stream)).toHaveLength(3);
  });
});
