import type { RecordExpense } from '@kuhina/domain';
import type { CommandContext } from '@kuhina/event-store';

export type ExpenseDetails = Omit<RecordExpense['data'], 'workshopId' | 'expenseId'>;

export class RecordExpenseCommand {
  constructor(
    readonly workshopId: string,
    readonly expenseId: string,
    readonly expense: ExpenseDetails,
    readonly at: string,
    readonly context: CommandContext,
  ) {}
}
