export class ListOrganizationsQuery {
  constructor(
    readonly limit: number,
    readonly cursor: string | undefined,
    readonly sector: string | undefined,
  ) {}
}
