/** `free`: never claimed, or released. `claimed`: `personId` owns the e-mail. */
export type EmailClaimState =
  | { status: 'free' }
  | { status: 'claimed'; blindIndex: string; personId: string; claimedAt: string };

/** The person who holds the e-mail, or null. */
export const emailOwner = (state: EmailClaimState): string | null => (state.status === 'claimed' ? state.personId : null);
