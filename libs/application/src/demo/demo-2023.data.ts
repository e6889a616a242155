/**
 * The real 2023 chain of five development workshops, as its public description tells it: `source/2023-workshop-chain.fi.txt`
 * (Finnish; a copy of the page, so that the tests can check every quote below against it).
 *
 * The rule: every fact carries its provenance (`Provenance`).
 * - `source: 'document'`: the document states it; `basis` quotes the document verbatim (the int-spec checks it).
 *   What such a fact needs and the document does not give (a value, a date, a count) is listed in `invented`, with why.
 * - `source: 'invented'`: made up for the demo; `basis` says why (what the document leaves out).
 * Always invented: every person (fictitious names, e-mails on the reserved example.org domain; the document's
 * author is not one of them), every amount (the document gives only the range per workshop), every date and time
 * (it gives only April–October 2023), every count of people, organisations the document does not name (their names
 * say "(fictitious …)"), the recipients of the citizen summary, feedback ratings, the follow-up collaborations, the
 * back-office users who recorded the facts, and all of the staff costs: pay, hourly rates, hours, the flat rate.
 * Money is in integer cents. A workshop's expenses exclude salaries, as in the document: cheapest 0 €, dearest
 * 2,600 €, catering and travel the largest items, speakers unpaid; the core team's hours are costed apart.
 */

export type Source = 'document' | 'invented';

export interface Provenance {
  source: Source;
  /** document: a verbatim quote of the document; invented: why the demo had to invent it. */
  basis: string;
  /** Details of a document fact that the document does not give, invented for the demo: aspect → why. */
  invented?: Record<string, string>;
}

const doc = (quote: string, invented?: Record<string, string>): Provenance => ({ source: 'document', basis: quote, ...(invented ? { invented } : {}) });
const made = (why: string): Provenance => ({ source: 'invented', basis: why });

// Reasons that recur.
const NO_AMOUNTS = 'The document gives only the range per workshop (0 € … 2,600 €, salaries excluded; catering and travel the largest items), no single amount';
const NO_VALUES = 'The document gives no values of in-kind contributions';
const NO_DATES = 'The document gives no dates, only "huhti-lokakuussa 2023" (April–October 2023)';
const NO_COUNTS = 'The document gives no numbers of participants nor their organisations';
const NO_CAPACITY = 'The document gives no capacity';
const FEW_PARTNER_STAFF = 'Ns. ulkopuolisia järjestäjiä, eli yhteistyötahojen edustajia pajojen järjestämiseen osallistui muutamia henkilöitä/työpaja';
const UNPAID = 'Puhujille ei maksettu palkkioita';
const FICTITIOUS_ORG = 'The document names no such organisation: added (and named "(fictitious …)") so that the network has realistic breadth';

export type Sector = 'public-administration' | 'sme' | 'social-enterprise' | 'ngo' | 'higher-education' | 'research' | 'global-network' | 'other';

export interface DemoOrganization extends Provenance {
  key: string;
  name: string;
  sector: Sector;
  municipality: string | null;
  region: string | null;
}

export interface DemoChain extends Provenance {
  key: string;
  name: string;
  description: string;
  fundingProgramme: string;
  esfOperationId: string;
  periodStart: string;
  periodEnd: string;
  /** When the chain was started in the back office: the core team's kick-off. */
  startedOn: string;
  lastPaymentOn: string;
  /** Key of the hub's own organisation: it runs the chain and is never counted as one the chain reached. */
  hubOrganization: string;
}

