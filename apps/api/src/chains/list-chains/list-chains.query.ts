export class ListChainsQuery {
  constructor(
    readonly limit: number,
    readonly cursor: string | undefined,
  ) {}
}
