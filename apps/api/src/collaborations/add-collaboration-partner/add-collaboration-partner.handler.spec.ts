import { collaborationDecider, collaborationStream, organizationDecider, organizationStream } from '@kuhina/domain';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { AddCollaborationPartnerCommand } from './add-collaboration-partner.command';
import { AddCollaborationPartnerHandler } from './add-collaboration-partner.handler';

describe('AddCollaborationPartnerHandler', () => {
  let harness: EventStoreHarness;
  let sut: AddCollaborationPartnerHandler;
  const id = '8e3d2c1b-4a5f-4e6d-9c7b-0a1b2c3d4e5f';
  const [pori, msl, ohjaamo] = ['3f0c9a3e-8d8c-4a57-9a51-0b5b1f1c2d3e', '9a1c9a3e-8d8c-4a57-9a51-0b5b1f1c2d3e', '4c2e8a1f-6b3d-4e5a-9f7c-1a2b3c4d5e6f'];
  const at = '2023-11-15T09:00:00.000Z';

  beforeEach(async () => {
    harness = await eventStoreHarness();
    sut = new AddCollaborationPartnerHandler(harness.handler);
    for (const organizationId of [pori, msl, ohjaamo]) {
      await harness.handler.handle(
        organizationDecider,
        organizationStream(organizationId),
        { type: 'RegisterOrganization', data: { organizationId, name: `Org ${organizationId.slice(0, 4)}`, sector: 'ngo', municipality: 'Pori', region: 'Satakunta', businessId: null, website: null }, at },
        harness.context(),
      );
    }
    await harness.handler.handle(
      collaborationDecider,
      collaborationStream(id),
      { type: 'RecordCollaboration', data: { collaborationId: id, organizationIds: [pori, msl], sparkedByWorkshopId: null, title: 'Penkkikahvilat', description: '', startedOn: '2023-09-01' }, at },
      harness.context(),
    );
  });
  afterEach(() => harness.cleanup());

  it('appends CollaborationPartnerAdded, joinedOn defaulting to the date of the business time', async () => {
    const result = await sut.execute(new AddCollaborationPartnerCommand(id, ohjaamo, null, at, harness.context()));

    expect(result.revision).toBe(1);
    expect((await harness.eventsOf(collaborationStream(id)))[1]).toEqual({
      type: 'CollaborationPartnerAdded',
      data: { collaborationId: id, organizationId: ohjaamo, joinedOn: '2023-11-15', at },
    });
  });

  it('keeps an explicit joinedOn', async () => {
    await sut.execute(new AddCollaborationPartnerCommand(id, ohjaamo, '2023-10-01', at, harness.context()));

    expect((await harness.eventsOf(collaborationStream(id)))[1]!.data).toMatchObject({ joinedOn: '2023-10-01' });
  });

  it('refuses a joinedOn before the start with COLLABORATION.DATE_BEFORE_START', async () => {
    await expect(sut.execute(new AddCollaborationPartnerCommand(id, ohjaamo, '2023-08-31', at, harness.context()))).rejects.toMatchObject({
      code: 'COLLABORATION.DATE_BEFORE_START',
      kind: 'validation',
    });
    expect(await harness.eventsOf(collaborationStream(id))).toHaveLength(1);
  });

  it('refuses an unregistered organisation with ORGANIZATION.NOT_FOUND and an unknown collaboration with COLLABORATION.NOT_FOUND', async () => {
    const unknown = '0d6c4f1a-2b3c-4d5e-8f90-a1b2c3d4e5f6';

    await expect(sut.execute(new AddCollaborationPartnerCommand(id, unknown, null, at, harness.context()))).rejects.toMatchObject({ code: 'ORGANIZATION.NOT_FOUND' });
    await expect(sut.execute(new AddCollaborationPartnerCommand(unknown, ohjaamo, null, at, harness.context()))).rejects.toMatchObject({ code: 'COLLABORATION.NOT_FOUND' });
    expect(await harness.eventsOf(collaborationStream(id))).toHaveLength(1);
  });
});
