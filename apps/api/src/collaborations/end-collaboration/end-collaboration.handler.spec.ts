import { collaborationDecider, collaborationStream } from '@kuhina/domain';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { EndCollaborationCommand } from './end-collaboration.command';
import { EndCollaborationHandler } from './end-collaboration.handler';

describe('EndCollaborationHandler', () => {
  let harness: EventStoreHarness;
  let sut: EndCollaborationHandler;
  const id = '8e3d2c1b-4a5f-4e6d-9c7b-0a1b2c3d4e5f';
  const at = '2024-06-30T12:00:00.000Z';

  beforeEach(async () => {
    harness = await eventStoreHarness();
    sut = new EndCollaborationHandler(harness.handler);
    const organizationIds = ['3f0c9a3e-8d8c-4a57-9a51-0b5b1f1c2d3e', '9a1c9a3e-8d8c-4a57-9a51-0b5b1f1c2d3e'];
    await harness.handler.handle(
      collaborationDecider,
      collaborationStream(id),
      { type: 'RecordCollaboration', data: { collaborationId: id, organizationIds, sparkedByWorkshopId: null, title: 'Penkkikahvilat', description: '', startedOn: '2023-09-01' }, at },
      harness.context(),
    );
  });
  afterEach(() => harness.cleanup());

  it('appends CollaborationEnded with its date and outcome', async () => {
    const result = await sut.execute(new EndCollaborationCommand(id, '2024-06-30', 'Method adopted by four municipalities', at, harness.context()));

    expect(result.revision).toBe(1);
    expect((await harness.eventsOf(collaborationStream(id)))[1]).toEqual({
      type: 'CollaborationEnded',
      data: { collaborationId: id, endedOn: '2024-06-30', outcome: 'Method adopted by four municipalities', at },
    });
  });

  it('refuses ending again with another outcome with COLLABORATION.ENDED', async () => {
    await sut.execute(new EndCollaborationCommand(id, '2024-06-30', 'Method adopted', at, harness.context()));

    await expect(sut.execute(new EndCollaborationCommand(id, '2024-07-31', 'Something else', at, harness.context()))).rejects.toMatchObject({ code: 'COLLABORATION.ENDED', kind: 'conflict' });
    expect(await harness.eventsOf(collaborationStream(id))).toHaveLength(2);
  });

  it('refuses an end before the start with COLLABORATION.DATE_BEFORE_START', async () => {
    await expect(sut.execute(new EndCollaborationCommand(id, '2023-08-01', 'Too early', at, harness.context()))).rejects.toMatchObject({ code: 'COLLABORATION.DATE_BEFORE_START' });
    expect(await harness.eventsOf(collaborationStream(id))).toHaveLength(1);
  });
});
