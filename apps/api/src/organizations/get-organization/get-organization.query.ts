export class GetOrganizationQuery {
  /** `withContacts`: the contact persons are for the back-office; other roles get how many there are. */
  constructor(
    readonly organizationId: string,
    readonly withContacts = true,
  ) {}
}
