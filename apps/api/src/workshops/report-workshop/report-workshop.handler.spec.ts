import { workshopDecider, workshopStream } from '@kuhina/domain';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { AT, givenWorkshop, markHeld } from '../workshop-fixtures.spec-helper';
import { ReportWorkshopCommand } from './report-workshop.command';
import { ReportWorkshopHandler } from './report-workshop.handler';

describe('ReportWorkshopHandler', () => {
  let harness: EventStoreHarness;
  let sut: ReportWorkshopHandler;
  const workshopId = '28ae4de5-0617-42b9-8ed5-e6f708192a3b';
  const summary = 'Futures workshop held with the City of Rauma and Valo-Valmennusyhdistys; feedback collected.';

  beforeEach(async () => {
    harness = await eventStoreHarness();
    sut = new ReportWorkshopHandler(harness.handler);
  });
  afterEach(() => harness.cleanup());

  it('appends WorkshopReported for a held workshop', async () => {
    await givenWorkshop(harness.handler, harness.context, workshopId, {}, markHeld(workshopId));

    const result = await sut.execute(new ReportWorkshopCommand(workshopId, summary, AT, harness.context()));

    expect(result.state).toMatchObject({ status: 'reported', reportedAt: AT });
    expect((await harness.eventsOf(workshopStream(workshopId))).slice(2)).toEqual([{ type: 'WorkshopReported', data: { workshopId, summary, reportedAt: AT } }]);
  });

  it('refuses a workshop not yet held with WORKSHOP.NOT_HELD, and a second report with WORKSHOP.ALREADY_REPORTED', async () => {
    await givenWorkshop(harness.handler, harness.context, workshopId);
    await expect(sut.execute(new ReportWorkshopCommand(workshopId, summary, AT, harness.context()))).rejects.toMatchObject({ code: 'WORKSHOP.NOT_HELD' });

    await harness.handler.handle(workshopDecider, workshopStream(workshopId), markHeld(workshopId), harness.context());
    await sut.execute(new ReportWorkshopCommand(workshopId, summary, AT, harness.context()));
    await expect(sut.execute(new ReportWorkshopCommand(workshopId, summary, AT, harness.context()))).rejects.toMatchObject({ code: 'WORKSHOP.ALREADY_REPORTED' });
    expect((await harness.eventsOf(workshopStream(workshopId))).map((e) => e.type)).toEqual(['WorkshopPlanned', 'WorkshopHeld', 'WorkshopReported']);
  });
});
