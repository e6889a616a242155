import { collaborationDecider, collaborationStream, organizationDecider, organizationStream, workshopDecider, workshopStream, type RecordCollaboration } from '@kuhina/domain';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { DomainCommandExecutor } from './domain-command-executor';

// The collaboration commands through the generic use case (formerly one handler each, with their reference checks).
describe('DomainCommandExecutor: collaboration commands', () => {
  let harness: EventStoreHarness;
  let executor: DomainCommandExecutor;
  const id = '8e3d2c1b-4a5f-4e6d-9c7b-0a1b2c3d4e5f';
  const unknown = '0d6c4f1a-2b3c-4d5e-8f90-a1b2c3d4e5f6';

  beforeEach(async () => {
    harness = await eventStoreHarness();
    executor = new DomainCommandExecutor(harness.handler);
  });
  afterEach(() => harness.cleanup());

  describe('RecordCollaboration', () => {
    const pori = '3f0c9a3e-8d8c-4a57-9a51-0b5b1f1c2d3e';
    const msl = '9a1c9a3e-8d8c-4a57-9a51-0b5b1f1c2d3e';
    const workshopId = '7b9e6c2a-1d3f-4a5b-8c6d-2e4f6a8b0c1d';
    const at = '2023-09-01T09:00:00.000Z';
    const record: Omit<RecordCollaboration['data'], 'collaborationId'> = {
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

    it('appends CollaborationRecorded to collaboration-<id>', async () => {
      const result = await executor.execute('collaboration', { type: 'RecordCollaboration', data: { collaborationId: id, ...record }, at }, harness.context());

      expect(result.revision).toBe(0);
      expect(await harness.eventsOf(collaborationStream(id))).toEqual([{ type: 'CollaborationRecorded', data: { collaborationId: id, ...record, at } }]);
    });

    it('refuses an organisation that was never registered with ORGANIZATION.NOT_FOUND and appends nothing', async () => {
      await expect(
        executor.execute('collaboration', { type: 'RecordCollaboration', data: { collaborationId: id, ...record, organizationIds: [pori, unknown] }, at }, harness.context()),
      ).rejects.toMatchObject({
        code: 'ORGANIZATION.NOT_FOUND',
        kind: 'not-found',
        details: { organizationId: unknown },
      });
      expect(await harness.eventsOf(collaborationStream(id))).toEqual([]);
    });

    it('refuses a workshop that was never planned with WORKSHOP.NOT_FOUND', async () => {
      await expect(
        executor.execute('collaboration', { type: 'RecordCollaboration', data: { collaborationId: id, ...record, sparkedByWorkshopId: unknown }, at }, harness.context()),
      ).rejects.toMatchObject({ code: 'WORKSHOP.NOT_FOUND' });
      expect(await harness.eventsOf(collaborationStream(id))).toEqual([]);
    });

    it('refuses a single partner with COLLABORATION.TOO_FEW_PARTNERS', async () => {
      await expect(
        executor.execute('collaboration', { type: 'RecordCollaboration', data: { collaborationId: id, ...record, organizationIds: [pori] }, at }, harness.context()),
      ).rejects.toMatchObject({
        code: 'COLLABORATION.TOO_FEW_PARTNERS',
        kind: 'validation',
      });
      expect(await harness.eventsOf(collaborationStream(id))).toEqual([]);
    });

    it('refuses another collaboration under an existing id with COLLABORATION.ALREADY_EXISTS', async () => {
      await executor.execute('collaboration', { type: 'RecordCollaboration', data: { collaborationId: id, ...record }, at }, harness.context());

      await expect(
        executor.execute('collaboration', { type: 'RecordCollaboration', data: { collaborationId: id, ...record, title: 'Something else' }, at }, harness.context()),
      ).rejects.toMatchObject({
        code: 'COLLABORATION.ALREADY_EXISTS',
        kind: 'conflict',
      });
      expect(await harness.eventsOf(collaborationStream(id))).toHaveLength(1);
    });
  });

  describe('AddCollaborationPartner', () => {
    const [pori, msl, ohjaamo] = ['3f0c9a3e-8d8c-4a57-9a51-0b5b1f1c2d3e', '9a1c9a3e-8d8c-4a57-9a51-0b5b1f1c2d3e', '4c2e8a1f-6b3d-4e5a-9f7c-1a2b3c4d5e6f'];
    const at = '2023-11-15T09:00:00.000Z';

    beforeEach(async () => {
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

    it('appends CollaborationPartnerAdded, joinedOn defaulting to the date of the business time', async () => {
      const result = await executor.execute('collaboration', { type: 'AddCollaborationPartner', data: { collaborationId: id, organizationId: ohjaamo }, at }, harness.context());

      expect(result.revision).toBe(1);
      expect((await harness.eventsOf(collaborationStream(id)))[1]).toEqual({
        type: 'CollaborationPartnerAdded',
        data: { collaborationId: id, organizationId: ohjaamo, joinedOn: '2023-11-15', at },
      });
    });

    it('keeps an explicit joinedOn', async () => {
      await executor.execute('collaboration', { type: 'AddCollaborationPartner', data: { collaborationId: id, organizationId: ohjaamo, joinedOn: '2023-10-01' }, at }, harness.context());

      expect((await harness.eventsOf(collaborationStream(id)))[1]!.data).toMatchObject({ joinedOn: '2023-10-01' });
    });

    it('refuses a joinedOn before the start with COLLABORATION.DATE_BEFORE_START', async () => {
      await expect(
        executor.execute('collaboration', { type: 'AddCollaborationPartner', data: { collaborationId: id, organizationId: ohjaamo, joinedOn: '2023-08-31' }, at }, harness.context()),
      ).rejects.toMatchObject({
        code: 'COLLABORATION.DATE_BEFORE_START',
        kind: 'validation',
      });
      expect(await harness.eventsOf(collaborationStream(id))).toHaveLength(1);
    });

    it('refuses an unregistered organisation with ORGANIZATION.NOT_FOUND and an unknown collaboration with COLLABORATION.NOT_FOUND', async () => {
      await expect(executor.execute('collaboration', { type: 'AddCollaborationPartner', data: { collaborationId: id, organizationId: unknown }, at }, harness.context())).rejects.toMatchObject({
        code: 'ORGANIZATION.NOT_FOUND',
      });
      await expect(executor.execute('collaboration', { type: 'AddCollaborationPartner', data: { collaborationId: unknown, organizationId: ohjaamo }, at }, harness.context())).rejects.toMatchObject({
        code: 'COLLABORATION.NOT_FOUND',
      });
      expect(await harness.eventsOf(collaborationStream(id))).toHaveLength(1);
    });
  });

  describe('EndCollaboration', () => {
    const at = '2024-06-30T12:00:00.000Z';

    beforeEach(async () => {
      const organizationIds = ['3f0c9a3e-8d8c-4a57-9a51-0b5b1f1c2d3e', '9a1c9a3e-8d8c-4a57-9a51-0b5b1f1c2d3e'];
      await harness.handler.handle(
        collaborationDecider,
        collaborationStream(id),
        { type: 'RecordCollaboration', data: { collaborationId: id, organizationIds, sparkedByWorkshopId: null, title: 'Penkkikahvilat', description: '', startedOn: '2023-09-01' }, at },
        harness.context(),
      );
    });

    it('appends CollaborationEnded with its date and outcome', async () => {
      const result = await executor.execute(
        'collaboration',
        { type: 'EndCollaboration', data: { collaborationId: id, endedOn: '2024-06-30', outcome: 'Method adopted by four municipalities' }, at },
        harness.context(),
      );

      expect(result.revision).toBe(1);
      expect((await harness.eventsOf(collaborationStream(id)))[1]).toEqual({
        type: 'CollaborationEnded',
        data: { collaborationId: id, endedOn: '2024-06-30', outcome: 'Method adopted by four municipalities', at },
      });
    });

    it('refuses ending again with another outcome with COLLABORATION.ENDED', async () => {
      await executor.execute('collaboration', { type: 'EndCollaboration', data: { collaborationId: id, endedOn: '2024-06-30', outcome: 'Method adopted' }, at }, harness.context());

      await expect(
        executor.execute('collaboration', { type: 'EndCollaboration', data: { collaborationId: id, endedOn: '2024-07-31', outcome: 'Something else' }, at }, harness.context()),
      ).rejects.toMatchObject({ code: 'COLLABORATION.ENDED', kind: 'conflict' });
      expect(await harness.eventsOf(collaborationStream(id))).toHaveLength(2);
    });

    it('refuses an end before the start with COLLABORATION.DATE_BEFORE_START', async () => {
      await expect(
        executor.execute('collaboration', { type: 'EndCollaboration', data: { collaborationId: id, endedOn: '2023-08-01', outcome: 'Too early' }, at }, harness.context()),
      ).rejects.toMatchObject({ code: 'COLLABORATION.DATE_BEFORE_START' });
      expect(await harness.eventsOf(collaborationStream(id))).toHaveLength(1);
    });
  });
});
