import { Optional } from '@nestjs/common';
import { CommandHandler as CqrsHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ChainErrors, chainDecider, chainStream, conflict, notFound, type ChainState, type WorkshopState } from '@kuhina/domain';
import { CommandHandler, deriveCommandId, type CommandResult } from '@kuhina/event-store';
import { BusinessTimePolicy } from '../business-time/business-time';
import { DomainCommandExecutor } from '../execute-domain-command/domain-command-executor';
import { stepContext } from '../use-case-steps';
import { PlanWorkshopCommand } from './plan-workshop.command';

export interface PlanWorkshopResult {
  workshop: CommandResult<WorkshopState>;
  /** The AddWorkshopToChain step; null when the plan names no chain. */
  chain: CommandResult<ChainState> | null;
}

/** Plans a workshop and, when the plan names a chain, adds it to the chain: one request, two streams. */
@CqrsHandler(PlanWorkshopCommand)
export class PlanWorkshopHandler implements ICommandHandler<PlanWorkshopCommand, PlanWorkshopResult> {
  private readonly commands: DomainCommandExecutor;

  constructor(
    private readonly handler: CommandHandler,
    @Optional() policy?: BusinessTimePolicy,
  ) {
    this.commands = new DomainCommandExecutor(handler, policy);
  }

  async execute({ workshopId, plan, at, context }: PlanWorkshopCommand): Promise<PlanWorkshopResult> {
    // Checked before anything is written: a workshop planned but left out of its chain would be half a request.
    if (plan.chainId !== null) await this.requireChainAccepting(plan.chainId, workshopId);

    const workshop = await this.commands.execute('workshop', { type: 'PlanWorkshop', data: { workshopId, ...plan }, at }, context);
    if (plan.chainId === null) return { workshop, chain: null };
    // A derived command id makes a retry of the whole request idempotent on the chain stream too. The workshop joins
    // the chain when it was planned: the plan's business time, inferred or given.
    const chain = await this.commands.execute(
      'chain',
      { type: 'AddWorkshopToChain', data: { chainId: plan.chainId, workshopId }, at: workshop.occurredAt },
      stepContext(context, deriveCommandId(context.commandId, 'add-to-chain')),
    );
    return { workshop, chain };
  }

  private async requireChainAccepting(chainId: string, workshopId: string): Promise<void> {
    const { state } = await this.handler.loadFresh(chainDecider, chainStream(chainId));
    if (state.status === 'empty') throw notFound(ChainErrors.NOT_FOUND, `Chain ${chainId} does not exist`, { chainId });
    if (state.status === 'closed' && !state.workshopIds.includes(workshopId)) throw conflict(ChainErrors.CLOSED, `Chain ${chainId} is closed`, { chainId });
  }
}
