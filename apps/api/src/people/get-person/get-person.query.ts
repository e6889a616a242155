export class GetPersonQuery {
  constructor(readonly personId: string) {}
}
