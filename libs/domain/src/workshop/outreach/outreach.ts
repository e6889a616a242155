/**
 * How past participants were told about a workshop. Kuhina does not send anything: the back office sends with its own
 * tools (a mailing tool, the phone, a newsletter) and records here who was told, how and on which day.
 */
export const OUTREACH_CHANNELS = ['e-mail', 'newsletter', 'text-message', 'phone', 'in-person', 'social-media', 'other'] as const;
export type OutreachChannel = (typeof OUTREACH_CHANNELS)[number];

/**
 * People in one outreach record at most: a chain's past participants are hundreds; 2,000 keeps the event well under
 * any store's append limit (KurrentDB's 1 MiB) with invitations to an invitation-only workshop beside it.
 */
export const MAX_OUTREACH_PEOPLE = 2000;

/** What the workshop's state keeps of an outreach: its fingerprint, to tell a retry from a reused id. */
export interface OutreachEntry {
  key: string;
}
