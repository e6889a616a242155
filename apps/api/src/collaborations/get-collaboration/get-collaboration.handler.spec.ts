import { collaborationDecider, collaborationStream, type CollaborationCommand } from '@kuhina/domain';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { projectedViews } from '../../common/views/projected-views.spec-helper';
import { GetCollaborationHandler } from './get-collaboration.handler';
import { GetCollaborationQuery } from './get-collaboration.query';

describe('GetCollaborationHandler', () => {
  let harness: EventStoreHarness;
  let views: ReturnType<typeof projectedViews>;
  let sut: GetCollaborationHandler;
  const id = '8e3d2c1b-4a5f-4e6d-9c7b-0a1b2c3d4e5f';
  const [pori, msl, ohjaamo] = ['3f0c9a3e-8d8c-4a57-9a51-0b5b1f1c2d3e', '9a1c9a3e-8d8c-4a57-9a51-0b5b1f1c2d3e', '4c2e8a1f-6b3d-4e5a-9f7c-1a2b3c4d5e6f'];
  const workshopId = '7b9e6c2a-1d3f-4a5b-8c6d-2e4f6a8b0c1d';

  beforeEach(async () => {
    harness = await eventStoreHarness();
    views = projectedViews(harness.store);
    sut = new GetCollaborationHandler(views.reader);
  });
  afterEach(() => harness.cleanup());

  it('answers the collaboration with its partners in order, outcome and revision', async () => {
    const commands: CollaborationCommand[] = [
      {
        type: 'RecordCollaboration',
        data: { collaborationId: id, organizationIds: [pori, msl], sparkedByWorkshopId: workshopId, title: 'Penkkikahvilat', description: 'Bench cafés', startedOn: '2023-09-01' },
        at: '2023-09-01T09:00:00.000Z',
      },
      { type: 'AddCollaborationPartner', data: { collaborationId: id, organizationId: ohjaamo, joinedOn: '2023-10-01' }, at: '2023-10-01T09:00:00.000Z' },
      { type: 'EndCollaboration', data: { collaborationId: id, endedOn: '2024-06-30', outcome: 'Method adopted' }, at: '2024-06-30T09:00:00.000Z' },
    ];
    for (const command of commands) await harness.handler.handle(collaborationDecider, collaborationStream(id), command, harness.context());
    await views.catchUp();

    expect(await sut.execute(new GetCollaborationQuery(id))).toEqual({
      revision: 2,
      collaboration: {
        id,
        title: 'Penkkikahvilat',
        description: 'Bench cafés',
        status: 'ended',
        organizationIds: [pori, msl, ohjaamo],
        foundingOrganizationIds: [pori, msl],
        sparkedByWorkshopId: workshopId,
        startedOn: '2023-09-01',
        recordedAt: '2023-09-01T09:00:00.000Z',
        endedOn: '2024-06-30',
        outcome: 'Method adopted',
      },
    });
  });

  it('refuses an unknown id with COLLABORATION.NOT_FOUND', async () => {
    await views.catchUp();

    await expect(sut.execute(new GetCollaborationQuery(id))).rejects.toMatchObject({ code: 'COLLABORATION.NOT_FOUND', kind: 'not-found' });
  });
});
