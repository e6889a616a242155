import type { ChainWorkshop, OutreachFigures, RegistrationFact, WorkshopChainView } from '../workshop-chain.view';

export const noOutreach = (): OutreachFigures => ({ outreaches: 0, peopleReached: 0, registered: 0, attended: 0 });

const OUTREACH_KEYS = ['outreaches', 'peopleReached', 'registered', 'attended'] as const;

/** Adds (sign 1) or takes away (sign -1) one workshop's outreach figures (absent in documents from before outreach). */
export function addOutreach(sums: OutreachFigures, figures: OutreachFigures | undefined, sign: 1 | -1): void {
  if (figures === undefined) return;
  for (const key of OUTREACH_KEYS) sums[key] += sign * figures[key];
}

/** What one registration fact adds to the outreach figures: only a registration that followed an outreach counts. */
function countedOf(fact: RegistrationFact | undefined): OutreachFigures {
  const followed = fact !== undefined && (fact.outreachId ?? null) !== null;
  return { outreaches: 0, peopleReached: 0, registered: followed && fact.status !== 'cancelled' ? 1 : 0, attended: followed && fact.attended !== null ? 1 : 0 };
}

/** A registration fact set (`was`: the one it replaced): the workshop's and the totals' outreach figures move by the difference. */
export function outreachRegistrationChanged(view: WorkshopChainView, workshop: ChainWorkshop, was: RegistrationFact | undefined, now: RegistrationFact): void {
  const before = countedOf(was);
  const after = countedOf(now);
  if (before.registered === after.registered && before.attended === after.attended) return;
  for (const figures of [(workshop.outreach ??= noOutreach()), (view.totals.outreach ??= noOutreach())]) {
    figures.registered += after.registered - before.registered;
    figures.attended += after.attended - before.attended;
  }
}

/** An outreach recorded once (`firstContacts`: people no earlier outreach of the workshop told). */
export function outreachRecorded(view: WorkshopChainView, workshop: ChainWorkshop, firstContacts: number): void {
  for (const figures of [(workshop.outreach ??= noOutreach()), (view.totals.outreach ??= noOutreach())]) {
    figures.outreaches += 1;
    figures.peopleReached += firstContacts;
  }
}
