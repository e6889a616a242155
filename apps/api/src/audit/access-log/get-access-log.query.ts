export class GetAccessLogQuery {
  constructor(readonly personId: string) {}
}
