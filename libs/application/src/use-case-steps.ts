import type { CommandContext } from '@kuhina/event-store';

/**
 * The context of a step that writes to another stream than the request's resource: its own command id
 * (derived, so a retry repeats it exactly), caused by the request, and without `If-Match`, which is about
 * the resource's stream only.
 */
export function stepContext(context: CommandContext, commandId: string): CommandContext {
  const { expectedRevision: _ifMatch, ...rest } = context;
  return { ...rest, commandId, causationId: context.causationId ?? context.commandId };
}

/** The later of two log positions (null: nothing written or read). */
export const laterPosition = (a: bigint | null, b: bigint | null): bigint | null => (a === null ? b : b === null || a >= b ? a : b);
