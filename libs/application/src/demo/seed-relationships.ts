import { seededRandom, type ConsentSource } from '@kuhina/domain';
import type { DemoWorkshop } from './demo-2023.data';
import type { DemoDebrief, DemoRelationships } from './demo-2023.relationships.data';
import { day, demoId, planningMeetingDays, type DemoPerson, type SeedSession, type WorkshopOutcome } from './seed-session';

// The partners' profiles (contact persons, offers), the people's consents and the debriefs of the 2023 demo
// (demo-2023.relationships.data.ts), as steps that seed-demo.ts runs around each workshop, each fact on its business date.

export interface RelationshipSteps {
  /** Before the workshop is planned: its partner's contact person, the offers made at its planning, withdrawals dated before it. */
  beforeWorkshop: (w: DemoWorkshop) => Promise<void>;
  /**
   * Between its plan and its registration: the outreach, an e-mail to everyone who consented on an earlier workshop's
   * form to hear of the coming ones (less those who withdrew by then), sent the day registration opens.
   */
  beforeRegistration: (w: DemoWorkshop) => Promise<void>;
  /** After its run: the consents asked on its form, its debrief. */
  afterWorkshop: (w: DemoWorkshop, outcome: WorkshopOutcome) => Promise<void>;
  /** After the last workshop: withdrawals still due, the chain's debrief. */
  afterChain: () => Promise<void>;
}