export const DEMO_CHAIN: DemoChain = {
  key: 'chain-2023',
  name: 'Sosiaalisten innovaatioiden osaamiskeskuksen valmistelu: koulutukselliset kehittämistyöpajat',
  description:
    'Five developmental workshops, April–October 2023, run with partner organisations while preparing the national competence centre for social innovation. Each workshop had its own template and target group; together they formed one chain that grew a network.',
  fundingProgramme: 'European Social Fund Plus (ESF+) 2021–2027',
  esfOperationId: 'DEMO-ESF-2023-001',
  periodStart: '2023-01-01',
  periodEnd: '2023-12-31',
  startedOn: '2023-04-03',
  lastPaymentOn: '2023-12-19',
  hubOrganization: 'hub',
  ...doc('Sosiaalisten innovaatioiden osaamiskeskuksen valmistelu: koulutukselliset kehittämistyöpajat', {
    fundingProgramme: 'The document says "Euroopan Sosiaalirahasto (ESR)"; the 2021–2027 ESF+ programme is assumed from the year',
    esfOperationId: 'The document gives no project code',
    period: 'The document gives no project period; the calendar year 2023 is assumed',
    startedOn: `${NO_DATES}: the day of the first core-team meeting`,
    lastPaymentOn: 'The document says nothing of payments; the date starts the demo retention clock',
  }),
};

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  // The hub: the preparation project itself (its legal host is not named in the document, nor where it sits).
  { key: 'hub', name: 'Sosiaalisten innovaatioiden osaamiskeskus (valmisteluhanke)', sector: 'public-administration', municipality: 'Helsinki', region: 'Uusimaa', ...doc('Sosiaalisten innovaatioiden osaamiskeskuksen valmistelu', { sector: 'The document names no host organisation nor its place', municipality: 'As sector' }) },
  { key: 'rauma', name: 'Rauman kaupunki', sector: 'public-administration', municipality: 'Rauma', region: 'Satakunta', ...doc('Järjestetty yhteistyössä Rauman kaupungin ja Valo-Valmennusyhdistyksen kanssa.') },
  { key: 'valo', name: 'Valo-Valmennusyhdistys ry', sector: 'ngo', municipality: 'Rauma', region: 'Satakunta', ...doc('Järjestetty yhteistyössä Rauman kaupungin ja Valo-Valmennusyhdistyksen kanssa.') },
  { key: 'msl', name: 'Maaseudun sivistysliitto (MSL)', sector: 'ngo', municipality: 'Helsinki', region: 'Uusimaa', ...doc('järjestetty yhteistyössä Maaseudun sivistysliiton (MSL) kanssa') },
  { key: 'pori', name: 'Porin kaupunki', sector: 'public-administration', municipality: 'Pori', region: 'Satakunta', ...doc('Porin kaupunki puolestaan tarjosi telttapaikan kävelykadulta maksutta käyttöömme') },
  { key: 'ohjaamo', name: 'Porin Ohjaamo', sector: 'public-administration', municipality: 'Pori', region: 'Satakunta', ...doc('Yhteistyö Porin Ohjaamon kanssa mahdollisti tilojen käytön tavaran säilytykseen') },
  { key: 'roastery', name: 'Kävelykadun Paahtimo Oy (fictitious local roastery)', sector: 'sme', municipality: 'Pori', region: 'Satakunta', ...made('The document mentions a local roastery ("paikalliselta paahtimolta") but not its name: the name is fictitious') },
  { key: 'lapinamk', name: 'Lapin ammattikorkeakoulu', sector: 'higher-education', municipality: 'Kemi', region: 'Lappi', ...doc('Järjestetty hybridinä yhteistyössä Lapin ammattikorkeakoulun kanssa.') },
  // The document spells it "Social Enterprises World Forum"; the forum's own name is used.
  { key: 'sewf', name: 'Social Enterprise World Forum (SEWF23)', sector: 'global-network', municipality: null, region: null, ...doc('yhteistyössä Social Enterprises World Forumin (SEWF23) kanssa') },
  { key: 'rauma-ngo-1', name: 'Rauman Seudun Omaishoitajat ry (fictitious)', sector: 'ngo', municipality: 'Rauma', region: 'Satakunta', ...made(FICTITIOUS_ORG) },
  { key: 'rauma-ngo-2', name: 'Vanhan Rauman Nuorisoseura ry (fictitious)', sector: 'ngo', municipality: 'Rauma', region: 'Satakunta', ...made(FICTITIOUS_ORG) },
  { key: 'satakunta-wellbeing', name: 'Satakunnan hyvinvointialue, sosiaalipalvelut (fictitious unit)', sector: 'public-administration', municipality: 'Pori', region: 'Satakunta', ...made(FICTITIOUS_ORG) },
  { key: 'pori-ngo', name: 'Porin Kansalaistoiminnan Keskus ry (fictitious)', sector: 'ngo', municipality: 'Pori', region: 'Satakunta', ...made(FICTITIOUS_ORG) },
  { key: 'samk', name: 'Satakunnan ammattikorkeakoulu, sosiaaliala (fictitious unit)', sector: 'higher-education', municipality: 'Pori', region: 'Satakunta', ...made(FICTITIOUS_ORG) },
  { key: 'lappi-se-1', name: 'Kemin Kierrätyskeskus Osk (fictitious)', sector: 'social-enterprise', municipality: 'Kemi', region: 'Lappi', ...made(FICTITIOUS_ORG) },
  { key: 'lappi-se-2', name: 'Tornionlaakson Työosuuskunta (fictitious)', sector: 'social-enterprise', municipality: 'Tornio', region: 'Lappi', ...made(FICTITIOUS_ORG) },
  { key: 'lappi-se-3', name: 'Rovaniemen Lähiruoka Oy (fictitious)', sector: 'social-enterprise', municipality: 'Rovaniemi', region: 'Lappi', ...made(FICTITIOUS_ORG) },
  { key: 'lappi-city', name: 'Kemin kaupunki, elinvoimapalvelut (fictitious unit)', sector: 'public-administration', municipality: 'Kemi', region: 'Lappi', ...made(FICTITIOUS_ORG) },
  { key: 'national-dev', name: 'Yhteisötalouden kehittäjäverkosto (fictitious)', sector: 'ngo', municipality: 'Helsinki', region: 'Uusimaa', ...made(FICTITIOUS_ORG) },
  { key: 'ulapland', name: 'Lapin yliopisto, yhteiskuntatieteet (fictitious unit)', sector: 'higher-education', municipality: 'Rovaniemi', region: 'Lappi', ...made(FICTITIOUS_ORG) },
  { key: 'hki-se-1', name: 'Työllistävä Kahvila Osk (fictitious)', sector: 'social-enterprise', municipality: 'Helsinki', region: 'Uusimaa', ...made(FICTITIOUS_ORG) },
  { key: 'hki-se-2', name: 'Vaikuttava Yritys Oy (fictitious)', sector: 'social-enterprise', municipality: 'Espoo', region: 'Uusimaa', ...made(FICTITIOUS_ORG) },
  { key: 'hki-ngo', name: 'Osallisuuden Areena ry (fictitious)', sector: 'ngo', municipality: 'Helsinki', region: 'Uusimaa', ...made(FICTITIOUS_ORG) },
  { key: 'ministry', name: 'Työ- ja elinkeinoministeriö, sosiaaliset innovaatiot (fictitious unit)', sector: 'public-administration', municipality: 'Helsinki', region: 'Uusimaa', ...made(FICTITIOUS_ORG) },
  { key: 'research', name: 'Sosiaalisen Vaikuttavuuden Tutkimuslaitos (fictitious)', sector: 'research', municipality: 'Tampere', region: 'Pirkanmaa', ...made(FICTITIOUS_ORG) },
  { key: 'tampere-uas', name: 'Tampereen ammattikorkeakoulu, sosiaaliset innovaatiot (fictitious unit)', sector: 'higher-education', municipality: 'Tampere', region: 'Pirkanmaa', ...made(FICTITIOUS_ORG) },
  { key: 'intl-se', name: 'Nordic Impact Ventures AB (fictitious)', sector: 'social-enterprise', municipality: null, region: null, ...made(FICTITIOUS_ORG) },
  { key: 'oulu-ngo', name: 'Pohjois-Suomen Järjestöfoorumi ry (fictitious)', sector: 'ngo', municipality: 'Oulu', region: 'Pohjois-Pohjanmaa', ...made(FICTITIOUS_ORG) },
  { key: 'turku-city', name: 'Turun kaupunki, osallisuuspalvelut (fictitious unit)', sector: 'public-administration', municipality: 'Turku', region: 'Varsinais-Suomi', ...made(FICTITIOUS_ORG) },
];

/** A fictitious person with a fixed name (the participants, hosts and speakers are drawn from the name pools below). */
export interface DemoNamedPerson extends Provenance {
  key: string;
  org: string;
  firstName: string;
  lastName: string;
}

/** The core team: the hub's two people, organisers at every workshop. */
export const DEMO_CORE_TEAM: { members: DemoNamedPerson[] } & Provenance = {
  ...doc('Ydintiimiin kuului 2 henkilöä', { members: 'The document names neither: both are fictitious' }),
  members: [
    { key: 'core-1', org: 'hub', firstName: 'Riikka', lastName: 'Lahtinen', ...made('Fictitious core-team member') },
    { key: 'core-2', org: 'hub', firstName: 'Sami', lastName: 'Rantanen', ...made('Fictitious core-team member') },
  ],
};

export interface DemoChainMeeting {
  heldOn: string;
  online: boolean;
  notes: string;
}

