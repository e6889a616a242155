import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ORGANIZATION_PROFILE_COLLECTION, WORKSHOP_DETAIL_COLLECTION, type OrganizationProfileView, type WorkshopDetailView } from '@kuhina/read-model';
import { ViewReader } from '../../common/views/view-reader';
import { GetResourcesQuery } from './get-resources.query';
import { buildResourceMap, type ResourceEntry, type ResourceFilter, type ResourceWorkshop } from './resource-map';
import { resourceMapCsv } from './resource-map.csv';

export interface ResourceMapAnswer {
  filter: ResourceFilter;
  items: ResourceEntry[];
}

const PAGE = 1000;

/** The resource map from the profiles view, each pledge joined with its workshop as the workshops view has it now. */
@QueryHandler(GetResourcesQuery)
export class GetResourcesHandler implements IQueryHandler<GetResourcesQuery, ResourceMapAnswer | string> {
  constructor(private readonly views: ViewReader) {}

  async execute({ filter, format }: GetResourcesQuery): Promise<ResourceMapAnswer | string> {
    // Partners number in the hundreds at most: the whole map is read and filtered here.
    const profiles: OrganizationProfileView[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.views.page<OrganizationProfileView>(ORGANIZATION_PROFILE_COLLECTION, { limit: PAGE, cursor });
      for (const item of page.items) profiles.push(item.doc);
      cursor = page.next ?? undefined;
    } while (cursor !== undefined);
    const workshops = new Map<string, ResourceWorkshop>();
    const ids = new Set(profiles.flatMap((profile) => Object.values(profile.pledges).map((pledge) => pledge.workshopId)));
    await Promise.all(
      [...ids].map(async (workshopId) => {
        const workshop = await this.views.maybe<WorkshopDetailView>(WORKSHOP_DETAIL_COLLECTION, workshopId);
        if (!workshop) return;
        const { title, startsAt, location, format } = workshop;
        workshops.set(workshopId, { workshopId, title, startsAt, municipality: location?.municipality ?? null, region: location?.region ?? null, format });
      }),
    );
    const items = buildResourceMap(profiles, workshops, filter);
    return format === 'csv' ? resourceMapCsv(items) : { filter, items };
  }
}
