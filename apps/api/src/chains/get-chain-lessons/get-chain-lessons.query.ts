export class GetChainLessonsQuery {
  constructor(readonly chainId: string) {}
}
