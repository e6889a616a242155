export class GetChainQuery {
  constructor(readonly chainId: string) {}
}