/** The core team's meetings, recorded on the chain (they served the chain as a whole, not one workshop). */
export const DEMO_CORE_TEAM_MEETINGS: { meetings: DemoChainMeeting[] } & Provenance = {
  ...doc('palavereja pidettiin runsaasti (n.30kpl) ydintiimin kesken, jotka muutaman kasvokkain järjestetyn palaverin lisäksi järjestettiin Teamsissa', {
    heldOn: `${NO_DATES}: weekly on Mondays (Tuesday after May Day) except in July, plus a debrief after each workshop`,
    online: 'Which few were face to face is invented: the kick-off, the first after the summer, the final debrief',
  }),
  meetings: [
    ...['2023-04-03', '2023-04-10', '2023-04-17', '2023-04-24', '2023-05-02', '2023-05-08', '2023-05-15', '2023-05-22', '2023-05-29', '2023-06-05', '2023-06-12', '2023-06-19', '2023-06-26'].map((heldOn, n) => ({
      heldOn,
      online: n !== 0,
      notes: n === 0 ? 'Kick-off of the workshop chain (face to face).' : 'Weekly core-team meeting (Teams).',
    })),
    ...['2023-08-07', '2023-08-14', '2023-08-21', '2023-08-28', '2023-09-04', '2023-09-11', '2023-09-18', '2023-09-25', '2023-10-02', '2023-10-09', '2023-10-16', '2023-10-23'].map((heldOn, n) => ({
      heldOn,
      online: n !== 0,
      notes: n === 0 ? 'First core-team meeting after the summer (face to face).' : 'Weekly core-team meeting (Teams).',
    })),
    // "Tärkeätä oli myös toteutuksen jälkeen vaihtaa ajatuksia kokemuksista järjestäjien kesken": a debrief after each workshop.
    { heldOn: '2023-04-28', online: true, notes: 'Debrief of the Rauma workshop and its feedback (Teams).' },
    { heldOn: '2023-06-16', online: true, notes: 'Debrief of the bench café at Suomi Areena (Teams).' },
    { heldOn: '2023-09-14', online: true, notes: 'Debrief of the Kemi hybrid workshop and its feedback (Teams).' },
    { heldOn: '2023-10-13', online: true, notes: 'Debrief of the SEWF23 satellite event and its feedback (Teams).' },
    { heldOn: '2023-10-30', online: false, notes: 'Final debrief of the whole chain (face to face).' },
  ].sort((a, b) => a.heldOn.localeCompare(b.heldOn)),
};

/**
 * The back office's users the demo's facts are recorded as: each event's `actor`, so that an auditor's trace ends at a
 * person, as it does for facts typed in with a named user's key (`kuhina keys add`).
 */
export const DEMO_USERS: { coordinator: string; finance: string } & Provenance = {
  ...made('The document names nobody who kept the records: both back-office users are fictitious handles'),
  /** Plans the workshops, registers the people, records what happened (meetings, pledges, attendance, feedback, reports). */
  coordinator: 'aino.backoffice',
  /** Keeps the books: expenses and their corrections, hourly rates, staff hours, the flat rate, the last payment. */
  finance: 'mikko.talous',
};

/** Annual working hours of a full-time employee for an hourly rate: Regulation (EU) 2021/1060, art. 55(2). */
export const ANNUAL_WORKING_HOURS = 1_720;

/** An hourly cost of a core-team member over a period, worked out from the pay as ESF+ allows (see `rateCentsOf`). */
export interface DemoHourlyRate extends Provenance {
  key: string;
  /** Key of a core-team member. */
  member: string;
  validFrom: string;
  validUntil: string | null;
  monthlySalaryCents: number;
  /** The employer's side costs (pension, health, unemployment and accident insurance), percent of the pay. */
  sideCostsPercent: number;
  /** Why the rate starts when it does, if not with the project. */
  change?: string;
}

/** Annual gross employment costs in cents: 12 monthly salaries and the holiday bonus (half a month), with the side costs. */
export const annualCostCentsOf = (rate: DemoHourlyRate): number => Math.round((rate.monthlySalaryCents * 12.5 * (100 + rate.sideCostsPercent)) / 100);
export const rateCentsOf = (rate: DemoHourlyRate): number => Math.round(annualCostCentsOf(rate) / ANNUAL_WORKING_HOURS);
const euros = (cents: number) => (cents / 100).toLocaleString('en-US', { maximumFractionDigits: 2 });
/** The rate's basis as the auditor reads it on the HourlyRateSet event: the arithmetic from the pay to the rate. */
export const rateBasisOf = (rate: DemoHourlyRate): string =>
  `${rate.change ? `${rate.change}: m` : 'M'}onthly salary ${euros(rate.monthlySalaryCents)} € × 12.5 (with the holiday bonus) + ${rate.sideCostsPercent} % employer's side costs = ${euros(annualCostCentsOf(rate))} € a year / ${euros(ANNUAL_WORKING_HOURS * 100)} h (Regulation (EU) 2021/1060, art. 55(2))`;

const NO_PAY = 'The document leaves salaries out ("palkkakuluja huomioimatta") and gives no pay: salary, side costs and so the rate are invented';

/** The core team's hourly costs; one of them has two periods (a raise in autumn), so the ledger shows a rate by period. */
export const DEMO_HOURLY_RATES: DemoHourlyRate[] = [
  { key: 'core-1-2023-spring', member: 'core-1', validFrom: '2023-01-01', validUntil: '2023-08-31', monthlySalaryCents: 380_000, sideCostsPercent: 21, ...made(NO_PAY) },
  { key: 'core-1-2023-autumn', member: 'core-1', validFrom: '2023-09-01', validUntil: null, monthlySalaryCents: 395_000, sideCostsPercent: 21, change: 'Pay rise from 1 September 2023', ...made(`${NO_PAY}; the raise too`) },
  { key: 'core-2-2023', member: 'core-2', validFrom: '2023-01-01', validUntil: null, monthlySalaryCents: 340_000, sideCostsPercent: 21, ...made(NO_PAY) },
];

/** Hours of core-team members on the chain as a whole, besides its meetings. */
export interface DemoChainHours extends Provenance {
  key: string;
  member: string;
  activity: 'planning' | 'running' | 'follow-up' | 'meeting';
  workedOn: string;
  minutes: number;
  note: string;
}

const CONSORTIUM_DAY = 'The document mentions the project consortium ("hankekonsortion jäsenten erityisosaamista") but no meeting of it: the partner day in Tampere is invented';

/** What belongs to the chain as a whole, not to one workshop: the core team's meeting hours, its own expenses, the flat rate. */
export const DEMO_CHAIN_COSTS: {
  /** Each member's time at each core-team meeting (DEMO_CORE_TEAM_MEETINGS), recorded on the chain as `meeting`. */
  meetingMinutes: { perMember: number } & Provenance;
  hours: DemoChainHours[];
  expenses: Array<DemoExpense & { incurredOn: string }>;
  /** `basisPoints` of `appliesTo` (4000 = 40 %), as DeclareFlatRate takes it. */
  flatRate: { basisPoints: number; appliesTo: 'direct-staff-costs'; reference: string } & Provenance;
} = {
  meetingMinutes: { perMember: 60, ...made('The document gives no length of the core-team meetings: an hour each, both members') },
  hours: DEMO_CORE_TEAM.members.map((m) => ({
    key: `consortium-day:${m.key}`,
    member: m.key,
    activity: 'meeting',
    workedOn: '2023-05-10',
    minutes: 450,
    note: "The project consortium's partner day in Tampere: the workshop chain presented (with the train journey)",
    ...made(CONSORTIUM_DAY),
  })),
  expenses: [
    {
      key: 'chain-webinar-licence',
      category: 'other',
      amountCents: 94_800,
      incurredOn: '2023-04-05',
      description: 'Webinar platform licence, one year: the webinar and the online part of the hybrid workshops',
      receiptReference: 'INV-2023-0405-WEB-01',
      correction: { amountCents: 55_300, reason: "Only April–October belongs to the workshop chain: 7/12 of the annual licence; the rest is charged to the hub's other work" },
      ...made(`${NO_AMOUNTS}; the licence, and that it was allocated to the chain afterwards, are invented (the webinar itself cost 0 €)`),
    },
    {
      key: 'chain-consortium-travel',
      category: 'travel',
      amountCents: 10_760,
      incurredOn: '2023-05-10',
      description: "Train tickets Helsinki–Tampere–Helsinki, core team, to the project consortium's partner day",
      receiptReference: 'VR-2023-05-140288',
      ...made(CONSORTIUM_DAY),
    },
  ],
  flatRate: {
    basisPoints: 4000,
    appliesTo: 'direct-staff-costs',
    reference: 'ESF+ flat rate for other costs, 40 % of direct staff costs (Regulation (EU) 2021/1060, art. 56)',
    ...made('The document does not say how the costs were claimed: the ESF+ flat rate of 40 % of direct staff costs is assumed'),
  },
};

