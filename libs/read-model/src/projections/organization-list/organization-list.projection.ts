import { ORGANIZATION_DETAIL_FIELDS, type OrganizationEvent } from '@kuhina/domain';
import type { RecordedEvent } from '@kuhina/event-store';
import { alreadyApplied, mutatorProjection, eventPositionText } from '../../projection';
import { ORGANIZATION_LIST_COLLECTION, type OrganizationListView } from './organization-list.view';

const EVENT_TYPES: readonly string[] = ['OrganizationRegistered', 'OrganizationDetailsUpdated'];

const asOrganizationEvent = (event: RecordedEvent): OrganizationEvent => ({ type: event.type, data: event.data }) as OrganizationEvent;

/** GET /organizations: listed by name (case-insensitive), filterable by sector; GET /organizations/:id (with the revision). */
export const organizationListProjection = mutatorProjection<OrganizationListView>({
  name: 'organization-list',
  version: 2,
  collection: ORGANIZATION_LIST_COLLECTION,
  eventTypes: EVENT_TYPES,

  keysOf(event) {
    if (!EVENT_TYPES.includes(event.type)) return [];
    return [asOrganizationEvent(event).data.organizationId];
  },

  apply(view, event, key) {
    if (alreadyApplied(view, event)) return view;
    const organization = asOrganizationEvent(event);
    const lastPosition = eventPositionText(event);
    switch (organization.type) {
      case 'OrganizationRegistered': {
        const { data } = organization;
        return {
          organizationId: key,
          name: data.name,
          sector: data.sector,
          municipality: data.municipality,
          region: data.region,
          businessId: data.businessId,
          website: data.website,
          registeredAt: data.at,
          revision: event.revision,
          lastPosition,
        };
      }
      case 'OrganizationDetailsUpdated': {
        // An update never precedes the registration in its stream; without one there is nothing to list.
        if (!view) return undefined;
        view.lastPosition = lastPosition;
        view.revision = event.revision;
        for (const field of ORGANIZATION_DETAIL_FIELDS) {
          const value = organization.data[field];
          // Absent = unchanged; null = cleared (the event carries only what changed).
          if (value !== undefined) Object.assign(view, { [field]: value });
        }
        return view;
      }
      default:
        return view;
    }
  },

  indexesOf(view) {
    return { indexes: { sector: view.sector }, sortKey: view.name.toLocaleLowerCase('fi') };
  },
});
