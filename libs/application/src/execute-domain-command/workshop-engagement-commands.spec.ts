import { workshopStream, type CollectCitizenInput, type ForwardCitizenInputSummary, type RecordPlanningMeeting, type SubmitFeedback, type WorkshopCommand } from '@kuhina/domain';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { cancelled, collectedCitizenInput, givenOrganization, givenWorkshop, markHeld, openRegistration, registration, reported, STREET_EVENT_PLAN } from '../workshop-fixtures.spec-helper';
import { DomainCommandExecutor } from './domain-command-executor';

// Engagement around a workshop through the generic use case: feedback, citizen input and its summary, planning
// meetings, sustainability practices (formerly one pass-through handler each).
describe('DomainCommandExecutor: workshop engagement commands', () => {
  let harness: EventStoreHarness;
  let executor: DomainCommandExecutor;

  beforeEach(async () => {
    harness = await eventStoreHarness();
    executor = new DomainCommandExecutor(harness.handler);
  });
  afterEach(() => harness.cleanup());

  describe('SubmitFeedback', () => {
    const workshopId = '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d';
    const registrationId = '7b8c9d0e-1f2a-4b3c-9d4e-5f6a7b8c9d0e';
    const stream = workshopStream(workshopId);
    const at = '2023-09-13T08:00:00.000Z';
    const feedback: Omit<SubmitFeedback['data'], 'workshopId' | 'feedbackId'> = { registrationId, anonymous: false, rating: 4, comment: 'Useful discussion and new contacts.' };
    const registered = [openRegistration(workshopId), registration(workshopId, registrationId, '8c9d0e1f-2a3b-4c4d-8e5f-6a7b8c9d0e1f')];
    const given = (...then: WorkshopCommand[]) => givenWorkshop(harness.handler, harness.context, workshopId, {}, ...then);
    /** Held, with the registration's attendance recorded: feedback tied to it comes from someone who was there. */
    const attended: WorkshopCommand = { type: 'RecordAttendance', data: { workshopId, attendees: [{ registrationId, mode: 'on-site' }] }, at: '2023-04-19T14:30:00.000Z' };

    it('appends FeedbackSubmitted to a held workshop', async () => {
      await given(...registered, markHeld(workshopId), attended);
      const before = (await harness.eventsOf(stream)).length;
      const feedbackId = '9d0e1f2a-3b4c-4d5e-9f6a-7b8c9d0e1f2a';

      const result = await executor.execute('workshop', { type: 'SubmitFeedback', data: { workshopId, feedbackId, ...feedback }, at }, harness.context());

      expect(result.revision).toBe(before);
      expect((await harness.eventsOf(stream)).slice(before)).toEqual([{ type: 'FeedbackSubmitted', data: { workshopId, feedbackId, ...feedback, submittedAt: at } }]);
    });

    it('refuses feedback before the workshop was held with WORKSHOP.NOT_HELD', async () => {
      await given(...registered);

      await expect(
        executor.execute('workshop', { type: 'SubmitFeedback', data: { workshopId, feedbackId: '0e1f2a3b-4c5d-4e6f-8a7b-8c9d0e1f2a3b', ...feedback }, at }, harness.context()),
      ).rejects.toMatchObject({
        code: 'WORKSHOP.NOT_HELD',
        kind: 'conflict',
      });
      expect(await harness.eventsOf(stream)).toHaveLength(3);
    });

    it('refuses a second feedback from the same registration with FEEDBACK.DUPLICATE', async () => {
      await given(...registered, markHeld(workshopId), attended);
      await executor.execute('workshop', { type: 'SubmitFeedback', data: { workshopId, feedbackId: '1f2a3b4c-5d6e-4f7a-9b8c-9d0e1f2a3b4c', ...feedback }, at }, harness.context());
      const before = (await harness.eventsOf(stream)).length;

      await expect(
        executor.execute('workshop', { type: 'SubmitFeedback', data: { workshopId, feedbackId: '2a3b4c5d-6e7f-4a8b-8c9d-0e1f2a3b4c5d', ...feedback, rating: 5 }, at }, harness.context()),
      ).rejects.toMatchObject({
        code: 'FEEDBACK.DUPLICATE',
      });
      expect(await harness.eventsOf(stream)).toHaveLength(before);
    });
  });

  describe('CollectCitizenInput', () => {
    const workshopId = '3b4c5d6e-7f8a-4b9c-9d0e-1f2a3b4c5d6e';
    const inputId = '4c5d6e7f-8a9b-4c0d-8e1f-2a3b4c5d6e7f';
    const stream = workshopStream(workshopId);
    const at = '2023-06-14T14:00:00.000Z';
    const input: Omit<CollectCitizenInput['data'], 'workshopId' | 'inputId'> = {
      topic: 'What would make everyday life in Pori better, and who should do it?',
      summary: 'Citizens asked for low-threshold meeting places and help with digital services for the elderly.',
      citizensHeard: 126,
      collectedAt: '2023-06-14T17:00:00+03:00',
    };
    const given = (...then: WorkshopCommand[]) => givenWorkshop(harness.handler, harness.context, workshopId, STREET_EVENT_PLAN, ...then);

    it('appends CitizenInputCollected to workshop-<id>', async () => {
      await given();

      const result = await executor.execute('workshop', { type: 'CollectCitizenInput', data: { workshopId, inputId, ...input }, at }, harness.context());

      expect(result.revision).toBe(1);
      expect((await harness.eventsOf(stream)).slice(1)).toEqual([{ type: 'CitizenInputCollected', data: { workshopId, inputId, ...input } }]);
    });

    it('refuses other input under a taken id with CITIZEN_INPUT.ALREADY_EXISTS', async () => {
      await given();
      await executor.execute('workshop', { type: 'CollectCitizenInput', data: { workshopId, inputId, ...input }, at }, harness.context());

      await expect(
        executor.execute('workshop', { type: 'CollectCitizenInput', data: { workshopId, inputId, ...input, citizensHeard: 80 }, at }, harness.context()),
      ).rejects.toMatchObject({
        code: 'CITIZEN_INPUT.ALREADY_EXISTS',
      });
      expect(await harness.eventsOf(stream)).toHaveLength(2);
    });

    it('refuses input to a cancelled workshop with WORKSHOP.CANCELLED', async () => {
      await given(cancelled(workshopId));

      await expect(executor.execute('workshop', { type: 'CollectCitizenInput', data: { workshopId, inputId, ...input }, at }, harness.context())).rejects.toMatchObject({
        code: 'WORKSHOP.CANCELLED',
      });
      expect(await harness.eventsOf(stream)).toHaveLength(2);
    });
  });

  describe('ForwardCitizenInputSummary', () => {
    const workshopId = '5d6e7f8a-9b0c-4d1e-8f2a-3b4c5d6e7f8a';
    const stream = workshopStream(workshopId);
    const at = '2023-06-28T09:00:00.000Z';
    const forwarded: Omit<ForwardCitizenInputSummary['data'], 'workshopId'> = {
      summary: 'Citizens asked for low-threshold meeting places and help with digital services for the elderly.',
      recipients: ['City of Pori, city board', 'Satakunta wellbeing services county, participation unit'],
      forwardedAt: '2023-06-28',
    };
    const given = (...then: WorkshopCommand[]) => givenWorkshop(harness.handler, harness.context, workshopId, STREET_EVENT_PLAN, ...then);

    it('appends CitizenInputSummaryForwarded once input was collected', async () => {
      await given(collectedCitizenInput(workshopId, '6e7f8a9b-0c1d-4e2f-9a3b-4c5d6e7f8a9b', { summary: forwarded.summary }));

      const result = await executor.execute('workshop', { type: 'ForwardCitizenInputSummary', data: { workshopId, ...forwarded }, at }, harness.context());

      expect(result.revision).toBe(2);
      expect((await harness.eventsOf(stream)).slice(2)).toEqual([{ type: 'CitizenInputSummaryForwarded', data: { workshopId, ...forwarded } }]);
    });

    it('refuses a summary when no input was collected with CITIZEN_INPUT.NOT_COLLECTED', async () => {
      await given();

      await expect(executor.execute('workshop', { type: 'ForwardCitizenInputSummary', data: { workshopId, ...forwarded }, at }, harness.context())).rejects.toMatchObject({
        code: 'CITIZEN_INPUT.NOT_COLLECTED',
        kind: 'conflict',
      });
      expect(await harness.eventsOf(stream)).toHaveLength(1);
    });
  });

  describe('RecordPlanningMeeting', () => {
    const workshopId = '7f8a9b0c-1d2e-4f3a-8b4c-5d6e7f8a9b0c';
    const meetingId = '8a9b0c1d-2e3f-4a4b-9c5d-6e7f8a9b0c1d';
    const stream = workshopStream(workshopId);
    const at = '2023-02-08T12:00:00.000Z';
    const meeting: Omit<RecordPlanningMeeting['data'], 'workshopId' | 'meetingId'> = {
      heldOn: '2023-02-08',
      kind: 'partner',
      online: true,
      organizationIds: ['9b0c1d2e-3f4a-4b5c-8d6e-7f8a9b0c1d2e', '0c1d2e3f-4a5b-4c6d-9e7f-8a9b0c1d2e3f'],
      notes: 'Joint planning with partners (Teams).',
    };
    const given = (...then: WorkshopCommand[]) => givenWorkshop(harness.handler, harness.context, workshopId, {}, ...then);

    beforeEach(async () => {
      // The use case now checks that the organisations at the meeting exist (see domain-command-executor.spec.ts).
      for (const organizationId of meeting.organizationIds) await givenOrganization(harness.handler, harness.context, organizationId, `Org ${organizationId.slice(0, 4)}`);
    });

    it('appends PlanningMeetingRecorded to workshop-<id>', async () => {
      await given();

      const result = await executor.execute('workshop', { type: 'RecordPlanningMeeting', data: { workshopId, meetingId, ...meeting }, at }, harness.context());

      expect(result.revision).toBe(1);
      expect((await harness.eventsOf(stream)).slice(1)).toEqual([{ type: 'PlanningMeetingRecorded', data: { workshopId, meetingId, ...meeting, recordedAt: at } }]);
    });

    it('refuses another meeting under a taken id with PLANNING_MEETING.ALREADY_EXISTS', async () => {
      await given();
      await executor.execute('workshop', { type: 'RecordPlanningMeeting', data: { workshopId, meetingId, ...meeting }, at }, harness.context());

      await expect(
        executor.execute('workshop', { type: 'RecordPlanningMeeting', data: { workshopId, meetingId, ...meeting, online: false }, at }, harness.context()),
      ).rejects.toMatchObject({
        code: 'PLANNING_MEETING.ALREADY_EXISTS',
      });
      expect(await harness.eventsOf(stream)).toHaveLength(2);
    });

    it('refuses an unknown workshop with WORKSHOP.NOT_FOUND', async () => {
      await expect(executor.execute('workshop', { type: 'RecordPlanningMeeting', data: { workshopId, meetingId, ...meeting }, at }, harness.context())).rejects.toMatchObject({
        code: 'WORKSHOP.NOT_FOUND',
      });
      expect(await harness.eventsOf(stream)).toEqual([]);
    });
  });

  describe('RecordSustainabilityPractices', () => {
    const workshopId = '1d2e3f4a-5b6c-4d7e-8f8a-9b0c1d2e3f4a';
    const stream = workshopStream(workshopId);
    const at = '2023-10-26T08:30:00.000Z';
    const notes = 'Online only: no travel, no printing.';
    const given = (...then: WorkshopCommand[]) => givenWorkshop(harness.handler, harness.context, workshopId, {}, ...then);

    it('appends SustainabilityPracticesRecorded with each practice once', async () => {
      await given();

      const result = await executor.execute(
        'workshop',
        { type: 'RecordSustainabilityPractices', data: { workshopId, practices: ['minimal-printing', 'other', 'minimal-printing'], notes }, at },
        harness.context(),
      );

      expect(result.revision).toBe(1);
      expect((await harness.eventsOf(stream)).slice(1)).toEqual([
        { type: 'SustainabilityPracticesRecorded', data: { workshopId, practices: ['minimal-printing', 'other'], notes, recordedAt: at } },
      ]);
    });

    it('refuses a record on a reported workshop with WORKSHOP.ALREADY_REPORTED', async () => {
      await given(markHeld(workshopId), reported(workshopId));

      await expect(
        executor.execute('workshop', { type: 'RecordSustainabilityPractices', data: { workshopId, practices: ['minimal-printing'], notes }, at }, harness.context()),
      ).rejects.toMatchObject({
        code: 'WORKSHOP.ALREADY_REPORTED',
        kind: 'conflict',
      });
      expect(await harness.eventsOf(stream)).toHaveLength(3);
    });
  });
});
