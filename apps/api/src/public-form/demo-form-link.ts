import type { INestApplicationContext } from '@nestjs/common';
import { DEMO_NEXT_WEBINAR_ID } from '@kuhina/application';
import { workshopStream } from '@kuhina/domain';
import { EVENT_STORE, type EventStore } from '@kuhina/event-store';
import { FormTokens } from './form-tokens';

/**
 * The path of the demo's next webinar's form, for the start-up banner: from the log (the views may still be catching
 * up), the latest link not revoked; null when there is no such workshop or link (no demo, or the link was revoked).
 */
export async function demoFormPath(app: INestApplicationContext): Promise<string | null> {
  const events = await app.get<symbol, EventStore>(EVENT_STORE).readStream(workshopStream(DEMO_NEXT_WEBINAR_ID), { maxCount: 1000 });
  const revoked = new Set(events.filter((e) => e.type === 'RegistrationLinkRevoked').map((e) => (e.data as { linkId: string }).linkId));
  const link = events.filter((e) => e.type === 'RegistrationLinkCreated' && !revoked.has((e.data as { linkId: string }).linkId)).at(-1);
  return link ? `/r/${app.get(FormTokens).formLink(DEMO_NEXT_WEBINAR_ID, (link.data as { linkId: string }).linkId)}` : null;
}
