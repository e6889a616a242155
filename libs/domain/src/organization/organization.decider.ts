import { assertNever, type Decider } from '../shared/decider';
import { conflict, invalid, notFound } from '../shared/domain-error';
import { isValidFinnishBusinessId } from './business-id';
import type { OrganizationCommand, RegisterOrganization, UpdateOrganizationDetails } from './organization.commands';
import { OrganizationErrors } from './organization.errors';
import {
  ORGANIZATION_DETAIL_FIELDS,
  ORGANIZATION_SECTORS,
  type OrganizationDetails,
  type OrganizationEvent,
} from './organization.events';
import type { OrganizationState, RegisteredOrganization } from './organization.state';

const isBlank = (value: unknown): boolean => typeof value !== 'string' || value.trim() === '';

const requireText = (value: unknown, field: string): void => {
  if (isBlank(value)) throw invalid(OrganizationErrors.BLANK_FIELD, `${field} is required`, { field });
};

/** Optional text is null when unknown; an empty string would be a second spelling of "unknown". */
const requireOptionalText = (value: unknown, field: string): void => {
  if (value !== null && isBlank(value)) {
    throw invalid(OrganizationErrors.BLANK_FIELD, `${field} must be null or non-blank text`, { field });
  }
};

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** Checks every field a command brings: all of them when registering (`complete`), those present when updating. */
function validateDetails(details: Partial<OrganizationDetails>, complete: boolean): void {
  const given = (field: keyof OrganizationDetails): boolean => complete || details[field] !== undefined;
  if (given('name')) requireText(details.name, 'name');
  if (given('sector') && !(ORGANIZATION_SECTORS as readonly unknown[]).includes(details.sector)) {
    throw invalid(OrganizationErrors.SECTOR_INVALID, `sector must be one of ${ORGANIZATION_SECTORS.join(', ')}`, {
      sector: details.sector,
    });
  }
  if (given('municipality')) requireOptionalText(details.municipality, 'municipality');
  if (given('region')) requireOptionalText(details.region, 'region');
  if (given('businessId') && details.businessId !== null && !isValidFinnishBusinessId(details.businessId)) {
    throw invalid(OrganizationErrors.BUSINESS_ID_INVALID, 'businessId must be a Finnish business id 1234567-8 with a valid check digit', {
      businessId: details.businessId,
    });
  }
  if (given('website') && details.website !== null && (typeof details.website !== 'string' || !isHttpUrl(details.website))) {
    throw invalid(OrganizationErrors.WEBSITE_INVALID, 'website must be an absolute http(s) URL', { website: details.website });
  }
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
  requireText(organizationId, 'organizationId');
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
    default:
      return assertNever(command, 'organization command');
  }
}

function evolve(state: OrganizationState, event: OrganizationEvent): OrganizationState {
  switch (event.type) {
    case 'OrganizationRegistered':
      return { status: 'registered', organizationId: event.data.organizationId, ...detailsOf(event.data), registeredAt: event.data.at };
    case 'OrganizationDetailsUpdated': {
      // Events never reach an empty organisation in a sound stream; ignoring keeps evolve total.
      if (state.status === 'empty') return state;
      const changes: Record<string, unknown> = {};
      for (const field of ORGANIZATION_DETAIL_FIELDS) {
        if (event.data[field] !== undefined) changes[field] = event.data[field];
      }
      return { ...state, ...(changes as Partial<OrganizationDetails>) };
    }
    default:
      return assertNever(event, 'organization event');
  }
}

export const organizationDecider: Decider<OrganizationCommand, OrganizationEvent, OrganizationState> = {
  decide,
  evolve,
  initialState: { status: 'empty' },
};