export type Format = 'in-person' | 'hybrid' | 'webinar';
export type Kind = 'co-development' | 'information-event' | 'street-event';
export type PledgeKind = 'venue' | 'materials' | 'expertise' | 'catering' | 'storage' | 'equipment' | 'marketing' | 'other';
export type ExpenseCategory = 'catering' | 'travel' | 'venue' | 'materials' | 'marketing' | 'accommodation' | 'speaker-fees' | 'other';
export type Mode = 'on-site' | 'remote';

export interface DemoExpense extends Provenance {
  key: string;
  category: ExpenseCategory;
  amountCents: number;
  description: string;
  receiptReference: string;
  /** Bookkeeping story for auditors: recorded wrongly first, then corrected or voided (never edited). */
  correction?: { amountCents: number; reason: string };
  voided?: string;
}

export interface DemoPledge extends Provenance {
  key: string;
  org: string;
  kind: PledgeKind;
  description: string;
  inKindValueCents: number;
  valuationBasis: string;
  /** Withdrawn before the workshop (the reason), else fulfilled when it is held. */
  withdrawn?: string;
}

/** People of a partner organisation who ran the workshop: hosts (partner staff) or speakers (unpaid). */
export interface DemoStaff extends Provenance {
  org: string;
  role: 'host' | 'speaker';
  count: number;
  /** Default: on site, except at a webinar. */
  mode?: Mode;
  /** Speakers: what they presented. */
  topic?: string;
}

export interface DemoWorkshop extends Provenance {
  key: string;
  /** The workshop's heading in the document, verbatim: its place and format. */
  documentHeading: string;
  title: string;
  theme: string;
  method: string;
  kind: Kind;
  format: Format;
  location: { venue: string; municipality: string; region: string } | null;
  startsAt: string;
  endsAt: string;
  /** null: no registration at all (the street event's citizens are a tally). */
  registrationOpensAt: string | null;
  targetGroups: string[];
  access: 'open' | 'invitation-only';
  capacity: number | null;
  coOrganizers: string[];
  /** Joint planning with the partners (Teams, a few face to face), from `startsOn` until a few days before. */
  planning: { startsOn: string; partnerMeetings: number; faceToFace: number; partners: string[] } & Provenance;
  /** Besides the core team (organisers at every workshop). */
  staff: DemoStaff[];
  /** Participants per organisation (none at the street event); `remoteShare` of them attend a hybrid workshop remotely. */
  participants: { from: Array<{ org: string; count: number }>; remoteShare: number } & Provenance;
  /** What the registration form asked, if anything. */
  registrationForm: { expectations: string | null; advanceQuestion: string | null } & Provenance;
  pledges: DemoPledge[];
  expenses: DemoExpense[];
  /**
   * Each core-team member's hours on it, in minutes: planning at each partner meeting (with its preparation), running
   * it on the day, follow-up a week after (feedback, bookkeeping, report). Staff costs: not in `expenses`.
   */
  coreTeamHours: { planningPerMeeting: number; running: number; runningNote: string; followUp: number } & Provenance;
  citizenInput?: { topic: string; summary: string; citizensHeard: number; countingMethod: 'tally' | 'head-count' | 'forms' | 'estimate'; recipients: string[] } & Provenance;
  /** null: no feedback collected. */
  feedback: Provenance | null;
  sustainability: { practices: Array<'public-transport' | 'vegetarian-food' | 'leftovers-reused' | 'minimal-printing' | 'local-producers' | 'other'>; notes: string } & Provenance;
  report: string;
}

const NO_FORM = made('The document mentions no questions on the registration form of this workshop');
const NO_HOURS = made('The document gives no hours, only that planning takes time and work ("Suunnitteluun tarvitaan aikaa ja työpanosta"): every number of minutes is invented');

