import { deriveCommandId, type CommandContext } from '@kuhina/event-store';

/**
 * Ids are UUIDs; the client may supply one, else the server makes one — derived from the command id,
 * so a retried request (same Idempotency-Key) names the same resource.
 */
export const resourceId = (supplied: string | undefined, context: CommandContext, what: string): string => supplied ?? deriveCommandId(context.commandId, what);
