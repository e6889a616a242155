import { DeciderSpecification } from '@kuhina/testing';
import { fold } from '../shared/decider';
import type { OrganizationCommand } from './organization.commands';
import { organizationDecider } from './organization.decider';
import { OrganizationErrors } from './organization.errors';
import type { OfferDetails, OrganizationEvent } from './organization.events';

const organizationId = 'a1b2c3d4-0000-4000-8000-000000000010';
const personId = 'a1b2c3d4-0000-4000-8000-000000000020';
const offerId = 'a1b2c3d4-0000-4000-8000-000000000030';
const at = '2023-03-10T09:00:00+02:00';
const later = '2023-05-02T14:00:00+03:00';

const registered: OrganizationEvent = {
  type: 'OrganizationRegistered',
  data: { organizationId, name: 'City of Pori', sector: 'public-administration', municipality: 'Pori', region: 'Satakunta', businessId: null, website: null, at },
};
const command = (type: OrganizationCommand['type'], data: Record<string, unknown>, when = later): OrganizationCommand =>
  ({ type, data: { organizationId, ...data }, at: when }) as OrganizationCommand;

const tent: OfferDetails = {
  kind: 'venue',
  description: 'Tent space on the pedestrian street during Suomi Areena',
  online: false,
  municipality: 'Pori',
  region: 'Satakunta',
  capacity: 'a 6 x 3 m tent',
  valueCents: 50_000,
  availableFrom: '2023-07-01',
  availableUntil: '2023-07-31',
};
const offered = (details: Partial<OfferDetails> = {}): OrganizationEvent => ({ type: 'OfferRecorded', data: { organizationId, offerId, ...tent, ...details, at } });
const contactAdded = (role = 'events coordinator'): OrganizationEvent => ({ type: 'ContactPersonAdded', data: { organizationId, personId, role, at } });

const sut = DeciderSpecification.for(organizationDecider);

describe('Organization decider: contact persons', () => {
  it('adds a person as a contact in a role', () => {
    sut.given([registered]).when(command('AddContactPerson', { personId, role: 'events coordinator' }, at)).then([contactAdded()]);
  });

  it('adding the same person in the same role again changes nothing', () => {
    sut.given([registered, contactAdded()]).when(command('AddContactPerson', { personId, role: 'events coordinator' })).thenNothingHappens();
  });

  it('adding the person in another role records the new role', () => {
    sut
      .given([registered, contactAdded()])
      .when(command('AddContactPerson', { personId, role: 'communications' }))
      .then([{ type: 'ContactPersonAdded', data: { organizationId, personId, role: 'communications', at: later } }]);
  });

  it('refuses a blank role', () => {
    sut.given([registered]).when(command('AddContactPerson', { personId, role: ' ' })).thenThrows(OrganizationErrors.CONTACT_INVALID_FIELD);
  });

  it('removes a contact person', () => {
    sut.given([registered, contactAdded()]).when(command('RemoveContactPerson', { personId })).then([{ type: 'ContactPersonRemoved', data: { organizationId, personId, at: later } }]);
  });

  it('refuses removing someone who is no contact (any more)', () => {
    const removed: OrganizationEvent = { type: 'ContactPersonRemoved', data: { organizationId, personId, at } };
    sut.given([registered, contactAdded(), removed]).when(command('RemoveContactPerson', { personId })).thenThrows(OrganizationErrors.CONTACT_NOT_FOUND);
  });

  it('refuses contacts of an organisation that does not exist', () => {
    sut.given([]).when(command('AddContactPerson', { personId, role: 'x' })).thenThrows(OrganizationErrors.NOT_FOUND);
  });

  it('the state keeps the current contacts and their roles', () => {
    const state = fold(organizationDecider, [registered, contactAdded(), { type: 'ContactPersonAdded', data: { organizationId, personId: 'p-2', role: 'rector', at } }]);
    expect(state).toMatchObject({ contacts: { [personId]: 'events coordinator', 'p-2': 'rector' } });
  });
});

