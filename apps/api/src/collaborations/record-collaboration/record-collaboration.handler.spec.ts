import { collaborationStream, organizationDecider, organizationStream, workshopDecider, workshopStream } from '@kuhina/domain';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { RecordCollaborationCommand, type CollaborationRecord } from './record-collaboration.command';
import { RecordCollaborationHandler } from './record-collaboration.handler';

describe('RecordCollaborationHandler', () => {
  let harness: EventStoreHarness;
  let sut: RecordCollaborationHandler;
  const id = '8e3d2c1b-4a5f-4e6d-9c7b-0a1b2c3d4e5f';
  const pori = '3f0c9a3e-8d8c-4a57-9a51-0b5b1f1c2d3e';
  const msl = '9a1c9a3e-8d8c-4a57-9a51-0b5b1f1c2d3e';
  const workshopId = '7b9e6c2a-1d3f-4a5b-8c6d-2e4f6a8b0c1d';
  const at = '2023-09-01T09:00:00.000Z';
  const record: CollaborationRecord = {
    organizationIds: [pori, msl],
    sparkedByWorkshopId: workshopId,
    title: 'Penkkikahvilat Satakunnan kunnissa',
    description: 'The bench café method taken to more municipalities',
    startedOn: '2023-09-01',
  };

  const registerOrganization = (organizationId: string, name: string) =>
    harness.handler.handle(
      organizationDecider,
      organizationStream(organizationId),
      { type: 'RegisterOrganization', data: { organizationId, name, sector: 'public-administration', municipality: 'Pori', region: 'Satakunta', businessId: null, website: null }, at },
      harness.context(),
    );

  beforeEach(async () => {
    harness = await eventStoreHarness();
    sut = new RecordCollaborationHandler(harness.handler);
    await registerOrganization(pori, 'Porin kaupunki');
    await registerOrganization(msl, 'Maaseudun Sivistysliitto (MSL)');
    await harness.handler.handle(
      workshopDecider,
      workshopStream(workshopId),
      {
        type: 'PlanWorkshop',
        data: {
          workshopId,
          chainId: null,
          title: 'Penkkikahvila Suomi Areenalla',
          theme: 'Hearing citizens',
          method: 'Bench café',
          kind: 'street-event',
          format: 'webinar',
          location: null,
          startsAt: '2023-07-12T10:00:00+03:00',
          endsAt: '2023-07-12T16:00:00+03:00',
          targetGroups: ['citizens'],
          access: 'open',
          capacity: null,
          coOrganizerIds: [],
        },
        at,
      },
      harness.context(),
    );
  });
  afterEach(() => harness.cleanup());

  it('appends CollaborationRecorded to collaboration-<id>', async () => {
    const result = await sut.execute(new RecordCollaborationCommand(id, record, at, harness.context()));

    expect(result.revision).toBe(0);
    expect(await harness.eventsOf(collaborationStream(id))).toEqual([{ type: 'CollaborationRecorded', data: { collaborationId: id, ...record, at } }]);
  });

  it('refuses an organisation that was never registered with ORGANIZATION.NOT_FOUND and appends nothing', async () => {
    const unknown = '0d6c4f1a-2b3c-4d5e-8f90-a1b2c3d4e5f6';

    await expect(sut.execute(new RecordCollaborationCommand(id, { ...record, organizationIds: [pori, unknown] }, at, harness.context()))).rejects.toMatchObject({
      code: 'ORGANIZATION.NOT_FOUND',
      kind: 'not-found',
      details: { organizationId: unknown },
    });
    expect(await harness.eventsOf(collaborationStream(id))).toEqual([]);
  });

  it('refuses a workshop that was never planned with WORKSHOP.NOT_FOUND', async () => {
    const unknown = '0d6c4f1a-2b3c-4d5e-8f90-a1b2c3d4e5f6';

    await expect(sut.execute(new RecordCollaborationCommand(id, { ...record, sparkedByWorkshopId: unknown }, at, harness.context()))).rejects.toMatchObject({ code: 'WORKSHOP.NOT_FOUND' });
    expect(await harness.eventsOf(collaborationStream(id))).toEqual([]);
  });

  it('refuses a single partner with COLLABORATION.TOO_FEW_PARTNERS', async () => {
    await expect(sut.execute(new RecordCollaborationCommand(id, { ...record, organizationIds: [pori] }, at, harness.context()))).rejects.toMatchObject({
      code: 'COLLABORATION.TOO_FEW_PARTNERS',
      kind: 'validation',
    });
    expect(await harness.eventsOf(collaborationStream(id))).toEqual([]);
  });

  it('refuses another collaboration under an existing id with COLLABORATION.ALREADY_EXISTS', async () => {
    await sut.execute(new RecordCollaborationCommand(id, record, at, harness.context()));

    await expect(sut.execute(new RecordCollaborationCommand(id, { ...record, title: 'Something else' }, at, harness.context()))).rejects.toMatchObject({
      code: 'COLLABORATION.ALREADY_EXISTS',
      kind: 'conflict',
    });
    expect(await harness.eventsOf(collaborationStream(id))).toHaveLength(1);
  });
});
