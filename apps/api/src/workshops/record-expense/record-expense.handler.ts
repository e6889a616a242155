import { CommandHandler as CqrsHandler, type ICommandHandler } from '@nestjs/cqrs';
import { workshopDecider, workshopStream } from '@kuhina/domain';
import { CommandHandler, type CommandResult } from '@kuhina/event-store';
import { RecordExpenseCommand } from './record-expense.command';

@CqrsHandler(RecordExpenseCommand)
export class RecordExpenseHandler implements ICommandHandler<RecordExpenseCommand, CommandResult<unknown>> {
  constructor(private readonly handler: CommandHandler) {}

  execute({ workshopId, expenseId, expense, at, context }: RecordExpenseCommand): Promise<CommandResult<unknown>> {
    return this.handler.handle(workshopDecider, workshopStream(workshopId), { type: 'RecordExpense', data: { workshopId, expenseId, ...expense }, at }, context);
  }
}
