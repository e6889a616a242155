/**
 * The real 2023 chain of five development workshops (source: the 2023 chain's public description, summarised in docs/architecture.md,
 * a public description of the pilot). Organisation names and facts are taken from it; where it names no one
 * (the roastery, participating enterprises and NGOs) the organisation is fictitious and says so.
 * Every person is fictitious; e-mail addresses use the reserved example.org domain.
 * Money is in integer cents. Costs exclude salaries, as in the source: cheapest 0 €, dearest 2,600 €,
 * catering and travel the largest items, speakers unpaid.
 */

export type Sector = 'public-administration' | 'sme' | 'social-enterprise' | 'ngo' | 'higher-education' | 'research' | 'global-network' | 'other';

export interface DemoOrganization {
  key: string;
  name: string;
  sector: Sector;
  municipality: string | null;
  region: string | null;
  fictitious: boolean;
}

export const DEMO_CHAIN = {
  key: 'chain-2023',
  name: 'Sosiaalisten innovaatioiden osaamiskeskuksen valmistelu: koulutukselliset kehittämistyöpajat',
  description:
    'Five developmental workshops, April–October 2023, run with partner organisations while preparing the national competence centre for social innovation. Each workshop had its own template and target group; together they formed one chain that grew a network.',
  fundingProgramme: 'European Social Fund Plus (ESF+) 2021–2027',
  esfOperationId: 'DEMO-ESF-2023-001',
  periodStart: '2023-01-01',
  periodEnd: '2023-12-31',
  lastPaymentOn: '2024-03-28',
} as const;

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  { key: 'hub', name: 'Sosiaalisten innovaatioiden osaamiskeskus (valmisteluhanke)', sector: 'public-administration', municipality: 'Helsinki', region: 'Uusimaa', fictitious: false },
  { key: 'rauma', name: 'Rauman kaupunki', sector: 'public-administration', municipality: 'Rauma', region: 'Satakunta', fictitious: false },
  { key: 'valo', name: 'Valo-Valmennusyhdistys ry', sector: 'ngo', municipality: 'Rauma', region: 'Satakunta', fictitious: false },
  { key: 'msl', name: 'Maaseudun Sivistysliitto (MSL)', sector: 'ngo', municipality: 'Helsinki', region: 'Uusimaa', fictitious: false },
  { key: 'pori', name: 'Porin kaupunki', sector: 'public-administration', municipality: 'Pori', region: 'Satakunta', fictitious: false },
  { key: 'ohjaamo', name: 'Porin Ohjaamo', sector: 'public-administration', municipality: 'Pori', region: 'Satakunta', fictitious: false },
  { key: 'roastery', name: 'Kävelykadun Paahtimo Oy (fictitious local roastery)', sector: 'sme', municipality: 'Pori', region: 'Satakunta', fictitious: true },
  { key: 'lapinamk', name: 'Lapin ammattikorkeakoulu', sector: 'higher-education', municipality: 'Kemi', region: 'Lappi', fictitious: false },
  { key: 'sewf', name: 'Social Enterprise World Forum (SEWF23)', sector: 'global-network', municipality: null, region: null, fictitious: false },
  // Fictitious participating organisations, so that the network has realistic breadth.
  { key: 'rauma-ngo-1', name: 'Rauman Seudun Omaishoitajat ry (fictitious)', sector: 'ngo', municipality: 'Rauma', region: 'Satakunta', fictitious: true },
  { key: 'rauma-ngo-2', name: 'Vanhan Rauman Nuorisoseura ry (fictitious)', sector: 'ngo', municipality: 'Rauma', region: 'Satakunta', fictitious: true },
  { key: 'satakunta-wellbeing', name: 'Satakunnan hyvinvointialue, sosiaalipalvelut (fictitious unit)', sector: 'public-administration', municipality: 'Pori', region: 'Satakunta', fictitious: true },
  { key: 'pori-ngo', name: 'Porin Kansalaistoiminnan Keskus ry (fictitious)', sector: 'ngo', municipality: 'Pori', region: 'Satakunta', fictitious: true },
  { key: 'samk', name: 'Satakunnan ammattikorkeakoulu, sosiaaliala (fictitious unit)', sector: 'higher-education', municipality: 'Pori', region: 'Satakunta', fictitious: true },
  { key: 'lappi-se-1', name: 'Kemin Kierrätyskeskus Osk (fictitious)', sector: 'social-enterprise', municipality: 'Kemi', region: 'Lappi', fictitious: true },
  { key: 'lappi-se-2', name: 'Tornionlaakson Työosuuskunta (fictitious)', sector: 'social-enterprise', municipality: 'Tornio', region: 'Lappi', fictitious: true },
  { key: 'lappi-se-3', name: 'Rovaniemen Lähiruoka Oy (fictitious)', sector: 'social-enterprise', municipality: 'Rovaniemi', region: 'Lappi', fictitious: true },
  { key: 'lappi-city', name: 'Kemin kaupunki, elinvoimapalvelut (fictitious unit)', sector: 'public-administration', municipality: 'Kemi', region: 'Lappi', fictitious: true },
  { key: 'national-dev', name: 'Yhteisötalouden kehittäjäverkosto (fictitious)', sector: 'ngo', municipality: 'Helsinki', region: 'Uusimaa', fictitious: true },
  { key: 'ulapland', name: 'Lapin yliopisto, yhteiskuntatieteet (fictitious unit)', sector: 'higher-education', municipality: 'Rovaniemi', region: 'Lappi', fictitious: true },
  { key: 'hki-se-1', name: 'Työllistävä Kahvila Osk (fictitious)', sector: 'social-enterprise', municipality: 'Helsinki', region: 'Uusimaa', fictitious: true },
  { key: 'hki-se-2', name: 'Vaikuttava Yritys Oy (fictitious)', sector: 'social-enterprise', municipality: 'Espoo', region: 'Uusimaa', fictitious: true },
  { key: 'hki-ngo', name: 'Osallisuuden Areena ry (fictitious)', sector: 'ngo', municipality: 'Helsinki', region: 'Uusimaa', fictitious: true },
  { key: 'ministry', name: 'Työ- ja elinkeinoministeriö, sosiaaliset innovaatiot (fictitious unit)', sector: 'public-administration', municipality: 'Helsinki', region: 'Uusimaa', fictitious: true },
  { key: 'research', name: 'Sosiaalisen Vaikuttavuuden Tutkimuslaitos (fictitious)', sector: 'research', municipality: 'Tampere', region: 'Pirkanmaa', fictitious: true },
  { key: 'tampere-uas', name: 'Tampereen ammattikorkeakoulu, sosiaaliset innovaatiot (fictitious unit)', sector: 'higher-education', municipality: 'Tampere', region: 'Pirkanmaa', fictitious: true },
  { key: 'intl-se', name: 'Nordic Impact Ventures AB (fictitious)', sector: 'social-enterprise', municipality: null, region: null, fictitious: true },
  { key: 'oulu-ngo', name: 'Pohjois-Suomen Järjestöfoorumi ry (fictitious)', sector: 'ngo', municipality: 'Oulu', region: 'Pohjois-Pohjanmaa', fictitious: true },
  { key: 'turku-city', name: 'Turun kaupunki, osallisuuspalvelut (fictitious unit)', sector: 'public-administration', municipality: 'Turku', region: 'Varsinais-Suomi', fictitious: true },
];

