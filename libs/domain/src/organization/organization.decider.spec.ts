import { DeciderSpecification } from '@kuhina/testing';
import { fold } from '../shared/decider';
import type { OrganizationCommand } from './organization.commands';
import { organizationDecider } from './organization.decider';
import { OrganizationErrors } from './organization.errors';
import type { OrganizationDetails, OrganizationEvent } from './organization.events';

const organizationId = 'a1b2c3d4-0000-4000-8000-000000000010';
const at = '2023-03-10T09:00:00+02:00';
const later = '2023-05-02T14:00:00+03:00';

const rauma: OrganizationDetails = {
  name: 'City of Rauma',
  sector: 'public-administration',
  municipality: 'Rauma',
  region: 'Satakunta',
  businessId: '0201256-6',
  website: 'https://www.rauma.fi',
};

const register = (overrides: Record<string, unknown> = {}): OrganizationCommand =>
  ({ type: 'RegisterOrganization', data: { organizationId, ...rauma, ...overrides }, at }) as OrganizationCommand;
const registered = (overrides: Partial<OrganizationDetails> = {}): OrganizationEvent => ({
  type: 'OrganizationRegistered',
  data: { organizationId, ...rauma, ...overrides, at },
});
const update = (changes: Record<string, unknown>, id = organizationId): OrganizationCommand =>
  ({ type: 'UpdateOrganizationDetails', data: { organizationId: id, ...changes }, at: later }) as OrganizationCommand;

const sut = DeciderSpecification.for(organizationDecider);

describe('Organization decider', () => {
  describe('RegisterOrganization: registered once', () => {
    it('registers a new organisation', () => {
      sut.given([]).when(register()).then([registered()]);
    });

    it('registers one without optional data (all null)', () => {
      const bare = { municipality: null, region: null, businessId: null, website: null, sector: 'global-network', name: 'Social Enterprise World Forum' } as const;
      sut.given([]).when(register(bare)).then([registered(bare)]);
    });

    it('repeating the same registration is idempotent: no events', () => {
      sut.given([registered()]).when(register()).thenNothingHappens();
    });

    it('refuses registering an existing organisation with other data', () => {
      sut.given([registered()]).when(register({ name: 'Rauman kaupunki' })).thenThrows(OrganizationErrors.ALREADY_EXISTS);
    });
  });

  describe('validation', () => {
    it('refuses a blank name', () => {
      sut.given([]).when(register({ name: '  ' })).thenThrows(OrganizationErrors.BLANK_FIELD);
    });

    it('refuses an empty municipality (null means unknown)', () => {
      sut.given([]).when(register({ municipality: '' })).thenThrows(OrganizationErrors.BLANK_FIELD);
    });

    it('refuses an unknown sector', () => {
      sut.given([]).when(register({ sector: 'church' })).thenThrows(OrganizationErrors.SECTOR_INVALID);
    });

    it('refuses a business id with a wrong check digit', () => {
      sut.given([]).when(register({ businessId: '0201256-5' })).thenThrows(OrganizationErrors.BUSINESS_ID_INVALID);
    });

    it.each(['www.rauma.fi', 'ftp://rauma.fi', 'javascript:alert(1)'])('refuses the website %s', (website) => {
      sut.given([]).when(register({ website })).thenThrows(OrganizationErrors.WEBSITE_INVALID);
    });
  });

  describe('UpdateOrganizationDetails: only changed fields', () => {
    it('records only the fields that changed, null clearing a field', () => {
      sut
        .given([registered()])
        .when(update({ name: rauma.name, website: null, region: 'Satakunta region' }))
        .then([{ type: 'OrganizationDetailsUpdated', data: { organizationId, region: 'Satakunta region', website: null, at: later } }]);
    });

    it('nothing changed: no events', () => {
      sut.given([registered()]).when(update({ name: rauma.name, sector: rauma.sector })).thenNothingHappens();
    });

    it('refuses an invalid business id in an update', () => {
      sut.given([registered()]).when(update({ businessId: '0137707-1' })).thenThrows(OrganizationErrors.BUSINESS_ID_INVALID);
    });

    it('refuses updating an organisation that does not exist', () => {
      sut.given([]).when(update({ name: 'x' })).thenThrows(OrganizationErrors.NOT_FOUND);
    });

    it('refuses an update naming another organisation than its stream', () => {
      sut.given([registered()]).when(update({ name: 'x' }, 'other-organization')).thenThrows(OrganizationErrors.ID_MISMATCH);
    });

    it('the state carries the updated fields', () => {
      const state = fold(organizationDecider, [
        registered(),
        { type: 'OrganizationDetailsUpdated', data: { organizationId, website: null, at: later } },
      ]);
      expect(state).toEqual({ status: 'registered', organizationId, ...rauma, website: null, registeredAt: at, contacts: {}, offers: {} });
    });
  });
});