describe('Organization decider: offers', () => {
  describe('RecordOffer', () => {
    it('records an offer', () => {
      sut.given([registered]).when(command('RecordOffer', { offerId, ...tent }, at)).then([offered()]);
    });

    it('takes the organisation\'s own municipality and region when the offer names none', () => {
      const { municipality: _m, region: _r, ...unplaced } = tent;
      sut.given([registered]).when(command('RecordOffer', { offerId, ...unplaced }, at)).then([offered()]);
    });

    it('an online offer names no place unless given one', () => {
      const { municipality: _m, region: _r, ...unplaced } = tent;
      sut
        .given([registered])
        .when(command('RecordOffer', { offerId, ...unplaced, kind: 'expertise', online: true }, at))
        .then([offered({ kind: 'expertise', online: true, municipality: null, region: null })]);
    });

    it('refuses an offer on site with no place at all', () => {
      sut.given([registered]).when(command('RecordOffer', { offerId, ...tent, municipality: null, region: null })).thenThrows(OrganizationErrors.OFFER_PLACE_REQUIRED);
    });

    it('refuses an end before the start', () => {
      sut.given([registered]).when(command('RecordOffer', { offerId, ...tent, availableUntil: '2023-06-30' })).thenThrows(OrganizationErrors.OFFER_PERIOD_INVALID);
    });

    it.each([
      ['kind', 'tent'],
      ['description', ''],
      ['valueCents', -1],
      ['valueCents', 1.5],
      ['availableFrom', '2023-7-1'],
      ['capacity', ''],
      ['online', 'yes'],
    ])('refuses %s = %p', (field, value) => {
      sut.given([registered]).when(command('RecordOffer', { offerId, ...tent, [field]: value })).thenThrows(OrganizationErrors.OFFER_INVALID_FIELD);
    });

    it('repeating the same offer is idempotent; another offer under its id is refused', () => {
      sut.given([registered, offered()]).when(command('RecordOffer', { offerId, ...tent })).thenNothingHappens();
      sut.given([registered, offered()]).when(command('RecordOffer', { offerId, ...tent, capacity: '2 tents' })).thenThrows(OrganizationErrors.OFFER_ALREADY_EXISTS);
    });

    it('refuses an offer of an organisation that does not exist', () => {
      sut.given([]).when(command('RecordOffer', { offerId, ...tent })).thenThrows(OrganizationErrors.NOT_FOUND);
    });
  });

  describe('UpdateOffer', () => {
    it('records only what changed, null clearing a field', () => {
      sut
        .given([registered, offered()])
        .when(command('UpdateOffer', { offerId, description: tent.description, valueCents: null, availableUntil: '2023-08-15' }))
        .then([{ type: 'OfferUpdated', data: { organizationId, offerId, valueCents: null, availableUntil: '2023-08-15', at: later } }]);
    });

    it('nothing changed: no events', () => {
      sut.given([registered, offered()]).when(command('UpdateOffer', { offerId, kind: 'venue' })).thenNothingHappens();
    });

    it('checks the offer as it would become', () => {
      sut.given([registered, offered()]).when(command('UpdateOffer', { offerId, availableFrom: '2023-08-01' })).thenThrows(OrganizationErrors.OFFER_PERIOD_INVALID);
      sut.given([registered, offered()]).when(command('UpdateOffer', { offerId, municipality: null, region: null })).thenThrows(OrganizationErrors.OFFER_PLACE_REQUIRED);
    });

    it('refuses an unknown or withdrawn offer', () => {
      sut.given([registered]).when(command('UpdateOffer', { offerId, capacity: 'x' })).thenThrows(OrganizationErrors.OFFER_NOT_FOUND);
      const withdrawn: OrganizationEvent = { type: 'OfferWithdrawn', data: { organizationId, offerId, reason: 'tent sold', at } };
      sut.given([registered, offered(), withdrawn]).when(command('UpdateOffer', { offerId, capacity: 'x' })).thenThrows(OrganizationErrors.OFFER_WITHDRAWN);
    });
  });

  describe('WithdrawOffer', () => {
    const withdraw = command('WithdrawOffer', { offerId, reason: 'The tent was sold' });

    it('withdraws an offer with a reason', () => {
      sut.given([registered, offered()]).when(withdraw).then([{ type: 'OfferWithdrawn', data: { organizationId, offerId, reason: 'The tent was sold', at: later } }]);
    });

    it('withdrawing again changes nothing', () => {
      sut.given([registered, offered(), { type: 'OfferWithdrawn', data: { organizationId, offerId, reason: 'sold', at } }]).when(withdraw).thenNothingHappens();
    });

    it('refuses a blank reason and an unknown offer', () => {
      sut.given([registered, offered()]).when(command('WithdrawOffer', { offerId, reason: '' })).thenThrows(OrganizationErrors.OFFER_INVALID_FIELD);
      sut.given([registered]).when(withdraw).thenThrows(OrganizationErrors.OFFER_NOT_FOUND);
    });
  });

  it('the state keeps every offer, updated, with its status', () => {
    const state = fold(organizationDecider, [
      registered,
      offered(),
      { type: 'OfferUpdated', data: { organizationId, offerId, capacity: '2 tents', at: later } },
      { type: 'OfferWithdrawn', data: { organizationId, offerId, reason: 'sold', at: later } },
    ]);
    expect(state).toMatchObject({ offers: { [offerId]: { ...tent, capacity: '2 tents', status: 'withdrawn' } } });
  });
});
