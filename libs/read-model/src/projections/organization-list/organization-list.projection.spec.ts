import { ProjectionSpec, recorded } from '@kuhina/testing';
import type { OrganizationRegisteredData } from '@kuhina/domain';
import { CHAIN, ORG, chainStarted } from '../workshop-chain/chain-events.spec-helper';
import { organizationListProjection as sut } from './organization-list.projection';

const registeredData = (organizationId: string, over: Partial<OrganizationRegisteredData> = {}): OrganizationRegisteredData => ({
  organizationId,
  name: 'Rauman kaupunki',
  sector: 'public-administration',
  municipality: 'Rauma',
  region: 'Satakunta',
  businessId: '0135202-4',
  website: 'https://www.rauma.fi',
  at: '2023-03-02T10:00:00+02:00',
  ...over,
});
const organizationRegistered = (organizationId: string, over: Partial<OrganizationRegisteredData> = {}) =>
  recorded('OrganizationRegistered', registeredData(organizationId, over));

describe('organization-list projection', () => {
  it('OrganizationRegistered: lists the organisation by lower-cased name, indexed by sector', async () => {
    const when = organizationRegistered(ORG.rauma);
    await ProjectionSpec.for(sut)
      .given([])
      .when(when)
      .then((view, outcome) => {
        expect(view).toEqual({
          organizationId: ORG.rauma,
          name: 'Rauman kaupunki',
          sector: 'public-administration',
          municipality: 'Rauma',
          region: 'Satakunta',
          businessId: '0135202-4',
          website: 'https://www.rauma.fi',
          registeredAt: '2023-03-02T10:00:00+02:00',
          revision: when.revision,
          lastPosition: when.position.toString(),
        });
        expect(outcome.putOptions.get(ORG.rauma)).toEqual({ indexes: { sector: 'public-administration' }, sortKey: 'rauman kaupunki' });
      });
  });

  it('OrganizationDetailsUpdated: applies changed fields, clears nulled ones, moves the sector index', async () => {
    const registered = organizationRegistered(ORG.coaching, { name: 'Valmennusyhdistys', sector: 'other' });
    await ProjectionSpec.for(sut)
      .given([registered])
      .when(recorded('OrganizationDetailsUpdated', { organizationId: ORG.coaching, sector: 'ngo', website: null, at: '2023-05-01T10:00:00+03:00' }))
      .then((view, outcome) => {
        expect(view).toMatchObject({ name: 'Valmennusyhdistys', sector: 'ngo', website: null, municipality: 'Rauma', businessId: '0135202-4', revision: registered.revision + 1 });
        expect(outcome.putOptions.get(ORG.coaching)).toEqual({ indexes: { sector: 'ngo' }, sortKey: 'valmennusyhdistys' });
      });
  });

  it('idempotent if applied twice', async () => {
    const given = [organizationRegistered(ORG.pori, { name: 'Porin kaupunki', municipality: 'Pori' })];
    const when = recorded('OrganizationDetailsUpdated', { organizationId: ORG.pori, name: 'Porin kaupunki (Suomi Areena)', at: '2023-06-01T10:00:00+03:00' });
    const { at: registeredAt, ...details } = registeredData(ORG.pori, { name: 'Porin kaupunki (Suomi Areena)', municipality: 'Pori' });
    await ProjectionSpec.for(sut)
      .given(given)
      .when(when)
      .then({ ...details, registeredAt, revision: given[0]!.revision + 1, lastPosition: when.position.toString() });
  });

  it('an update for an organisation never registered lists nothing', async () => {
    await ProjectionSpec.for(sut)
      .given([])
      .when(recorded('OrganizationDetailsUpdated', { organizationId: ORG.roastery, name: 'Paahtimo', at: '2023-06-01T10:00:00+03:00' }))
      .thenNothingChanges();
  });

  it('an unrelated event changes nothing', async () => {
    await ProjectionSpec.for(sut).given([organizationRegistered(ORG.rauma)]).when(chainStarted(CHAIN)).thenNothingChanges();
  });
});
