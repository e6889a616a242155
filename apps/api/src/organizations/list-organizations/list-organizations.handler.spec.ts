import { MemoryReadStore } from '@kuhina/read-model';
import { ViewReader } from '../../common/views/view-reader';
import { ListOrganizationsHandler } from './list-organizations.handler';
import { ListOrganizationsQuery } from './list-organizations.query';

describe('ListOrganizationsHandler', () => {
  it('lists organisations by name, and only one sector when asked', async () => {
    const store = new MemoryReadStore();
    await store.transaction(async (uow) => {
      uow.put('organizations', 'o1', { name: 'Valo-Valmennusyhdistys ry' }, { sortKey: 'valo', indexes: { sector: 'ngo' } });
      uow.put('organizations', 'o2', { name: 'Porin kaupunki' }, { sortKey: 'porin', indexes: { sector: 'public-administration' } });
      uow.put('organizations', 'o3', { name: 'Maaseudun Sivistysliitto' }, { sortKey: 'maaseudun', indexes: { sector: 'ngo' } });
    });
    const sut = new ListOrganizationsHandler(new ViewReader(store));

    expect((await sut.execute(new ListOrganizationsQuery(10, undefined, undefined))).items.map((o) => o.name)).toEqual(['Maaseudun Sivistysliitto', 'Porin kaupunki', 'Valo-Valmennusyhdistys ry']);
    expect((await sut.execute(new ListOrganizationsQuery(10, undefined, 'ngo'))).items.map((o) => o.name)).toEqual(['Maaseudun Sivistysliitto', 'Valo-Valmennusyhdistys ry']);
  });

  it('lists each organisation as the view keeps it, without the revision (the ETag of GET /organizations/:id)', async () => {
    const store = new MemoryReadStore();
    const listed = { organizationId: 'o1', name: 'Porin kaupunki', sector: 'public-administration', registeredAt: '2023-03-02T10:00:00+02:00', lastPosition: '7' };
    await store.transaction(async (uow) => uow.put('organizations', 'o1', { ...listed, revision: 2 }, { sortKey: 'porin' }));
    const sut = new ListOrganizationsHandler(new ViewReader(store));

    expect((await sut.execute(new ListOrganizationsQuery(10, undefined, undefined))).items).toEqual([listed]);
  });
});
