import { ProjectionSpec, recorded } from '@kuhina/testing';
import type { OfferDetails } from '@kuhina/domain';
import { CHAIN, ORG, chainStarted } from '../workshop-chain/chain-events.spec-helper';
import { organizationProfileProjection as sut } from './organization-profile.projection';

const WORKSHOP = '0b000000-0000-4000-8000-000000000001';
const PERSON = '0c000000-0000-4000-8000-000000000001';
const OFFER = '0d000000-0000-4000-8000-000000000001';
const at = '2023-03-02T10:00:00+02:00';

const registered = (organizationId = ORG.pori) =>
  recorded('OrganizationRegistered', { organizationId, name: 'Porin kaupunki', sector: 'public-administration', municipality: 'Pori', region: 'Satakunta', businessId: null, website: null, at });
const tent: OfferDetails = {
  kind: 'venue',
  description: 'Tent space on the pedestrian street',
  online: false,
  municipality: 'Pori',
  region: 'Satakunta',
  capacity: 'one 6 x 3 m tent',
  valueCents: 50_000,
  availableFrom: '2023-07-01',
  availableUntil: null,
};
const offerRecorded = () => recorded('OfferRecorded', { organizationId: ORG.pori, offerId: OFFER, ...tent, at });
const pledged = (pledgeId: string, organizationId = ORG.pori) =>
  recorded('ResourcePledged', { workshopId: WORKSHOP, pledgeId, organizationId, kind: 'venue', description: 'Tent', inKindValueCents: 50_000, valuationBasis: 'rent', pledgedAt: at });

describe('organization-profile projection', () => {
  it('OrganizationRegistered: the profile with its details, no contacts, offers or pledges yet', async () => {
    const when = registered();
    await ProjectionSpec.for(sut)
      .given([])
      .when(when)
      .then((view) =>
        expect(view).toEqual({
          organizationId: ORG.pori,
          name: 'Porin kaupunki',
          sector: 'public-administration',
          municipality: 'Pori',
          region: 'Satakunta',
          businessId: null,
          website: null,
          registeredAt: at,
          contacts: {},
          offers: {},
          pledges: {},
          revision: when.revision,
          lastPosition: when.position.toString(),
        }),
      );
  });

  it('ContactPersonAdded: the person and role; a new role keeps the day they became a contact', async () => {
    const given = [registered(), recorded('ContactPersonAdded', { organizationId: ORG.pori, personId: PERSON, role: 'events', at })];
    await ProjectionSpec.for(sut)
      .given(given)
      .when(recorded('ContactPersonAdded', { organizationId: ORG.pori, personId: PERSON, role: 'communications', at: '2023-06-01T10:00:00+03:00' }))
      .then((view) => expect(view?.contacts).toEqual({ [PERSON]: { personId: PERSON, role: 'communications', since: at } }));
  });

  it('ContactPersonRemoved: the person is no contact any more; the revision follows the stream', async () => {
    const given = [registered(), recorded('ContactPersonAdded', { organizationId: ORG.pori, personId: PERSON, role: 'events', at })];
    const when = recorded('ContactPersonRemoved', { organizationId: ORG.pori, personId: PERSON, at });
    await ProjectionSpec.for(sut)
      .given(given)
      .when(when)
      .then((view) => expect(view).toMatchObject({ contacts: {}, revision: when.revision }));
  });

  it('OfferRecorded, OfferUpdated: the offer with its changes', async () => {
    await ProjectionSpec.for(sut)
      .given([registered(), offerRecorded()])
      .when(recorded('OfferUpdated', { organizationId: ORG.pori, offerId: OFFER, capacity: null, availableUntil: '2023-08-31', at: '2023-05-01T10:00:00+03:00' }))
      .then((view) =>
        expect(view?.offers[OFFER]).toEqual({
          offerId: OFFER,
          ...tent,
          capacity: null,
          availableUntil: '2023-08-31',
          status: 'active',
          offeredAt: at,
          updatedAt: '2023-05-01T10:00:00+03:00',
          withdrawnAt: null,
          withdrawalReason: null,
        }),
      );
  });

  it('OfferWithdrawn: the offer stays, withdrawn, with the reason', async () => {
    await ProjectionSpec.for(sut)
      .given([registered(), offerRecorded()])
      .when(recorded('OfferWithdrawn', { organizationId: ORG.pori, offerId: OFFER, reason: 'The tent was sold', at }))
      .then((view) => expect(view?.offers[OFFER]).toMatchObject({ status: 'withdrawn', withdrawnAt: at, withdrawalReason: 'The tent was sold' }));
  });

  it('ResourcePledged, PledgeFulfilled, PledgeWithdrawn: the pledge history, leaving the revision of the organisation', async () => {
    const given = [registered(), pledged('p-1'), pledged('p-2'), recorded('PledgeWithdrawn', { workshopId: WORKSHOP, pledgeId: 'p-2', organizationId: ORG.pori, reason: 'rain', withdrawnAt: at })];
    await ProjectionSpec.for(sut)
      .given(given)
      .when(recorded('PledgeFulfilled', { workshopId: WORKSHOP, pledgeId: 'p-1', organizationId: ORG.pori, fulfilledAt: '2023-07-05T10:00:00+03:00' }))
      .then((view) => {
        expect(view?.revision).toBe(given[0]!.revision);
        expect(view?.pledges['p-1']).toEqual({
          pledgeId: 'p-1',
          workshopId: WORKSHOP,
          kind: 'venue',
          description: 'Tent',
          inKindValueCents: 50_000,
          status: 'fulfilled',
          pledgedAt: at,
          fulfilledAt: '2023-07-05T10:00:00+03:00',
          withdrawnAt: null,
        });
        expect(view?.pledges['p-2']).toMatchObject({ status: 'withdrawn', withdrawnAt: at });
      });
  });

  it('idempotent if applied twice', async () => {
    await ProjectionSpec.for(sut)
      .given([registered(), offerRecorded()])
      .when(recorded('OfferUpdated', { organizationId: ORG.pori, offerId: OFFER, description: 'Two tents', at }))
      .then((view) => expect(view?.offers[OFFER]?.description).toBe('Two tents'));
  });

  it('an unrelated event changes nothing', async () => {
    await ProjectionSpec.for(sut).given([registered()]).when(chainStarted(CHAIN)).thenNothingChanges();
  });
});
