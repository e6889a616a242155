export class GetCollaborationQuery {
  constructor(readonly collaborationId: string) {}
}
