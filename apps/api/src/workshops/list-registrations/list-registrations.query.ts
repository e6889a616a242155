export class ListRegistrationsQuery {
  constructor(readonly workshopId: string) {}
}