export type Format = 'in-person' | 'hybrid' | 'webinar';
export type Kind = 'co-development' | 'information-event' | 'street-event';
export type PledgeKind = 'venue' | 'materials' | 'expertise' | 'catering' | 'storage' | 'equipment' | 'marketing' | 'other';
export type ExpenseCategory = 'catering' | 'travel' | 'venue' | 'materials' | 'marketing' | 'accommodation' | 'speaker-fees' | 'other';

export interface DemoExpense {
  key: string;
  category: ExpenseCategory;
  amountCents: number;
  description: string;
  receiptReference: string;
  /** Bookkeeping story for auditors: recorded wrongly first, then corrected or voided (never edited). */
  correction?: { amountCents: number; reason: string };
  voided?: string;
}

export interface DemoWorkshop {
  key: string;
  title: string;
  theme: string;
  method: string;
  kind: Kind;
  format: Format;
  location: { venue: string; municipality: string; region: string } | null;
  startsAt: string;
  endsAt: string;
  registrationOpensAt: string;
  targetGroups: string[];
  access: 'open' | 'invitation-only';
  capacity: number | null;
  coOrganizers: string[];
  /** Organisations whose people make up the participants, with how many each sends. */
  participantsFrom: Array<[orgKey: string, count: number]>;
  remoteShare: number;
  pledges: Array<{ key: string; org: string; kind: PledgeKind; description: string; inKindValueCents: number; valuationBasis: string }>;
  expenses: DemoExpense[];
  citizenInput?: { topic: string; summary: string; citizensHeard: number; recipients: string[] };
  advanceQuestions: string[];
  sustainability: Array<'public-transport' | 'vegetarian-food' | 'leftovers-reused' | 'minimal-printing' | 'local-producers' | 'other'>;
  sustainabilityNotes: string;
  partnerMeetings: number;
  coreTeamMeetings: number;
  report: string;
}

