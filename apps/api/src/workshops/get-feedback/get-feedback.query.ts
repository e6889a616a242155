export class GetFeedbackQuery {
  constructor(readonly workshopId: string) {}
}
