import { workshopStream, type WorkshopCommand } from '@kuhina/domain';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { givenWorkshop } from '../workshop-fixtures.spec-helper';
import { RecordPlanningMeetingCommand, type PlanningMeetingDetails } from './record-planning-meeting.command';
import { RecordPlanningMeetingHandler } from './record-planning-meeting.handler';

describe('RecordPlanningMeetingHandler', () => {
  let harness: EventStoreHarness;
  let sut: RecordPlanningMeetingHandler;
  const workshopId = '7f8a9b0c-1d2e-4f3a-8b4c-5d6e7f8a9b0c';
  const meetingId = '8a9b0c1d-2e3f-4a4b-9c5d-6e7f8a9b0c1d';
  const stream = workshopStream(workshopId);
  const at = '2023-02-08T12:00:00.000Z';
  const meeting: PlanningMeetingDetails = {
    heldOn: '2023-02-08',
    kind: 'partner',
    online: true,
    organizationIds: ['9b0c1d2e-3f4a-4b5c-8d6e-7f8a9b0c1d2e', '0c1d2e3f-4a5b-4c6d-9e7f-8a9b0c1d2e3f'],
    notes: 'Joint planning with partners (Teams).',
  };
  const given = (...then: WorkshopCommand[]) => givenWorkshop(harness.handler, harness.context, workshopId, {}, ...then);

  beforeEach(async () => {
    harness = await eventStoreHarness();
    sut = new RecordPlanningMeetingHandler(harness.handler);
  });
  afterEach(() => harness.cleanup());

  it('appends PlanningMeetingRecorded to workshop-<id>', async () => {
    await given();

    const result = await sut.execute(new RecordPlanningMeetingCommand(workshopId, meetingId, meeting, at, harness.context()));

    expect(result.revision).toBe(1);
    expect((await harness.eventsOf(stream)).slice(1)).toEqual([{ type: 'PlanningMeetingRecorded', data: { workshopId, meetingId, ...meeting, recordedAt: at } }]);
  });

  it('refuses another meeting under a taken id with PLANNING_MEETING.ALREADY_EXISTS', async () => {
    await given();
    await sut.execute(new RecordPlanningMeetingCommand(workshopId, meetingId, meeting, at, harness.context()));

    await expect(sut.execute(new RecordPlanningMeetingCommand(workshopId, meetingId, { ...meeting, online: false }, at, harness.context()))).rejects.toMatchObject({
      code: 'PLANNING_MEETING.ALREADY_EXISTS',
    });
    expect(await harness.eventsOf(stream)).toHaveLength(2);
  });

  it('refuses an unknown workshop with WORKSHOP.NOT_FOUND', async () => {
    await expect(sut.execute(new RecordPlanningMeetingCommand(workshopId, meetingId, meeting, at, harness.context()))).rejects.toMatchObject({ code: 'WORKSHOP.NOT_FOUND' });
    expect(await harness.eventsOf(stream)).toEqual([]);
  });
});