export const DEMO_WORKSHOPS: DemoWorkshop[] = [
  {
    key: 'rauma',
    documentHeading: 'Työpaja1 Raumalla',
    ...doc('Työpajassa toteutettiin Tulevaisuustyöskentely ja osallistujat saivat esittää puhujille kysymyksiä.', {
      startsAt: NO_DATES,
      theme: 'The document says only that the theme was chosen together ("tapaamisen teema valittiin yhdessä keskustellen")',
      capacity: NO_CAPACITY,
    }),
    title: 'Työpaja 1: Tulevaisuustyöskentely Raumalla',
    theme: 'Järjestötyön ja sosiaalialan tulevaisuus Raumalla (theme chosen with partners from the Rauma NGO survey)',
    method: 'Futures workshop (tulevaisuustyöskentely); questions to speakers',
    kind: 'co-development',
    format: 'in-person',
    location: { venue: 'Rauman kaupungintalo', municipality: 'Rauma', region: 'Satakunta' },
    startsAt: '2023-04-26T09:00:00.000Z',
    endsAt: '2023-04-26T12:30:00.000Z',
    registrationOpensAt: '2023-04-11T06:00:00.000Z',
    targetGroups: ['municipal residents', 'municipal organisation', 'NGO workers', 'social-sector workers'],
    access: 'open',
    capacity: 45,
    coOrganizers: ['rauma', 'valo'],
    planning: {
      startsOn: '2023-04-04',
      partnerMeetings: 6,
      faceToFace: 1,
      partners: ['rauma', 'valo'],
      ...doc('Useampi työpaja onnistuttiin järjestämään n.5-6 Teams-palaverin yhteissuunnittelulla.', { heldOn: NO_DATES, faceToFace: 'Which meeting was face to face ("Lähes kaikki ... Teamsissa") is invented' }),
    },
    staff: [
      { org: 'rauma', role: 'host', count: 1, ...doc(FEW_PARTNER_STAFF, { count: 'How many of the few came from the city is invented' }) },
      { org: 'valo', role: 'host', count: 2, ...doc(FEW_PARTNER_STAFF, { count: 'How many of the few came from Valo is invented' }) },
      { org: 'rauma', role: 'speaker', count: 1, topic: 'Raumalla toteutetun järjestökyselyn tulokset', ...doc('osallistujat saivat esittää puhujille kysymyksiä', { who: 'The document names no speaker', topic: 'The survey results were used in planning ("Suunnittelussa hyödynnettiin Raumalla toteutetun järjestökyselyn tuloksia"); that they were presented is invented', paid: UNPAID }) },
      { org: 'valo', role: 'speaker', count: 1, topic: 'Tulevaisuustyöskentely järjestötyön kehittämisessä', ...doc('osallistujat saivat esittää puhujille kysymyksiä', { who: 'The document names no speaker', topic: 'The document gives no talk topics', paid: UNPAID }) },
    ],
    participants: {
      from: [
        { org: 'rauma', count: 8 },
        { org: 'valo', count: 6 },
        { org: 'rauma-ngo-1', count: 6 },
        { org: 'rauma-ngo-2', count: 5 },
        { org: 'satakunta-wellbeing', count: 6 },
        { org: 'samk', count: 4 },
      ],
      remoteShare: 0,
      ...made(`${NO_COUNTS}; the target group is: "raumalaiset järjestötyön ja sosiaalialan työntekijät eri sektoreilta"`),
    },
    registrationForm: { expectations: null, advanceQuestion: null, ...NO_FORM },
    pledges: [
      { key: 'rauma-cityhall', org: 'rauma', kind: 'venue', description: 'Rauma city hall festive hall for the afternoon', inKindValueCents: 60_000, valuationBasis: 'City of Rauma room rental price list 2023, festive hall, half day', ...doc('Rauman kaupunki tarjosi tapahtumalle kaupungintalon upeat puitteet', { value: NO_VALUES }) },
      { key: 'rauma-valo-expertise', org: 'valo', kind: 'expertise', description: 'Co-facilitation of the futures workshop', inKindValueCents: 48_000, valuationBasis: "6 h of facilitation at 80 €/h (association's own rate)", ...made('The document names Valo-Valmennusyhdistys as co-organiser but no contribution of its own') },
    ],
    expenses: [
      { key: 'rauma-catering', category: 'catering', amountCents: 64_000, description: 'Vegetarian lunch and coffee, 40 persons, local caterer', receiptReference: 'INV-2023-0426-RAU-01', ...made(NO_AMOUNTS) },
      { key: 'rauma-travel', category: 'travel', amountCents: 41_600, description: 'Train tickets Helsinki–Rauma–Helsinki, core team', receiptReference: 'VR-2023-04-118734', ...made(NO_AMOUNTS) },
      { key: 'rauma-materials', category: 'materials', amountCents: 6_400, description: 'Flip-chart paper and sticky notes', receiptReference: 'RCPT-2023-04-24-0032', correction: { amountCents: 4_400, reason: 'Receipt misread: 44,00 € not 64,00 €' }, ...made(NO_AMOUNTS) },
    ],
    coreTeamHours: { planningPerMeeting: 120, running: 540, runningNote: 'Running the futures workshop at Rauma city hall, with the train journey', followUp: 240, ...NO_HOURS },
    feedback: doc('Työpajasta kerättiin palaute.', { ratings: 'The document gives no feedback results: ratings and comments are invented' }),
    sustainability: {
      practices: ['public-transport', 'vegetarian-food', 'minimal-printing', 'local-producers'],
      notes: 'Travel by train; vegetarian lunch from a local caterer; results written on reusable boards.',
      ...doc('lounastilaisuudessa tarjottiin kasvisruokaa', { workshop: 'The document lists the practices for the chain, not per workshop: this attribution is invented' }),
    },
    report: 'Futures workshop held with the City of Rauma and Valo-Valmennusyhdistys; participants questioned the speakers; feedback collected.',
  },
  {
    key: 'pori',
    documentHeading: 'Työpaja2 Porin Suomi Areenassa',
    ...doc('Penkkikahvila järjestettiin kesällä Suomi Areenassa, yleisötapahtumassa, joka kokoaa laajan joukon ihmisiä.', {
      startsAt: `${NO_DATES}; "kesällä" (in summer)`,
    }),
    title: 'Työpaja 2: Penkkikahvila Porin Suomi Areenassa',
    theme: 'Kuntalaisten ajatuksia ja mielipiteitä',
    method: 'Bench café (Penkkikahvila), the method Maaseudun sivistysliitto developed for hearing citizens at a low threshold',
    kind: 'street-event',
    format: 'in-person',
    location: { venue: 'Teltta kävelykadulla, Suomi Areena', municipality: 'Pori', region: 'Satakunta' },
    startsAt: '2023-06-14T08:00:00.000Z',
    endsAt: '2023-06-14T14:00:00.000Z',
    registrationOpensAt: null,
    targetGroups: ['citizens', 'visitors of the Suomi Areena public event'],
    access: 'open',
    capacity: null,
    coOrganizers: ['msl'],
    planning: {
      startsOn: '2023-05-03',
      partnerMeetings: 5,
      faceToFace: 0,
      partners: ['msl'],
      ...doc('Useampi työpaja onnistuttiin järjestämään n.5-6 Teams-palaverin yhteissuunnittelulla.', { heldOn: NO_DATES }),
    },
    staff: [
      { org: 'msl', role: 'host', count: 2, ...doc('Maaseudun sivistysliitto toi oman osaamisensa ja materiaalit Porin työpajaan', { count: 'The document says "muutamia henkilöitä/työpaja"; two bench-café hosts is invented' }) },
      { org: 'ohjaamo', role: 'host', count: 1, ...made('The document says Porin Ohjaamo lent room for storage; that one of its staff helped host the bench café is invented') },
    ],
    participants: { from: [], remoteShare: 0, ...doc('Kohderyhmänä kansalaiset', { registrations: 'None: citizens at a street event are heard, not registered (see citizenInput)' }) },
    registrationForm: { expectations: null, advanceQuestion: null, ...made('A street event has no registration') },
    pledges: [
      { key: 'pori-tent', org: 'pori', kind: 'venue', description: 'Tent space on the pedestrian street, free of charge', inKindValueCents: 25_000, valuationBasis: 'City of Pori event-site fee for a 3×3 m tent, one day', ...doc('Porin kaupunki puolestaan tarjosi telttapaikan kävelykadulta maksutta käyttöömme', { value: NO_VALUES }) },
      { key: 'pori-storage', org: 'ohjaamo', kind: 'storage', description: 'Storage room for the bench café equipment', inKindValueCents: 6_000, valuationBasis: 'Estimated rent of a small storage room for two days', ...doc('Yhteistyö Porin Ohjaamon kanssa mahdollisti tilojen käytön tavaran säilytykseen', { value: NO_VALUES }) },
      { key: 'pori-msl-materials', org: 'msl', kind: 'materials', description: 'Bench café materials (benches, signs, cups)', inKindValueCents: 15_000, valuationBasis: "MSL's replacement cost of the bench café kit share", ...doc('Maaseudun sivistysliitto toi oman osaamisensa ja materiaalit Porin työpajaan', { value: NO_VALUES }) },
      { key: 'pori-msl-method', org: 'msl', kind: 'expertise', description: 'Bench café method know-how and the hosts’ time', inKindValueCents: 64_000, valuationBasis: '2 hosts × 8 h at 40 €/h', ...doc('Penkkikahvila-konsepti on MSL:n kehittämä malli kuntalaisten kuulemiseen.', { value: NO_VALUES }) },
      { key: 'pori-coffee', org: 'roastery', kind: 'catering', description: 'Sponsored coffee from a local roastery', inKindValueCents: 9_000, valuationBasis: 'Retail price of 3 kg of roasted coffee', ...doc('Penkkikahvilaan saatiin sponsoroidut kahvit paikalliselta paahtimolta', { value: NO_VALUES, organization: 'The roastery is not named: see its organisation' }) },
    ],
    expenses: [
      { key: 'pori-travel', category: 'travel', amountCents: 18_600, description: 'Train tickets Helsinki–Pori–Helsinki, core team', receiptReference: 'VR-2023-06-204411', ...made(NO_AMOUNTS) },
      { key: 'pori-travel-dup', category: 'travel', amountCents: 18_600, description: 'Train tickets Helsinki–Pori–Helsinki (entered twice)', receiptReference: 'VR-2023-06-204411', voided: 'Duplicate entry of receipt VR-2023-06-204411', ...made('A bookkeeping slip invented to show a voided expense') },
    ],
    coreTeamHours: { planningPerMeeting: 120, running: 600, runningNote: 'Running the bench café at Suomi Areena, with the train journey', followUp: 180, ...NO_HOURS },
    citizenInput: {
      topic: 'What would make everyday life in Pori better, and who should do it?',
      summary:
        'Citizens asked for low-threshold meeting places, help with digital services for the elderly, and more say in how the welfare area spends money; many did not know the term "social innovation" but recognised local examples.',
      citizensHeard: 126,
      countingMethod: 'tally',
      recipients: ['City of Pori, city board', 'Satakunta wellbeing services county, participation unit'],
      ...doc('Kysyimme kävijöiden ajatuksia ja mielipiteitä ja välitimme koosteen eteenpäin päättäjille.', {
        topic: 'The document gives no question',
        summary: 'The document gives no content of the summary',
        citizensHeard: 'The document gives no number of citizens heard',
        countingMethod: 'The document does not say how they were counted',
        recipients: 'The document says only "päättäjille" (to decision-makers)',
      }),
    },
    feedback: null,
    sustainability: {
      practices: ['public-transport', 'local-producers', 'minimal-printing'],
      notes: 'Coffee from a local roastery; reusable cups; no printed handouts.',
      ...doc('Työpajoissa pyrittiin suosimaan paikallisia tuottajia, esimerkiksi Penkkikahvilaan saatiin sponsoroidut kahvit paikalliselta paahtimolta.', { cups: 'Reusable cups are invented' }),
    },
    report: "Bench café held at Suomi Areena with Maaseudun sivistysliitto; citizens' views collected and a summary forwarded to decision-makers.",
  },
  {
    key: 'kemi',
    documentHeading: 'Työpaja3 Kemissä/webinaarina',
    ...doc('Järjestetty hybridinä yhteistyössä Lapin ammattikorkeakoulun kanssa.', { startsAt: NO_DATES, venue: 'The document names Kemi, not the venue', capacity: NO_CAPACITY }),
    title: 'Työpaja 3: Kemissä/webinaarina — yhteiskunnalliset yritykset ja korkeakoulut',
    theme: 'Regional and national developers of the social economy in one discussion',
    method: 'Hybrid talks and discussion; questions from on-site and online participants',
    kind: 'co-development',
    format: 'hybrid',
    location: { venue: 'Lapin ammattikorkeakoulu, Kemin kampus', municipality: 'Kemi', region: 'Lappi' },
    startsAt: '2023-09-12T09:00:00.000Z',
    endsAt: '2023-09-12T12:30:00.000Z',
    registrationOpensAt: '2023-08-14T06:00:00.000Z',
    targetGroups: ['social enterprises', 'higher-education institutions', 'regional developers', 'national developers'],
    access: 'open',
    capacity: 40,
    coOrganizers: ['lapinamk'],
    planning: {
      startsOn: '2023-08-08',
      partnerMeetings: 6,
      faceToFace: 0,
      partners: ['lapinamk'],
      ...doc('Useampi työpaja onnistuttiin järjestämään n.5-6 Teams-palaverin yhteissuunnittelulla.', { heldOn: NO_DATES }),
    },
    staff: [
      { org: 'lapinamk', role: 'host', count: 2, ...doc(FEW_PARTNER_STAFF, { count: 'Two is invented' }) },
      { org: 'lapinamk', role: 'speaker', count: 1, topic: 'Lappilaiset yhteiskunnalliset yritykset ja korkeakoulut', ...made('The document says "lappilaiset yhteiskunnalliset yritykset ja alueelliset ja valtakunnalliset yhteisötalouden kehittäjät samaan keskusteluun" and names no speaker nor talk') },
      { org: 'national-dev', role: 'speaker', count: 1, mode: 'remote', topic: 'Valtakunnallinen yhteisötalouden kehittäminen', ...made('As the other speaker; the national developer joining online is invented') },
    ],
    participants: {
      from: [
        { org: 'lapinamk', count: 6 },
        { org: 'lappi-se-1', count: 5 },
        { org: 'lappi-se-2', count: 4 },
        { org: 'lappi-se-3', count: 4 },
        { org: 'lappi-city', count: 4 },
        { org: 'ulapland', count: 4 },
        { org: 'national-dev', count: 5 },
        { org: 'oulu-ngo', count: 4 },
        { org: 'samk', count: 2 },
        { org: 'rauma', count: 1 },
        { org: 'msl', count: 1 },
      ],
      remoteShare: 0.4,
      ...made(`${NO_COUNTS}; the target group is: "erityisesti yhteiskunnalliset yritykset ja korkeakoulut"; the remote share is invented too`),
    },
    registrationForm: { expectations: null, advanceQuestion: null, ...NO_FORM },
    pledges: [
      { key: 'kemi-venue', org: 'lapinamk', kind: 'venue', description: 'Auditorium at the Kemi campus', inKindValueCents: 40_000, valuationBasis: 'Lapland UAS external rental price for the auditorium, half day', ...made('The document names Lapin ammattikorkeakoulu as partner but no resource it gave') },
      { key: 'kemi-equipment', org: 'lapinamk', kind: 'equipment', description: 'Streaming equipment and technician for the webinar part', inKindValueCents: 35_000, valuationBasis: 'Technician 5 h at 70 €/h', ...made('As the venue') },
      { key: 'kemi-marketing', org: 'national-dev', kind: 'marketing', description: 'Invitation shared in the national developer network newsletter', inKindValueCents: 10_000, valuationBasis: 'Newsletter advertising price list', ...made(FICTITIOUS_ORG) },
    ],
    expenses: [
      { key: 'kemi-travel', category: 'travel', amountCents: 78_000, description: 'Night train Helsinki–Kemi and back, two persons', receiptReference: 'VR-2023-09-377120', ...made(NO_AMOUNTS) },
      { key: 'kemi-accommodation', category: 'accommodation', amountCents: 21_000, description: 'Hotel night in Kemi, two rooms', receiptReference: 'HTL-KEMI-2023-09-11-88', ...made(NO_AMOUNTS) },
      { key: 'kemi-catering', category: 'catering', amountCents: 46_000, description: 'Coffee and vegetarian snacks, 30 persons on site', receiptReference: 'INV-2023-0912-KEM-07', ...made(NO_AMOUNTS) },
    ],
    coreTeamHours: { planningPerMeeting: 120, running: 480, runningNote: 'Running the hybrid workshop at the Kemi campus (night trains there and back)', followUp: 240, ...NO_HOURS },
    feedback: doc('Työpajaan osallistuneet saivat esittää kysymyksiä, osallistua keskusteluun ja heiltä kerättiin palautetta.', { ratings: 'The document gives no feedback results: ratings and comments are invented' }),
    sustainability: {
      practices: ['public-transport', 'vegetarian-food'],
      notes: 'Night train instead of a flight; vegetarian catering.',
      ...doc('Matkustamisessa käytettiin lähes pelkästään joukkoliikennettä', { workshop: 'The document lists the practices for the chain, not per workshop: this attribution is invented' }),
    },
    report: 'Hybrid workshop with Lapin ammattikorkeakoulu: Lappish social enterprises met regional and national developers; questions and discussion; feedback collected.',
  },
  {
    key: 'helsinki',
    documentHeading: 'Työpaja4 Helsingissä / webinaarissa',
    ...doc('Järjestettiin maailmanlaajuisen konferenssin satelliittitapahtumana Helsingissä yhteistyössä Social Enterprises World Forumin (SEWF23) kanssa.', {
      startsAt: `${NO_DATES}; placed on the first day of SEWF23 itself (11–12 October 2023, a public date not in the document)`,
      venue: 'The document names Helsinki, not the venue',
      capacity: NO_CAPACITY,
    }),
    title: 'Työpaja 4: Helsingissä / webinaarissa — SEWF23-satelliittitapahtuma',
    theme: 'What should the national competence centre for social innovation do?',
    method: 'Table-group discussions, then a shared discussion across tables',
    kind: 'co-development',
    format: 'hybrid',
    location: { venue: 'Event venue in central Helsinki (SEWF23 satellite)', municipality: 'Helsinki', region: 'Uusimaa' },
    startsAt: '2023-10-11T11:00:00.000Z',
    endsAt: '2023-10-11T14:30:00.000Z',
    registrationOpensAt: '2023-09-11T06:00:00.000Z',
    targetGroups: ['invited guests', 'social-innovation actors', 'SEWF23 delegates'],
    access: 'invitation-only',
    capacity: 36,
    coOrganizers: ['sewf'],
    planning: {
      startsOn: '2023-08-22',
      partnerMeetings: 5,
      faceToFace: 0,
      partners: ['sewf'],
      ...doc('Useampi työpaja onnistuttiin järjestämään n.5-6 Teams-palaverin yhteissuunnittelulla.', { heldOn: NO_DATES }),
    },
    staff: [{ org: 'sewf', role: 'host', count: 2, ...doc(FEW_PARTNER_STAFF, { count: 'Two is invented', tables: 'That they hosted the table groups ("keskustelivat pöytäryhmittäin") is invented' }) }],
    participants: {
      from: [
        { org: 'sewf', count: 4 },
        { org: 'intl-se', count: 2 },
        { org: 'hki-se-1', count: 4 },
        { org: 'hki-se-2', count: 4 },
        { org: 'hki-ngo', count: 4 },
        { org: 'ministry', count: 4 },
        { org: 'research', count: 4 },
        { org: 'tampere-uas', count: 4 },
        { org: 'national-dev', count: 2 },
        { org: 'turku-city', count: 4 },
        { org: 'lapinamk', count: 2 },
        { org: 'valo', count: 1 },
        { org: 'msl', count: 1 },
      ],
      remoteShare: 0.25,
      ...made(`${NO_COUNTS}; invited guests ("kutsuttuja vieraita"): more accepted than there were seats, so some waited on the list; the remote share is invented too`),
    },
    registrationForm: {
      expectations: 'To meet others working on social innovation and to shape the competence centre.',
      advanceQuestion: null,
      ...doc('Ilmoittautumisen yhteydessä kartoitettiin osallistujien odotuksia ja toiveita työpajalle ja tulevalle osaamiskeskukselle.', { answers: 'The answers are invented' }),
    },
    pledges: [
      { key: 'hki-sewf-marketing', org: 'sewf', kind: 'marketing', description: 'Listed as an official SEWF23 satellite event', inKindValueCents: 20_000, valuationBasis: 'Estimated value of programme listing and delegate mailing', ...doc('Järjestettiin maailmanlaajuisen konferenssin satelliittitapahtumana', { value: NO_VALUES, kind: 'That the listing was a contribution is invented' }) },
      { key: 'hki-sewf-expertise', org: 'sewf', kind: 'expertise', description: 'Two table hosts from the SEWF network', inKindValueCents: 24_000, valuationBasis: '2 hosts × 3 h at 40 €/h', ...made('The document gives no contribution of SEWF besides the partnership') },
      { key: 'hki-venue-offer', org: 'hki-ngo', kind: 'venue', description: 'Offer of a meeting room (not needed in the end)', inKindValueCents: 30_000, valuationBasis: 'Association meeting-room rate', withdrawn: 'Another venue was booked; the offer was not needed', ...made(`${FICTITIOUS_ORG}; the withdrawn offer shows a pledge that was not delivered`) },
    ],
    expenses: [
      { key: 'hki-catering', category: 'catering', amountCents: 205_000, description: 'Lunch buffet (vegetarian) and coffee, 36 persons', receiptReference: 'INV-2023-1011-HKI-02', correction: { amountCents: 195_000, reason: 'Credit note CN-2023-1020: 4 fewer lunches served than ordered' }, ...made(NO_AMOUNTS) },
      { key: 'hki-venue', category: 'venue', amountCents: 42_000, description: 'Room rent and streaming for the satellite event', receiptReference: 'INV-2023-1011-HKI-01', ...made(NO_AMOUNTS) },
      { key: 'hki-travel', category: 'travel', amountCents: 14_000, description: 'Travel of two regional guests by train', receiptReference: 'VR-2023-10-512901', ...made(NO_AMOUNTS) },
      { key: 'hki-materials', category: 'materials', amountCents: 9_000, description: 'Table-group canvases', receiptReference: 'RCPT-2023-10-10-0415', ...made(NO_AMOUNTS) },
    ],
    coreTeamHours: { planningPerMeeting: 120, running: 420, runningNote: 'Setting up and running the SEWF23 satellite event', followUp: 300, ...NO_HOURS },
    feedback: doc('Työpajaan osallistuneilta kerättiin palautetta.', { ratings: 'The document gives no feedback results: ratings and comments are invented' }),
    sustainability: {
      practices: ['vegetarian-food', 'leftovers-reused', 'minimal-printing'],
      notes: 'Vegetarian buffet; leftovers from another event reused for the afternoon coffee.',
      ...doc('yhdessä työpajassa hyödynnettiin toisesta tilaisuudesta ylijääneitä tarjoiluja', { workshop: 'The document does not say which workshop reused leftovers: this one is invented' }),
    },
    report: 'Invitation-only satellite event of SEWF23 in Helsinki and online: expectations gathered at registration, table-group discussions, feedback collected.',
  },
  {
    key: 'webinar',
    documentHeading: 'Työpaja5 webinaari',
    ...doc('Aiheena oli sosiaalisten innovaatioiden validointikehikon esittely.', { startsAt: NO_DATES }),
    title: 'Työpaja 5: Sosiaalisten innovaatioiden validointikehikko (webinaari)',
    theme: 'The validation framework for social innovations',
    method: 'Presentation, Q&A on advance questions, open discussion',
    kind: 'co-development',
    format: 'webinar',
    location: null,
    startsAt: '2023-10-26T07:00:00.000Z',
    endsAt: '2023-10-26T08:30:00.000Z',
    registrationOpensAt: '2023-10-02T06:00:00.000Z',
    targetGroups: ['everyone interested in social innovation and its validation'],
    access: 'open',
    capacity: null,
    coOrganizers: [],
    planning: {
      startsOn: '2023-09-19',
      partnerMeetings: 3,
      faceToFace: 0,
      partners: ['research'],
      ...made('The document names no partner of the webinar; three Teams meetings with the presenting (fictitious) institute are invented'),
    },
    staff: [
      { org: 'research', role: 'speaker', count: 1, topic: 'Sosiaalisten innovaatioiden validointikehikko', ...doc('Aiheena oli sosiaalisten innovaatioiden validointikehikon esittely.', { who: 'The document does not say who presented: the presenter and the institute are fictitious', paid: UNPAID }) },
    ],
    participants: {
      from: [
        { org: 'research', count: 3 },
        { org: 'tampere-uas', count: 4 },
        { org: 'ministry', count: 2 },
        { org: 'oulu-ngo', count: 4 },
        { org: 'turku-city', count: 4 },
        { org: 'national-dev', count: 2 },
        { org: 'lapinamk', count: 2 },
        { org: 'rauma-ngo-1', count: 2 },
        { org: 'hki-se-1', count: 2 },
        { org: 'satakunta-wellbeing', count: 2 },
        { org: 'samk', count: 2 },
        { org: 'pori-ngo', count: 2 },
        { org: 'valo', count: 1 },
        { org: 'msl', count: 1 },
      ],
      remoteShare: 1,
      ...made(`${NO_COUNTS}; the target group is: "kaikki sosiaalista innovaatioista ja niiden validoinnista kiinnostuneet"`),
    },
    registrationForm: {
      expectations: null,
      advanceQuestion: 'How will the competence centre support regional actors in validating their innovations?',
      ...doc('Annettiin mahdollisuus työpajaan osallistuville esittää ilmoittautumislomakkeella etukäteen toiveita ja ennakkokysymyksiä ennen työpajaa.', { answers: 'The questions are invented' }),
    },
    pledges: [
      { key: 'web-research-expertise', org: 'research', kind: 'expertise', description: 'Presentation of the validation framework (speaker unpaid)', inKindValueCents: 24_000, valuationBasis: '3 h of a senior researcher at 80 €/h', ...made(`${FICTITIOUS_ORG}; the presentation is the document's, the contribution's value is not`) },
    ],
    // 0 €: "Halvimmillaan työpajan järjestäminen oli ... pyöreät nolla euroa"; that it was the webinar is invented (it needed no travel nor catering).
    expenses: [],
    coreTeamHours: { planningPerMeeting: 90, running: 180, runningNote: 'Running the webinar', followUp: 180, ...NO_HOURS },
    feedback: doc('Työpajaan osallistuneilta kerättiin palautetta.', { ratings: 'The document gives no feedback results: ratings and comments are invented' }),
    sustainability: {
      practices: ['minimal-printing', 'other'],
      notes: 'Online only: no travel, no printing.',
      ...doc('vältettiin turhaa tulostelua ja paperista materiaalia', { workshop: 'The document lists the practices for the chain, not per workshop: this attribution is invented' }),
    },
    report: 'Webinar on the validation framework; advance questions answered; discussion; feedback collected.',
  },
];

