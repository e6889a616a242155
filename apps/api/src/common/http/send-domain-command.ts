import type { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { ExecuteDomainCommand, type AggregateName, type CommandOf, type RequestedCommand } from '@kuhina/application';
import type { CommandContext, CommandResult } from '@kuhina/event-store';
import { positionText, withEtag, type CommandResponse } from './command-response';

/**
 * What a write controller does with a domain command that has no use case of its own: send it to the generic use
 * case (reference checks, decide, append), put the stream's revision in the ETag, answer `{ id, position }`.
 * `at` undefined (no `occurredAt` in the request): the command's business-date rule dates it.
 */
export async function sendDomainCommand<A extends AggregateName>(
  bus: CommandBus,
  reply: FastifyReply,
  id: string,
  aggregate: A,
  command: CommandOf<A> | RequestedCommand<CommandOf<A>>,
  context: CommandContext,
): Promise<CommandResponse> {
  const result = await bus.execute<ExecuteDomainCommand<A>, CommandResult<unknown>>(new ExecuteDomainCommand(aggregate, command, context));
  withEtag(reply, result.revision);
  return { id, position: positionText(result.position) };
}
