import { notFound, organizationDecider, OrganizationErrors, organizationStream } from '@kuhina/domain';
import type { CommandHandler } from '@kuhina/event-store';

/**
 * Refuses a reference to an organisation that was never registered (404 ORGANIZATION.NOT_FOUND).
 * Checked before the write, outside the referring aggregate: safe, because an organisation once
 * registered never disappears, so the answer cannot turn false between the check and the append.
 */
export async function requireOrganizations(handler: CommandHandler, organizationIds: readonly string[]): Promise<void> {
  for (const organizationId of new Set(organizationIds)) {
    const { state } = await handler.load(organizationDecider, organizationStream(organizationId));
    if (state.status === 'empty') throw notFound(OrganizationErrors.NOT_FOUND, `No organisation ${organizationId}`, { organizationId });
  }
}
