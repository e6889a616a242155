export class GetWorkshopQuery {
  constructor(readonly workshopId: string) {}
}