export interface DemoCollaboration extends Provenance {
  key: string;
  title: string;
  description: string;
  organizations: string[];
  sparkedBy: string;
  startedOn: string;
}

const NO_COLLABORATIONS = 'The document says follow-up collaboration arose locally and nationally ("Työpajoista on paikallisesti ja valtakunnallisesti virinnyt jatkoa ja yhteistyötä") but names none: this one is invented';

export const DEMO_COLLABORATIONS: DemoCollaboration[] = [
  {
    key: 'rauma-network',
    title: 'Rauman järjestöjen kehittämisverkosto',
    description: 'The City of Rauma, Valo-Valmennusyhdistys and local NGOs meet quarterly to develop NGO work further, started at the futures workshop.',
    organizations: ['rauma', 'valo', 'rauma-ngo-1', 'rauma-ngo-2'],
    sparkedBy: 'rauma',
    startedOn: '2023-05-24',
    ...made(NO_COLLABORATIONS),
  },
  {
    key: 'lappi-social-economy',
    title: 'Lapin yhteiskunnallisten yritysten kehittämisyhteistyö',
    description: 'Lapin ammattikorkeakoulu, Lappish social enterprises and the national developer network plan a joint development project.',
    organizations: ['lapinamk', 'lappi-se-1', 'lappi-se-2', 'national-dev'],
    sparkedBy: 'kemi',
    startedOn: '2023-10-03',
    ...made(NO_COLLABORATIONS),
  },
  {
    key: 'nordic-peer-learning',
    title: 'Nordic peer learning on social-enterprise support',
    description: 'A Helsinki social enterprise and a Nordic impact investor exchange practices after meeting at the SEWF23 satellite event.',
    organizations: ['hki-se-2', 'intl-se', 'sewf'],
    sparkedBy: 'helsinki',
    startedOn: '2023-11-15',
    ...made(NO_COLLABORATIONS),
  },
];

