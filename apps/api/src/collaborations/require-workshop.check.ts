import { notFound, workshopDecider, WorkshopErrors, workshopStream } from '@kuhina/domain';
import type { CommandHandler } from '@kuhina/event-store';

/** Refuses a reference to a workshop that was never planned (404 WORKSHOP.NOT_FOUND); workshops never disappear, so the check stays true. */
export async function requireWorkshop(handler: CommandHandler, workshopId: string): Promise<void> {
  const { state } = await handler.load(workshopDecider, workshopStream(workshopId));
  if (state.status === 'empty') throw notFound(WorkshopErrors.NOT_FOUND, `No workshop ${workshopId}`, { workshopId });
}