export function relationshipSteps(s: SeedSession, r: DemoRelationships): RelationshipSteps {
  const { run, orgId, workshopId, ensurePerson, chainId, data } = s;
  const consents = r.consents;
  // Its own generator: drawing who consents must not shift the demo's other draws (names, ESF+ answers, attendance).
  const random = seededRandom(consents.seed);
  const shuffled = <T>(items: T[]): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  };
  // Every debrief, contact, offer and withdrawal must name a workshop of the demo: a typo would otherwise leave it out silently.
  const named = [
    ...r.debriefs.map((d) => d.of).filter((of) => of !== 'chain'),
    ...r.contacts.map((c) => c.workshop),
    ...r.offers.map((o) => o.offeredAt.workshop),
    ...consents.withdrawals.map((x) => x.from),
  ];
  for (const key of named) if (!data.workshops.some((w) => w.key === key)) throw new Error(`Demo data names an unknown workshop ${key}`);
  const coreTeam = new Set(s.coreTeam.map((m) => m.key));
  const asked = new Set<string>();
  const pendingWithdrawals: Array<{ person: DemoPerson; withdrawnOn: string; via: ConsentSource }> = [];
  /** Everyone who consented to hear of future workshops, in the order they did, and when any of them withdrew. */
  const consented: Array<{ person: DemoPerson; givenOn: string }> = [];
  const withdrawnOn = new Map<string, string>();

  const withdrawDueBefore = async (before: string) => {
    for (const due of pendingWithdrawals.filter((p) => p.withdrawnOn < before)) {
      pendingWithdrawals.splice(pendingWithdrawals.indexOf(due), 1);
      const personId = await ensurePerson(due.person, `${due.withdrawnOn}T09:00:00.000Z`);
      await run('person', `consent-withdraw:${due.person.key}:future-workshops`, {
        type: 'WithdrawConsent',
        at: `${due.withdrawnOn}T09:00:00.000Z`,
        // An e-mail saying "no more invitations" withdraws whatever wording was agreed to: no wording version.
        data: { personId, purpose: 'future-workshops', withdrawnOn: due.withdrawnOn, source: due.via, wordingVersion: null },
      });
    }
  };

  const debrief = async (d: DemoDebrief) => {
    const body = { whatWorked: d.whatWorked, whatToDevelop: d.whatToDevelop, lessons: d.lessons, authorRole: d.authorRole, heldOn: d.heldOn };
    const at = `${d.heldOn}T12:00:00.000Z`;
    if (d.of === 'chain') await run('chain', 'chain:debrief', { type: 'RecordChainDebrief', at, data: { chainId, ...body } });
    else await run('workshop', `${d.of}:debrief`, { type: 'RecordWorkshopDebrief', at, data: { workshopId: workshopId(d.of), ...body } });
  };

  return {
    async beforeWorkshop(w) {
      await withdrawDueBefore(w.startsAt);
      // The contact person the workshop was planned with: known before its planning started, so recorded then.
      const planningStarts = `${w.planning.startsOn}T05:00:00.000Z`;
      for (const contact of r.contacts.filter((c) => c.workshop === w.key)) {
        const person = s.recruit(contact.org);
        const personId = await ensurePerson(person, planningStarts);
        await run('organization', `contact:${contact.org}:${contact.workshop}`, {
          type: 'AddContactPerson',
          at: day(planningStarts, 5 / 1440),
          data: { organizationId: orgId(contact.org), personId, role: contact.role },
        });
      }
      // Offers, on the day of the planning meeting where the partner made them (an hour after it began).
      const meetings = planningMeetingDays(w);
      for (const offer of r.offers.filter((o) => o.offeredAt.workshop === w.key)) {
        const heldOn = meetings[offer.offeredAt.planningMeeting];
        if (!heldOn) throw new Error(`Demo offer ${offer.key} names planning meeting ${offer.offeredAt.planningMeeting} of ${w.key}, which has ${meetings.length}`);
        const { kind, description, online, capacity, valueCents, availableFrom, availableUntil } = offer;
        await run('organization', `offer:${offer.key}`, {
          type: 'RecordOffer',
          at: `${heldOn}T11:00:00.000Z`,
          data: {
            organizationId: orgId(offer.org),
            offerId: demoId(`offer:${offer.key}`),
            kind,
            description,
            online,
            ...(offer.municipality !== undefined ? { municipality: offer.municipality } : {}),
            ...(offer.region !== undefined ? { region: offer.region } : {}),
            capacity,
            valueCents,
            availableFrom,
            availableUntil,
          },
        });
      }
    },

    async beforeRegistration(w) {
      // The street event registers nobody: its invitation goes out a week before, as the others' when registration opens.
      const sentOn = (w.registrationOpensAt ?? day(w.startsAt, -7)).slice(0, 10);
      // Registration of one workshop may open before the one before it is held: only consents given by then count.
      const told = consented.filter(({ person, givenOn }) => givenOn <= sentOn && !((withdrawnOn.get(person.key) ?? '9999-12-31') <= sentOn)).map(({ person }) => person);
      if (told.length === 0) return;
      s.told.set(w.key, new Set(told.map((person) => person.key)));
      const at = `${sentOn}T06:00:00.000Z`;
      const personIds: string[] = [];
      for (const person of told) personIds.push(await ensurePerson(person, at));
      await run('workshop', `${w.key}:outreach`, {
        type: 'RecordOutreach',
        at,
        data: { workshopId: workshopId(w.key), outreachId: demoId(`outreach:${w.key}`), channel: 'e-mail', sentOn, personIds, note: `Invitation to "${w.title}" to the participants of earlier workshops who asked to hear of the coming ones` },
      });
    },

    async afterWorkshop(w, outcome) {
      // Asked on the workshop's form on the day, once: whoever attended for the first time (not the core team).
      const heldOn = w.startsAt.slice(0, 10);
      const at = w.endsAt;
      const firstTime = outcome.attended.filter((a) => !coreTeam.has(a.person.key) && !asked.has(a.person.key)).map((a) => a.person);
      for (const person of firstTime) asked.add(person.key);
      const declining = new Set(shuffled(firstTime).slice(0, consents.declined[w.key] ?? 0).map((p) => p.key));
      const agreed: DemoPerson[] = [];
      for (const person of firstTime) {
        if (declining.has(person.key)) continue;
        const personId = await ensurePerson(person, at);
        const purposes = random() < consents.namedInReportsShare ? (['future-workshops', 'named-in-reports'] as const) : (['future-workshops'] as const);
        for (const purpose of purposes) {
          await run('person', `consent:${person.key}:${purpose}`, {
            type: 'GiveConsent',
            at,
            data: { personId, purpose, givenOn: heldOn, source: consents.givenBy, wordingVersion: consents.wordingVersion },
          });
        }
        agreed.push(person);
        consented.push({ person, givenOn: heldOn });
      }
      for (const withdrawal of consents.withdrawals.filter((x) => x.from === w.key)) {
        const taken = new Set(pendingWithdrawals.map((p) => p.person.key));
        const person = shuffled(agreed.filter((p) => !taken.has(p.key)))[0];
        if (!person) throw new Error(`Nobody consented at ${w.key} to withdraw on ${withdrawal.withdrawnOn}`);
        pendingWithdrawals.push({ person, withdrawnOn: withdrawal.withdrawnOn, via: withdrawal.via });
        withdrawnOn.set(person.key, withdrawal.withdrawnOn);
      }
      for (const d of r.debriefs.filter((x) => x.of === w.key)) await debrief(d);
    },

    async afterChain() {
      await withdrawDueBefore('9999-12-31');
      for (const d of r.debriefs.filter((x) => x.of === 'chain')) await debrief(d);
    },
  };
}
