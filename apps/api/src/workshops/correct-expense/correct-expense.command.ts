import type { CorrectExpense } from '@kuhina/domain';
import type { CommandContext } from '@kuhina/event-store';

export type ExpenseCorrection = Omit<CorrectExpense['data'], 'workshopId' | 'expenseId'>;

export class CorrectExpenseCommand {
  constructor(
    readonly workshopId: string,
    readonly expenseId: string,
    readonly correction: ExpenseCorrection,
    readonly at: string,
    readonly context: CommandContext,
  ) {}
}
