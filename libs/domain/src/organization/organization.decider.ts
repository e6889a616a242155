import { assertNever, type Decider } from '../shared/decider';
import { conflict, invalid, notFound } from '../shared/domain-error';
import { fieldChecks } from '../shared/field-checks';
import type { OrganizationCommand, RegisterOrganization, UpdateOrganizationDetails } from './organization.commands';
import { addContactPerson, evolveContacts, removeContactPerson } from './organization.contacts';
import { OrganizationErrors } from './organization.errors';
import {
  ORGANIZATION_DETAIL_FIELDS,
  ORGANIZATION_SECTORS,
  type OrganizationDetails,
  type OrganizationEvent,
} from './organization.events';
import { evolveOffers, recordOffer, updateOffer, withdrawOffer } from './organization.offers';
import type { OrganizationState, RegisteredOrganization } from './organization.state';

const organizationField = fieldChecks(OrganizationErrors.BLANK_FIELD, {
  oneOf: OrganizationErrors.SECTOR_INVALID,
  businessId: OrganizationErrors.BUSINESS_ID_INVALID,
  webAddress: OrganizationErrors.WEBSITE_INVALID,
});

/** Checks every field a command brings: all of them when registering (`complete`), those present when updating. */
function validateDetails(details: Partial<OrganizationDetails>, complete: boolean): void {
  const given = (field: keyof OrganizationDetails): boolean => complete || details[field] !== undefined;
  if (given('name')) organizationField.text(details.name, 'name');
  if (given('sector')) organizationField.oneOf(details.sector, ORGANIZATION_SECTORS, 'sector');
  // Optional text is null when unknown: an empty string would be a second spelling of "unknown".
  if (given('municipality')) organizationField.nonBlankOrNull(details.municipality, 'municipality');
  if (given('region')) organizationField.nonBlankOrNull(details.region, 'region');
  if (given('businessId') && details.businessId !== null) organizationField.businessId(details.businessId, 'businessId');
  if (given('website') && details.website !== null) organizationField.webAddress(details.website, 'website');
}

const detailsOf = (source: OrganizationDetails): OrganizationDetails => ({
  name: source.name,
  sector: source.sector,
  municipality: source.municipality,
  region: source.region,
  businessId: source.businessId,
  website: source.website,
});

function existing(state: OrganizationState, organizationId: string): RegisteredOrganization {
  switch (state.status) {
    case 'empty':
      throw notFound(OrganizationErrors.NOT_FOUND, `Organization ${organizationId} does not exist`, { organizationId });
    case 'registered':
      if (state.organizationId !== organizationId) {
        throw invalid(OrganizationErrors.ID_MISMATCH, `Command for organization ${organizationId} sent to ${state.organizationId}`, {
          organizationId,
          streamOrganizationId: state.organizationId,
        });
      }
      return state;
    default:
      return assertNever(state, 'organization state');
  }
}

/** Only the fields of `proposed` that differ from `current` (undefined means "not given"). */
function changedDetails(current: OrganizationDetails, proposed: Partial<OrganizationDetails>): Partial<OrganizationDetails> {
  const changes: Record<string, unknown> = {};
  for (const field of ORGANIZATION_DETAIL_FIELDS) {
    if (proposed[field] !== undefined && proposed[field] !== current[field]) changes[field] = proposed[field];
  }
  return changes as Partial<OrganizationDetails>;
}

function register(command: RegisterOrganization, state: OrganizationState): OrganizationEvent[] {
  const { organizationId } = command.data;
  organizationField.text(organizationId, 'organizationId');
  const details = detailsOf(command.data);
  validateDetails(details, true);
  if (state.status !== 'empty') {
    if (state.organizationId === organizationId && Object.keys(changedDetails(state, details)).length === 0) return [];
    throw conflict(OrganizationErrors.ALREADY_EXISTS, `Organization ${state.organizationId} already exists`, {
      organizationId: state.organizationId,
    });
  }
  return [{ type: 'OrganizationRegistered', data: { organizationId, ...details, at: command.at } }];
}

function update(command: UpdateOrganizationDetails, state: OrganizationState): OrganizationEvent[] {
  const organization = existing(state, command.data.organizationId);
  const proposed: Partial<OrganizationDetails> = {};
  for (const field of ORGANIZATION_DETAIL_FIELDS) {
    if (command.data[field] !== undefined) Object.assign(proposed, { [field]: command.data[field] });
  }
  validateDetails(proposed, false);
  const changes = changedDetails(organization, proposed);
  if (Object.keys(changes).length === 0) return [];
  return [{ type: 'OrganizationDetailsUpdated', data: { organizationId: organization.organizationId, ...changes, at: command.at } }];
}

function decide(command: OrganizationCommand, state: OrganizationState): OrganizationEvent[] {
  switch (command.type) {
    case 'RegisterOrganization':
      return register(command, state);
    case 'UpdateOrganizationDetails':
      return update(command, state);
    case 'AddContactPerson':
      return addContactPerson(command, existing(state, command.data.organizationId));
    case 'RemoveContactPerson':
      return removeContactPerson(command, existing(state, command.data.organizationId));
    case 'RecordOffer':
      return recordOffer(command, existing(state, command.data.organizationId));
    case 'UpdateOffer':
      return updateOffer(command, existing(state, command.data.organizationId));
    case 'WithdrawOffer':
      return withdrawOffer(command, existing(state, command.data.organizationId));
    default:
      return assertNever(command, 'organization command');
  }
}

function evolve(state: OrganizationState, event: OrganizationEvent): OrganizationState {
  switch (event.type) {
    case 'OrganizationRegistered':
      return { status: 'registered', organizationId: event.data.organizationId, ...detailsOf(event.data), registeredAt: event.data.at, contacts: {}, offers: {} };
    case 'OrganizationDetailsUpdated': {
      // Events never reach an empty organisation in a sound stream; ignoring keeps evolve total.
      if (state.status === 'empty') return state;
      const changes: Record<string, unknown> = {};
      for (const field of ORGANIZATION_DETAIL_FIELDS) {
        if (event.data[field] !== undefined) changes[field] = event.data[field];
      }
      return { ...state, ...(changes as Partial<OrganizationDetails>) };
    }
    case 'ContactPersonAdded':
    case 'ContactPersonRemoved':
      return state.status === 'empty' ? state : evolveContacts(state, event);
    case 'OfferRecorded':
    case 'OfferUpdated':
    case 'OfferWithdrawn':
      return state.status === 'empty' ? state : evolveOffers(state, event);
    default:
      return assertNever(event, 'organization event');
  }
}

export const organizationDecider: Decider<OrganizationCommand, OrganizationEvent, OrganizationState> = {
  decide,
  evolve,
  initialState: { status: 'empty' },
};
