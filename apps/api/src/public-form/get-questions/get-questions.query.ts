export class GetQuestionsQuery {
  constructor(readonly workshopId: string) {}
}