/** The name pools of the fictitious participants, hosts and speakers (the document names nobody but its author, who is not used). */
export const DEMO_PEOPLE: Provenance = made('Every person is fictitious: names drawn from these pools, e-mails on the reserved example.org domain, ESF+ answers drawn at random');
export const FIRST_NAMES = [
  'Aino', 'Eero', 'Helmi', 'Juho', 'Kaisa', 'Lauri', 'Maija', 'Niko', 'Oona', 'Pekka', 'Riikka', 'Sami', 'Tiina', 'Ville', 'Anni',
  'Matti', 'Elina', 'Antti', 'Sanna', 'Mikko', 'Heidi', 'Janne', 'Liisa', 'Tuomas', 'Emmi', 'Joonas', 'Noora', 'Olli', 'Katja', 'Aleksi',
];
export const LAST_NAMES = [
  'Virtanen', 'Korhonen', 'Mäkinen', 'Nieminen', 'Hämäläinen', 'Laine', 'Heikkinen', 'Koskinen', 'Järvinen', 'Lehtonen', 'Saarinen',
  'Salminen', 'Heinonen', 'Niemi', 'Kinnunen', 'Salonen', 'Turunen', 'Rantanen', 'Lindholm', 'Karjalainen', 'Jokinen', 'Lahtinen',
];
