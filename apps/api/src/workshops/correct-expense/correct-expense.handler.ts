import { CommandHandler as CqrsHandler, type ICommandHandler } from '@nestjs/cqrs';
import { workshopDecider, workshopStream } from '@kuhina/domain';
import { CommandHandler, type CommandResult } from '@kuhina/event-store';
import { CorrectExpenseCommand } from './correct-expense.command';

@CqrsHandler(CorrectExpenseCommand)
export class CorrectExpenseHandler implements ICommandHandler<CorrectExpenseCommand, CommandResult<unknown>> {
  constructor(private readonly handler: CommandHandler) {}

  execute({ workshopId, expenseId, correction, at, context }: CorrectExpenseCommand): Promise<CommandResult<unknown>> {
    return this.handler.handle(workshopDecider, workshopStream(workshopId), { type: 'CorrectExpense', data: { workshopId, expenseId, ...correction }, at }, context);
  }
}