export const DEMO_WORKSHOPS: DemoWorkshop[] = [
  {
    key: 'rauma',
    title: 'Työpaja 1: Sosiaaliset innovaatiot Raumalla — tulevaisuustyöskentely',
    theme: 'Järjestötyön ja sosiaalialan tulevaisuus Raumalla (theme chosen with partners from the Rauma NGO survey)',
    method: 'Futures workshop (tulevaisuusverstas); questions to speakers',
    kind: 'co-development',
    format: 'in-person',
    location: { venue: 'Rauman kaupungintalo', municipality: 'Rauma', region: 'Satakunta' },
    startsAt: '2023-04-19T10:00:00.000Z',
    endsAt: '2023-04-19T13:30:00.000Z',
    registrationOpensAt: '2023-03-20T08:00:00.000Z',
    targetGroups: ['municipal residents', 'municipal organisation', 'NGO workers', 'social-sector workers'],
    access: 'open',
    capacity: 45,
    coOrganizers: ['rauma', 'valo'],
    participantsFrom: [['rauma', 7], ['valo', 5], ['rauma-ngo-1', 5], ['rauma-ngo-2', 4], ['satakunta-wellbeing', 5], ['samk', 3], ['hub', 2]],
    remoteShare: 0,
    pledges: [
      { key: 'rauma-cityhall', org: 'rauma', kind: 'venue', description: 'Rauma city hall festive hall for the afternoon', inKindValueCents: 60_000, valuationBasis: "City of Rauma room rental price list 2023, festive hall, half day" },
      { key: 'rauma-valo-expertise', org: 'valo', kind: 'expertise', description: 'Co-facilitation of the futures workshop and the NGO survey results', inKindValueCents: 48_000, valuationBasis: '6 h of facilitation at 80 €/h (association\'s own rate)' },
    ],
    expenses: [
      { key: 'rauma-catering', category: 'catering', amountCents: 64_000, description: 'Vegetarian lunch and coffee, 40 persons, local caterer', receiptReference: 'INV-2023-0419-RAU-01' },
      { key: 'rauma-travel', category: 'travel', amountCents: 41_600, description: 'Train tickets Helsinki–Rauma–Helsinki, core team and two speakers', receiptReference: 'VR-2023-04-118734' },
      { key: 'rauma-materials', category: 'materials', amountCents: 6_400, description: 'Flip-chart paper and sticky notes', receiptReference: 'RCPT-2023-04-17-0032', correction: { amountCents: 4_400, reason: 'Receipt misread: 44,00 € not 64,00 €' } },
    ],
    advanceQuestions: [],
    sustainability: ['public-transport', 'vegetarian-food', 'minimal-printing', 'local-producers'],
    sustainabilityNotes: 'Travel by train; vegetarian lunch from a local caterer; results written on reusable boards.',
    partnerMeetings: 6,
    coreTeamMeetings: 6,
    report: 'Futures workshop held with the City of Rauma and Valo-Valmennusyhdistys; participants questioned the speakers; feedback collected. Local follow-up network started.',
  },
  {
    key: 'pori',
    title: 'Työpaja 2: Penkkikahvila SuomiAreenassa',
    theme: 'Kuntalaisten ajatuksia sosiaalisista innovaatioista',
    method: 'Bench café (Penkkikahvila), a method of Maaseudun Sivistysliitto for hearing citizens at a low threshold',
    kind: 'street-event',
    format: 'in-person',
    location: { venue: 'Tent on the pedestrian street (kävelykatu), SuomiAreena public event', municipality: 'Pori', region: 'Satakunta' },
    startsAt: '2023-06-14T08:00:00.000Z',
    endsAt: '2023-06-14T14:00:00.000Z',
    registrationOpensAt: '2023-05-22T08:00:00.000Z',
    targetGroups: ['citizens', 'visitors of the SuomiAreena public event'],
    access: 'open',
    capacity: null,
    coOrganizers: ['msl'],
    participantsFrom: [['msl', 4], ['pori', 3], ['ohjaamo', 3], ['pori-ngo', 4], ['hub', 2], ['valo', 2], ['rauma', 1]],
    remoteShare: 0,
    pledges: [
      { key: 'pori-tent', org: 'pori', kind: 'venue', description: 'Tent space on the pedestrian street, free of charge', inKindValueCents: 25_000, valuationBasis: 'City of Pori event-site fee for a 3×3 m tent, one day' },
      { key: 'pori-storage', org: 'ohjaamo', kind: 'storage', description: 'Storage room for the bench café equipment', inKindValueCents: 6_000, valuationBasis: 'Estimated rent of a small storage room for two days' },
      { key: 'pori-msl-materials', org: 'msl', kind: 'materials', description: 'Bench café materials (benches, signs, cups)', inKindValueCents: 15_000, valuationBasis: "MSL's replacement cost of the bench café kit share" },
      { key: 'pori-msl-method', org: 'msl', kind: 'expertise', description: 'Bench café method know-how and two hosts', inKindValueCents: 64_000, valuationBasis: '2 hosts × 8 h at 40 €/h' },
      { key: 'pori-coffee', org: 'roastery', kind: 'catering', description: 'Sponsored coffee from a local roastery', inKindValueCents: 9_000, valuationBasis: 'Retail price of 3 kg of roasted coffee' },
    ],
    expenses: [
      { key: 'pori-travel', category: 'travel', amountCents: 18_600, description: 'Train tickets Helsinki–Pori–Helsinki, core team', receiptReference: 'VR-2023-06-204411' },
      { key: 'pori-travel-dup', category: 'travel', amountCents: 18_600, description: 'Train tickets Helsinki–Pori–Helsinki (entered twice)', receiptReference: 'VR-2023-06-204411', voided: 'Duplicate entry of receipt VR-2023-06-204411' },
    ],
    citizenInput: {
      topic: 'What would make everyday life in Pori better, and who should do it?',
      summary:
        'Citizens asked for low-threshold meeting places, help with digital services for the elderly, and more say in how the welfare area spends money; many did not know the term "social innovation" but recognised local examples.',
      citizensHeard: 126,
      recipients: ['City of Pori, city board', 'Satakunta wellbeing services county, participation unit'],
    },
    advanceQuestions: [],
    sustainability: ['public-transport', 'local-producers', 'minimal-printing'],
    sustainabilityNotes: 'Coffee from a local roastery; reusable cups; no printed handouts.',
    partnerMeetings: 5,
    coreTeamMeetings: 6,
    report: "Bench café held at SuomiAreena; citizens' views collected and a summary forwarded to decision-makers.",
  },
  {
    key: 'kemi',
    title: 'Työpaja 3: Yhteiskunnalliset yritykset ja korkeakoulut Lapissa',
    theme: 'Regional and national developers of the social economy in one discussion',
    method: 'Hybrid panel and discussion; questions from on-site and online participants',
    kind: 'co-development',
    format: 'hybrid',
    location: { venue: 'Lapin ammattikorkeakoulu, Kemin kampus', municipality: 'Kemi', region: 'Lappi' },
    startsAt: '2023-09-12T09:00:00.000Z',
    endsAt: '2023-09-12T12:30:00.000Z',
    registrationOpensAt: '2023-08-14T08:00:00.000Z',
    targetGroups: ['social enterprises', 'higher-education institutions', 'regional developers', 'national developers'],
    access: 'open',
    capacity: 40,
    coOrganizers: ['lapinamk'],
    participantsFrom: [['lapinamk', 6], ['lappi-se-1', 4], ['lappi-se-2', 3], ['lappi-se-3', 3], ['lappi-city', 3], ['ulapland', 3], ['national-dev', 4], ['oulu-ngo', 3], ['hub', 2], ['rauma', 1], ['msl', 1]],
    remoteShare: 0.4,
    pledges: [
      { key: 'kemi-venue', org: 'lapinamk', kind: 'venue', description: 'Auditorium at the Kemi campus', inKindValueCents: 40_000, valuationBasis: 'Lapland UAS external rental price for the auditorium, half day' },
      { key: 'kemi-equipment', org: 'lapinamk', kind: 'equipment', description: 'Streaming equipment and technician for the webinar part', inKindValueCents: 35_000, valuationBasis: 'Technician 5 h at 70 €/h' },
      { key: 'kemi-marketing', org: 'national-dev', kind: 'marketing', description: 'Invitation shared in the national developer network newsletter', inKindValueCents: 10_000, valuationBasis: 'Newsletter advertising price list' },
    ],
    expenses: [
      { key: 'kemi-travel', category: 'travel', amountCents: 78_000, description: 'Night train Helsinki–Kemi and back, two persons', receiptReference: 'VR-2023-09-377120' },
      { key: 'kemi-accommodation', category: 'accommodation', amountCents: 21_000, description: 'Hotel night in Kemi, two rooms', receiptReference: 'HTL-KEMI-2023-09-11-88' },
      { key: 'kemi-catering', category: 'catering', amountCents: 46_000, description: 'Coffee and vegetarian snacks, 30 persons on site', receiptReference: 'INV-2023-0912-KEM-07' },
    ],
    advanceQuestions: ['What do you expect from a national competence centre?'],
    sustainability: ['public-transport', 'vegetarian-food'],
    sustainabilityNotes: 'Night train instead of a flight; vegetarian catering.',
    partnerMeetings: 6,
    coreTeamMeetings: 6,
    report: 'Hybrid workshop with Lapland UAS: Lappish social enterprises met regional and national developers; questions and discussion; feedback collected.',
  },
  {
    key: 'helsinki',
    title: 'Työpaja 4: SEWF23 satellite — ideas for the competence centre',
    theme: 'What should the national competence centre for social innovation do?',
    method: 'Table-group discussions, then a shared discussion across tables',
    kind: 'co-development',
    format: 'in-person',
    location: { venue: 'Event venue in central Helsinki (SEWF23 satellite)', municipality: 'Helsinki', region: 'Uusimaa' },
    startsAt: '2023-10-10T11:00:00.000Z',
    endsAt: '2023-10-10T14:30:00.000Z',
    registrationOpensAt: '2023-09-11T08:00:00.000Z',
    targetGroups: ['invited guests', 'social-innovation actors', 'SEWF23 delegates'],
    access: 'invitation-only',
    capacity: 36,
    coOrganizers: ['sewf'],
    participantsFrom: [['sewf', 3], ['intl-se', 2], ['hki-se-1', 3], ['hki-se-2', 3], ['hki-ngo', 3], ['ministry', 3], ['research', 3], ['tampere-uas', 3], ['national-dev', 2], ['turku-city', 3], ['lapinamk', 2], ['valo', 1], ['msl', 1], ['hub', 2]],
    remoteShare: 0,
    pledges: [
      { key: 'hki-sewf-marketing', org: 'sewf', kind: 'marketing', description: 'Listed as an official SEWF23 satellite event', inKindValueCents: 20_000, valuationBasis: 'Estimated value of programme listing and delegate mailing' },
      { key: 'hki-sewf-expertise', org: 'sewf', kind: 'expertise', description: 'International table hosts from the SEWF network', inKindValueCents: 36_000, valuationBasis: '3 hosts × 3 h at 40 €/h' },
      { key: 'hki-venue-offer', org: 'hki-ngo', kind: 'venue', description: 'Offer of a meeting room (not needed in the end)', inKindValueCents: 30_000, valuationBasis: 'Association meeting-room rate', },
    ],
    expenses: [
      { key: 'hki-catering', category: 'catering', amountCents: 205_000, description: 'Lunch buffet (vegetarian) and coffee, 36 persons', receiptReference: 'INV-2023-1010-HKI-02', correction: { amountCents: 195_000, reason: 'Credit note CN-2023-1020: 4 fewer lunches served than ordered' } },
      { key: 'hki-venue', category: 'venue', amountCents: 42_000, description: 'Room rent for the satellite event', receiptReference: 'INV-2023-1010-HKI-01' },
      { key: 'hki-travel', category: 'travel', amountCents: 14_000, description: 'Travel of two regional guests by train', receiptReference: 'VR-2023-10-512901' },
      { key: 'hki-materials', category: 'materials', amountCents: 9_000, description: 'Table-group canvases', receiptReference: 'RCPT-2023-10-09-0415' },
    ],
    advanceQuestions: ['What do you expect from this workshop?', 'What do you wish the future competence centre would do?'],
    sustainability: ['vegetarian-food', 'leftovers-reused', 'minimal-printing'],
    sustainabilityNotes: 'Vegetarian buffet; leftovers from the SEWF23 main event reused for the afternoon coffee.',
    partnerMeetings: 5,
    coreTeamMeetings: 6,
    report: 'Invitation-only satellite event of SEWF23: expectations gathered at registration, table-group discussions, feedback collected.',
  },
  {
    key: 'webinar',
    title: 'Työpaja 5: Sosiaalisten innovaatioiden validointikehikko (webinaari)',
    theme: 'The validation framework for social innovations',
    method: 'Presentation, Q&A on advance questions, open discussion',
    kind: 'co-development',
    format: 'webinar',
    location: null,
    startsAt: '2023-10-26T07:00:00.000Z',
    endsAt: '2023-10-26T08:30:00.000Z',
    registrationOpensAt: '2023-10-02T08:00:00.000Z',
    targetGroups: ['everyone interested in social innovation and its validation'],
    access: 'open',
    capacity: null,
    coOrganizers: [],
    participantsFrom: [['research', 3], ['tampere-uas', 3], ['ministry', 2], ['oulu-ngo', 3], ['turku-city', 3], ['national-dev', 2], ['lapinamk', 2], ['rauma-ngo-1', 2], ['hki-se-1', 2], ['satakunta-wellbeing', 2], ['samk', 2], ['pori-ngo', 2], ['hub', 2]],
    remoteShare: 1,
    pledges: [{ key: 'web-research-expertise', org: 'research', kind: 'expertise', description: 'Presentation of the validation framework', inKindValueCents: 24_000, valuationBasis: '3 h of a senior researcher at 80 €/h' }],
    expenses: [],
    advanceQuestions: ['What would you like to ask about validating social innovations?'],
    sustainability: ['minimal-printing', 'other'],
    sustainabilityNotes: 'Online only: no travel, no printing.',
    partnerMeetings: 5,
    coreTeamMeetings: 6,
    report: 'Webinar on the validation framework; advance questions answered; discussion; feedback collected.',
  },
];

