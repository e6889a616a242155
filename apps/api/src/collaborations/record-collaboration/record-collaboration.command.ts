import type { CommandContext } from '@kuhina/event-store';

export interface CollaborationRecord {
  /** At least two distinct registered organisations. */
  organizationIds: string[];
  /** The workshop where the partners met, or null. */
  sparkedByWorkshopId: string | null;
  title: string;
  description: string;
  /** ISO date `YYYY-MM-DD`. */
  startedOn: string;
}

export class RecordCollaborationCommand {
  constructor(
    readonly collaborationId: string,
    readonly record: CollaborationRecord,
    readonly at: string,
    readonly context: CommandContext,
  ) {}
}
