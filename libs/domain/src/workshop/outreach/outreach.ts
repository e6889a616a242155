import { LIST } from '../../shared/rules';

/**
 * How past participants were told about a workshop. Kuhina does not send anything: the back office sends with its own
 * tools (a mailing tool, the phone, a newsletter) and records here who was told, how and on which day.
 */
export const OUTREACH_CHANNELS = ['e-mail', 'newsletter', 'text-message', 'phone', 'in-person', 'social-media', 'other'] as const;
export type OutreachChannel = (typeof OUTREACH_CHANNELS)[number];

/** People in one outreach at most (the shared list rule, which the HTTP layer checks too). */
export const MAX_OUTREACH_PEOPLE = LIST.OUTREACH_PEOPLE.maxItems;

/** What the workshop's state keeps of an outreach: its fingerprint, to tell a retry from a reused id. */
export interface OutreachEntry {
  key: string;
}