export const DEMO_COLLABORATIONS = [
  {
    key: 'rauma-network',
    title: 'Rauman järjestöjen kehittämisverkosto',
    description: 'The City of Rauma, Valo-Valmennusyhdistys and local NGOs meet quarterly to develop NGO work further, started at the futures workshop.',
    organizations: ['rauma', 'valo', 'rauma-ngo-1', 'rauma-ngo-2'],
    sparkedBy: 'rauma',
    startedOn: '2023-05-24',
  },
  {
    key: 'lappi-social-economy',
    title: 'Lapin yhteiskunnallisten yritysten kehittämisyhteistyö',
    description: 'Lapland UAS, Lappish social enterprises and the national developer network plan a joint development project.',
    organizations: ['lapinamk', 'lappi-se-1', 'lappi-se-2', 'national-dev'],
    sparkedBy: 'kemi',
    startedOn: '2023-10-03',
  },
  {
    key: 'nordic-peer-learning',
    title: 'Nordic peer learning on social-enterprise support',
    description: 'A Helsinki social enterprise and a Nordic impact investor exchange practices after meeting at the SEWF23 satellite event.',
    organizations: ['hki-se-2', 'intl-se', 'sewf'],
    sparkedBy: 'helsinki',
    startedOn: '2023-11-15',
  },
] as const;

export const FIRST_NAMES = [
  'Aino', 'Eero', 'Helmi', 'Juho', 'Kaisa', 'Lauri', 'Maija', 'Niko', 'Oona', 'Pekka', 'Riikka', 'Sami', 'Tiina', 'Ville', 'Anni',
  'Matti', 'Elina', 'Antti', 'Sanna', 'Mikko', 'Heidi', 'Janne', 'Liisa', 'Tuomas', 'Paula', 'Joonas', 'Noora', 'Olli', 'Katja', 'Aleksi',
];
export const LAST_NAMES = [
  'Virtanen', 'Korhonen', 'Mäkinen', 'Nieminen', 'Hämäläinen', 'Laine', 'Heikkinen', 'Koskinen', 'Järvinen', 'Lehtonen', 'Saarinen',
  'Salminen', 'Heinonen', 'Niemi', 'Kinnunen', 'Salonen', 'Turunen', 'Rantanen', 'Lindholm', 'Karjalainen', 'Jokinen', 'Lahtinen',
];
