import type { DomainEvent } from '../shared/decider';

export type EmailClaimed = DomainEvent<'EmailClaimed', { blindIndex: string; personId: string; at: string }>;

export type EmailReleased = DomainEvent<'EmailReleased', { blindIndex: string; personId: string; at: string }>;

export type EmailClaimEvent = EmailClaimed | EmailReleased;

export const EMAIL_CLAIM_EVENT_TYPES = ['EmailClaimed', 'EmailReleased'] as const;

export type EmailClaimEventType = (typeof EMAIL_CLAIM_EVENT_TYPES)[number];

// Compile-time proof that the list names every event of the union and nothing else.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _allEmailClaimEventTypesListed: Same<EmailClaimEventType, EmailClaimEvent['type']> = true;
