import { notFound } from '../shared/domain-error';
import { fieldChecks } from '../shared/field-checks';
import type { AddContactPerson, RemoveContactPerson } from './organization.commands';
import { OrganizationErrors as E } from './organization.errors';
import type { ContactPersonAdded, ContactPersonRemoved, OrganizationEvent } from './organization.events';
import type { RegisteredOrganization } from './organization.state';

// Contact persons are references to people: their names and addresses stay in the person's stream, sealed and
// erasable; the organisation keeps only who (person id) and in which role.

const contactField = fieldChecks(E.CONTACT_INVALID_FIELD);

const roleOf = (organization: RegisteredOrganization, personId: string): string | undefined =>
  Object.hasOwn(organization.contacts, personId) ? organization.contacts[personId] : undefined;

export function addContactPerson({ data, at }: AddContactPerson, organization: RegisteredOrganization): OrganizationEvent[] {
  const personId = contactField.text(data.personId, 'personId');
  const role = contactField.text(data.role, 'role');
  // The same person in the same role again changes nothing; in another role, the role changes.
  if (roleOf(organization, personId) === role) return [];
  const event: ContactPersonAdded = { type: 'ContactPersonAdded', data: { organizationId: organization.organizationId, personId, role, at } };
  return [event];
}

export function removeContactPerson({ data, at }: RemoveContactPerson, organization: RegisteredOrganization): OrganizationEvent[] {
  const personId = contactField.text(data.personId, 'personId');
  if (roleOf(organization, personId) === undefined) {
    throw notFound(E.CONTACT_NOT_FOUND, `Person ${personId} is not a contact person of organization ${organization.organizationId}`, { personId });
  }
  const event: ContactPersonRemoved = { type: 'ContactPersonRemoved', data: { organizationId: organization.organizationId, personId, at } };
  return [event];
}

export function evolveContacts(organization: RegisteredOrganization, event: ContactPersonAdded | ContactPersonRemoved): RegisteredOrganization {
  const contacts = { ...organization.contacts };
  if (event.type === 'ContactPersonAdded') contacts[event.data.personId] = event.data.role;
  else delete contacts[event.data.personId];
  return { ...organization, contacts };
}
