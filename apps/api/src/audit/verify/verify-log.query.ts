/** Verify the whole log: every stream's hash chain and every seal. */
export class VerifyLogQuery {
  constructor(
    /** Who asked (the API key's name), for the progress lines in the server log. */
    readonly requestedBy: string,
  ) {}
}
