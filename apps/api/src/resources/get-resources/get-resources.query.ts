import type { ResourceFilter } from './resource-map';

export const RESOURCE_FORMATS = ['json', 'csv'] as const;
export type ResourceFormat = (typeof RESOURCE_FORMATS)[number];

export class GetResourcesQuery {
  constructor(
    readonly filter: ResourceFilter,
    readonly format: ResourceFormat,
  ) {}
}
