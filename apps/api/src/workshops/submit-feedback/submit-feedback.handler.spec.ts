import { workshopStream, type WorkshopCommand } from '@kuhina/domain';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { givenWorkshop, markHeld, openRegistration, registration } from '../workshop-fixtures.spec-helper';
import { SubmitFeedbackCommand, type FeedbackDetails } from './submit-feedback.command';
import { SubmitFeedbackHandler } from './submit-feedback.handler';

describe('SubmitFeedbackHandler', () => {
  let harness: EventStoreHarness;
  let sut: SubmitFeedbackHandler;
  const workshopId = '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d';
  const registrationId = '7b8c9d0e-1f2a-4b3c-9d4e-5f6a7b8c9d0e';
  const stream = workshopStream(workshopId);
  const at = '2023-09-13T08:00:00.000Z';
  const feedback: FeedbackDetails = { registrationId, anonymous: false, rating: 4, comment: 'Useful discussion and new contacts.' };
  const registered = [openRegistration(workshopId), registration(workshopId, registrationId, '8c9d0e1f-2a3b-4c4d-8e5f-6a7b8c9d0e1f')];
  const given = (...then: WorkshopCommand[]) => givenWorkshop(harness.handler, harness.context, workshopId, {}, ...then);

  beforeEach(async () => {
    harness = await eventStoreHarness();
    sut = new SubmitFeedbackHandler(harness.handler);
  });
  afterEach(() => harness.cleanup());

  it('appends FeedbackSubmitted to a held workshop', async () => {
    await given(...registered, markHeld(workshopId));
    const before = (await harness.eventsOf(stream)).length;
    const feedbackId = '9d0e1f2a-3b4c-4d5e-9f6a-7b8c9d0e1f2a';

    const result = await sut.execute(new SubmitFeedbackCommand(workshopId, feedbackId, feedback, at, harness.context()));

    expect(result.revision).toBe(before);
    expect((await harness.eventsOf(stream)).slice(before)).toEqual([{ type: 'FeedbackSubmitted', data: { workshopId, feedbackId, ...feedback, submittedAt: at } }]);
  });

  it('refuses feedback before the workshop was held with WORKSHOP.NOT_HELD', async () => {
    await given(...registered);

    await expect(sut.execute(new SubmitFeedbackCommand(workshopId, '0e1f2a3b-4c5d-4e6f-8a7b-8c9d0e1f2a3b', feedback, at, harness.context()))).rejects.toMatchObject({
      code: 'WORKSHOP.NOT_HELD',
      kind: 'conflict',
    });
    expect(await harness.eventsOf(stream)).toHaveLength(3);
  });

  it('refuses a second feedback from the same registration with FEEDBACK.DUPLICATE', async () => {
    await given(...registered, markHeld(workshopId));
    await sut.execute(new SubmitFeedbackCommand(workshopId, '1f2a3b4c-5d6e-4f7a-9b8c-9d0e1f2a3b4c', feedback, at, harness.context()));
    const before = (await harness.eventsOf(stream)).length;

    await expect(sut.execute(new SubmitFeedbackCommand(workshopId, '2a3b4c5d-6e7f-4a8b-8c9d-0e1f2a3b4c5d', { ...feedback, rating: 5 }, at, harness.context()))).rejects.toMatchObject({
      code: 'FEEDBACK.DUPLICATE',
    });
    expect(await harness.eventsOf(stream)).toHaveLength(before);
  });
});
