import { conflict, notFound, OrganizationErrors, organizationDecider, organizationStream, PersonErrors, personDecider, personStream } from '@kuhina/domain';
import type { CommandContext, CommandHandler } from '@kuhina/event-store';

// A workshop stream names people and organisations by id only; the workshop aggregate cannot see other
// streams, so the use case checks that what it names exists. A typo'd id would otherwise become a ghost
// participant or co-organiser in the ESF figures for good (the log is append-only).

/** 404 PERSON.NOT_FOUND for an unknown person; 409 PERSON.ERASED once their personal data was erased. */
export async function requirePerson(handler: CommandHandler, personId: string): Promise<void> {
  const { state } = await handler.loadFresh(personDecider, personStream(personId));
  if (state.status === 'empty') throw notFound(PersonErrors.NOT_FOUND, `No person ${personId}`, { personId });
  if (state.status === 'erased') throw conflict(PersonErrors.ERASED, `The personal data of ${personId} was erased; the person cannot take part any more`, { personId });
}

/** 404 ORGANIZATION.NOT_FOUND naming the first unknown organisation. */
export async function requireOrganizations(handler: CommandHandler, organizationIds: readonly (string | null)[]): Promise<void> {
  for (const organizationId of new Set(organizationIds)) {
    if (organizationId === null) continue;
    const { state } = await handler.loadFresh(organizationDecider, organizationStream(organizationId));
    if (state.status === 'empty') throw notFound(OrganizationErrors.NOT_FOUND, `No organisation ${organizationId}`, { organizationId });
  }
}

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
