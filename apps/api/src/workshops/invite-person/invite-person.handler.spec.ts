import { personDecider, personStream, workshopStream } from '@kuhina/domain';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { AT, givenPerson, givenWorkshop } from '../workshop-fixtures.spec-helper';
import { InvitePersonCommand } from './invite-person.command';
import { InvitePersonHandler } from './invite-person.handler';

describe('InvitePersonHandler', () => {
  let harness: EventStoreHarness;
  let sut: InvitePersonHandler;
  const workshopId = 'c24e9d8f-a0b1-4c53-8e7f-8091a2b3c4d5';

  beforeEach(async () => {
    harness = await eventStoreHarness();
    sut = new InvitePersonHandler(harness.handler);
  });
  afterEach(() => harness.cleanup());

  it('appends PersonInvited for an invitation-only workshop', async () => {
    await givenWorkshop(harness.handler, harness.context, workshopId, { access: 'invitation-only' });
    const personId = await givenPerson(harness.handler, harness.context, 'Aino Virtanen');

    await sut.execute(new InvitePersonCommand(workshopId, personId, AT, harness.context()));

    expect((await harness.eventsOf(workshopStream(workshopId))).slice(1)).toEqual([{ type: 'PersonInvited', data: { workshopId, personId, invitedAt: AT } }]);
  });

  it('refuses an open workshop with WORKSHOP.NOT_INVITATION_ONLY', async () => {
    await givenWorkshop(harness.handler, harness.context, workshopId, { access: 'open' });
    const personId = await givenPerson(harness.handler, harness.context, 'Aino Virtanen');

    await expect(sut.execute(new InvitePersonCommand(workshopId, personId, AT, harness.context()))).rejects.toMatchObject({ code: 'WORKSHOP.NOT_INVITATION_ONLY' });
    expect(await harness.eventsOf(workshopStream(workshopId))).toHaveLength(1);
  });

  it('refuses an unknown person with PERSON.NOT_FOUND and an erased one with PERSON.ERASED', async () => {
    await givenWorkshop(harness.handler, harness.context, workshopId, { access: 'invitation-only' });
    const erased = await givenPerson(harness.handler, harness.context, 'Eero Korhonen');
    await harness.handler.handle(personDecider, personStream(erased), { type: 'ErasePersonalData', data: { personId: erased, reason: 'GDPR Art. 17 request', erasedBy: 'dpo' }, at: AT }, harness.context());

    await expect(sut.execute(new InvitePersonCommand(workshopId, 'd0000000-0000-4000-8000-000000000009', AT, harness.context()))).rejects.toMatchObject({ code: 'PERSON.NOT_FOUND', kind: 'not-found' });
    await expect(sut.execute(new InvitePersonCommand(workshopId, erased, AT, harness.context()))).rejects.toMatchObject({ code: 'PERSON.ERASED' });
    expect(await harness.eventsOf(workshopStream(workshopId))).toHaveLength(1);
  });
});
