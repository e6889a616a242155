import type { ConsentSource, DebriefAuthorRole } from '@kuhina/domain';
import type { PledgeKind, Provenance } from './demo-2023.data';

/**
 * What the 2023 demo shows of the partners and people besides the workshops themselves (issue 18): the partners'
 * offers and contact persons on their profiles, the participants' consents, and the debriefs of the workshops and of
 * the chain. The same rule as demo-2023.data.ts: every fact says where it comes from (`Provenance`), and a document
 * fact quotes `source/2023-workshop-chain.fi.txt` verbatim (the int-spec checks every quote).
 */

const doc = (quote: string, invented?: Record<string, string>): Provenance => ({ source: 'document', basis: quote, ...(invented ? { invented } : {}) });

const OFFERED_AT = 'The document does not say when the partner offered it: at a joint planning meeting of the workshop, before the pledge, is invented';
const NO_VALUE = 'The document gives no values of in-kind contributions: the value (as the pledge of the same resource) is invented';

/** A resource a partner offered, recorded on its profile (RecordOffer) when it was offered: at a planning meeting of `workshop`. */
export interface DemoOffer extends Provenance {
  key: string;
  org: string;
  kind: PledgeKind;
  description: string;
  online: boolean;
  /** Left out: the organisation's own place (the decider fills it in). */
  municipality?: string | null;
  region?: string | null;
  capacity: string | null;
  valueCents: number | null;
  availableFrom: string | null;
  availableUntil: string | null;
  /** When it was offered: at this joint planning meeting (0-based) of this workshop, before the workshop's pledges. */
  offeredAt: { workshop: string; planningMeeting: number };
}

export const DEMO_OFFERS: DemoOffer[] = [
  {
    key: 'rauma-cityhall',
    org: 'rauma',
    kind: 'venue',
    description: 'The fine setting of Rauma city hall (kaupungintalo) for events held with the city',
    online: false,
    capacity: '60 seats',
    valueCents: 60_000,
    availableFrom: null,
    availableUntil: null,
    offeredAt: { workshop: 'rauma', planningMeeting: 1 },
    ...doc('Rauman kaupunki tarjosi tapahtumalle kaupungintalon upeat puitteet', { offeredAt: OFFERED_AT, capacity: 'The document gives no size of the hall', value: NO_VALUE }),
  },
  {
    key: 'pori-tent',
    org: 'pori',
    kind: 'venue',
    description: 'Tent space on the pedestrian street (kävelykatu) during Suomi Areena, free of charge',
    online: false,
    capacity: 'one 3×3 m tent',
    valueCents: 25_000,
    availableFrom: '2023-06-14',
    availableUntil: '2023-06-14',
    offeredAt: { workshop: 'pori', planningMeeting: 1 },
    ...doc('Porin kaupunki puolestaan tarjosi telttapaikan kävelykadulta maksutta käyttöömme', {
      offeredAt: OFFERED_AT,
      capacity: 'The document gives no size of the tent space',
      available: 'The document gives no dates: the bench café day of the demo',
      value: NO_VALUE,
    }),
  },
  {
    key: 'pori-storage',
    org: 'ohjaamo',
    kind: 'storage',
    description: "Room at Porin Ohjaamo's premises for storing the bench café things",
    online: false,
    capacity: 'a small storage room',
    valueCents: 6_000,
    availableFrom: '2023-06-13',
    availableUntil: '2023-06-15',
    offeredAt: { workshop: 'pori', planningMeeting: 2 },
    ...doc('Yhteistyö Porin Ohjaamon kanssa mahdollisti tilojen käytön tavaran säilytykseen', {
      offeredAt: `${OFFERED_AT}; Ohjaamo was not at the meetings: the offer was passed on there`,
      available: 'The document gives no dates: the day before, of and after the bench café',
      value: NO_VALUE,
    }),
  },
  {
    key: 'msl-bench-cafe-method',
    org: 'msl',
    kind: 'expertise',
    description: 'The bench café (Penkkikahvila) method, MSL’s model for hearing residents at a low threshold, and hosts who know it',
    online: false,
    capacity: 'two bench café hosts for a day',
    valueCents: 64_000,
    availableFrom: null,
    availableUntil: null,
    offeredAt: { workshop: 'pori', planningMeeting: 0 },
    ...doc('Penkkikahvila-konsepti on MSL:n kehittämä malli kuntalaisten kuulemiseen.', {
      offeredAt: `${OFFERED_AT}; at the first meeting, as the bench café was the idea of the workshop`,
      place: "The document does not say where MSL is: the offer keeps MSL's own place (its hosts travel with the method)",
      capacity: 'Two hosts, as the demo has at the bench café, is invented',
      value: NO_VALUE,
    }),
  },
  {
    key: 'msl-bench-cafe-materials',
    org: 'msl',
    kind: 'materials',
    description: 'Bench café materials: benches, signs, cups',
    online: false,
    capacity: 'one bench café kit',
    valueCents: 15_000,
    availableFrom: null,
    availableUntil: null,
    offeredAt: { workshop: 'pori', planningMeeting: 0 },
    ...doc('Maaseudun sivistysliitto toi oman osaamisensa ja materiaalit Porin työpajaan', {
      offeredAt: OFFERED_AT,
      place: 'As the method',
      items: 'What the kit holds is invented',
      value: NO_VALUE,
    }),
  },
  {
    key: 'roastery-coffee',
    org: 'roastery',
    kind: 'catering',
    description: 'Sponsored coffee from the local roastery for the bench café',
    online: false,
    capacity: '3 kg of roasted coffee',
    valueCents: 9_000,
    availableFrom: null,
    availableUntil: '2023-06-14',
    offeredAt: { workshop: 'pori', planningMeeting: 2 },
    ...doc('Penkkikahvilaan saatiin sponsoroidut kahvit paikalliselta paahtimolta', {
      offeredAt: `${OFFERED_AT}; the roastery was not at the meetings: the offer was passed on there`,
      organization: 'The roastery is not named: see its organisation',
      capacity: 'The amount is invented',
      value: NO_VALUE,
    }),
  },
];

/**
 * A partner's contact person: the one the workshop was planned with. A fictitious person of the partner, drawn from the
 * demo's name pools when the workshop's planning starts; they then run the workshop as its first `role` of the partner.
 */
export interface DemoContact extends Provenance {
  org: string;
  workshop: string;
  /** Their role on the profile. */
  role: string;
}

const EXISTING_CONTACT = 'Jokaisessa pajassa meillä oli olemassa oleva kontaktihenkilö, jonka kanssa tapahtuma suunniteltiin yhdessä';
const CONTACT_PERSON: Record<string, string> = { person: 'The document names nobody: the contact person is fictitious', hosting: 'That the contact person also ran the workshop is invented' };

export const DEMO_CONTACTS: DemoContact[] = [
  { org: 'rauma', workshop: 'rauma', role: 'Contact person for the workshop chain (planned workshop 1)', ...doc(EXISTING_CONTACT, CONTACT_PERSON) },
  { org: 'msl', workshop: 'pori', role: 'Contact person for the bench café (planned workshop 2)', ...doc(EXISTING_CONTACT, CONTACT_PERSON) },
  { org: 'lapinamk', workshop: 'kemi', role: 'Contact person for the workshop chain (planned workshop 3)', ...doc(EXISTING_CONTACT, CONTACT_PERSON) },
  { org: 'sewf', workshop: 'helsinki', role: 'Contact person for the SEWF23 satellite event (planned workshop 4)', ...doc(EXISTING_CONTACT, CONTACT_PERSON) },
  // The document names no partner of the webinar: the presenting institute (fictitious) is the demo's.
  {
    org: 'research',
    workshop: 'webinar',
    role: 'Contact person for the validation-framework webinar (planned workshop 5)',
    ...doc(EXISTING_CONTACT, { ...CONTACT_PERSON, organization: 'The institute is fictitious' }),
  },
];

/** A withdrawal of the consent to be told of future workshops, by someone who consented at `from`. */
export interface DemoWithdrawal {
  from: string;
  withdrawnOn: string;
  /** How it came in (not `source`: that is a provenance's). */
  via: ConsentSource;
}

/**
 * The consents of the people who took part: asked on the form (wording `wordingVersion`) at the first workshop each
 * attended, so given on that day; whoever never attended was never asked. At each workshop `declined[key]` of those asked
 * leave the box empty; `namedInReportsShare` of the others also agree to be named in reports. The hub's core team is not
 * asked (they send the news). Who is drawn from a generator of its own (`seed`), so that the consents leave every other
 * draw of the demo (names, ESF+ answers, attendance, feedback) as it was.
 */
export const DEMO_CONSENTS: {
  seed: number;
  wordingVersion: string;
  /** How the consents came in (not `source`: that is a provenance's). */
  givenBy: ConsentSource;
  declined: Record<string, number>;
  namedInReportsShare: number;
  withdrawals: DemoWithdrawal[];
} & Provenance = {
  seed: 18,
  wordingVersion: '2023-1',
  givenBy: 'form',
  declined: { rauma: 2, pori: 0, kemi: 1, helsinki: 1, webinar: 1 },
  namedInReportsShare: 0.4,
  withdrawals: [
    { from: 'rauma', withdrawnOn: '2023-08-16', via: 'e-mail' },
    { from: 'kemi', withdrawnOn: '2023-10-04', via: 'e-mail' },
  ],
  ...doc('Työpajoihin osallistuneille viestittiin tulevista tapahtumista ja muusta hankkeen toiminnasta', {
    consents: 'The document says nothing of consent: who consented, to what, on which form, who declined and who withdrew are all invented',
  }),
};

/** A debrief of a workshop (`of`: its key) or of the chain (`of: 'chain'`): what worked, what to develop, lessons. */
export interface DemoDebrief extends Provenance {
  of: string;
  /** The debrief meeting: one of the core team's meetings of demo-2023.data.ts. */
  heldOn: string;
  authorRole: DebriefAuthorRole;
  whatWorked: string;
  whatToDevelop: string;
  lessons: string[];
  /** The passages of the document the texts translate, verbatim. */
  quotes: string[];
}

const PER_WORKSHOP =
  'The document evaluates the chain as a whole, not workshop by workshop: which of its findings (translated, shortened) is told of which workshop is invented; the meeting is the core team\'s debrief ("Tärkeätä oli myös toteutuksen jälkeen vaihtaa ajatuksia kokemuksista järjestäjien kesken")';

export const DEMO_DEBRIEFS: DemoDebrief[] = [
  {
    of: 'rauma',
    heldOn: '2023-04-28',
    authorRole: 'core-team',
    whatWorked:
      "The City of Rauma offered the city hall's fine setting. The theme was chosen together with the partners, and the planning drew on the results of the NGO survey done in Rauma. Participants could put questions to the speakers.",
    whatToDevelop: 'The workshop tuned up networks and started collaboration that got going in earnest only after it: follow it up.',
    lessons: ['Map the possible partners, partnerships and their resources thoroughly: it saves work and costs.'],
    quotes: [
      'Rauman kaupunki tarjosi tapahtumalle kaupungintalon upeat puitteet',
      'Suunnittelussa hyödynnettiin Raumalla toteutetun järjestökyselyn tuloksia ja tapaamisen teema valittiin yhdessä keskustellen.',
      'Niissä viriteltiin verkostoja ja käynnisteltiin yhteistyötä, joka lähti todenteolla rullaamaan vasta työpajan jälkeen.',
      'Kartoittamalla kattavasti mahdolliset yhteistyötahot, kumppanuudet ja niiden resurssit, voidaan säästää työmäärää ja kuluja.',
    ],
    ...doc('Tärkeätä oli myös toteutuksen jälkeen vaihtaa ajatuksia kokemuksista järjestäjien kesken', { workshop: PER_WORKSHOP }),
  },
  {
    of: 'pori',
    heldOn: '2023-06-16',
    authorRole: 'core-team',
    whatWorked:
      "The bench café, MSL's model for hearing residents, made open, low-threshold participation possible at a public event that gathers a wide crowd. The City of Pori gave tent space on the pedestrian street free of charge, Porin Ohjaamo room for storage, MSL its know-how and materials; the coffee was sponsored by a local roastery. Citizens' views were forwarded to decision-makers.",
    whatToDevelop: 'With new partners, make the division of work clear and check it (once more, tactfully); build trust from the start, e.g. by meeting face to face.',
    lessons: ['Sharing drives collaboration: one partner has good premises, another materials, know-how and networks.'],
    quotes: [
      'Menetelmä mahdollistaa avoimen matalan kynnyksen osallistumisen.',
      'Porin kaupunki puolestaan tarjosi telttapaikan kävelykadulta maksutta käyttöömme',
      'Yhteistyö Porin Ohjaamon kanssa mahdollisti tilojen käytön tavaran säilytykseen',
      'Penkkikahvilaan saatiin sponsoroidut kahvit paikalliselta paahtimolta',
      'Etenkin jos kyseessä uudet yhteistyökumppanit on nämä hyvä selkiyttää ja varmistaa (vielä kerran hienovaraisesti).',
      'On hyvä luoda heti alkuun hyvä luottamuksen ilmapiiri, jota voidaan edistää esim. tapaamisilla kasvokkain.',
      'Yhdellä on tarjota hyvät tilat, toisella materiaaleja, osaamista ja verkostoja.',
    ],
    ...doc('Tärkeätä oli myös toteutuksen jälkeen vaihtaa ajatuksia kokemuksista järjestäjien kesken', { workshop: PER_WORKSHOP }),
  },
  {
    of: 'kemi',
    heldOn: '2023-09-14',
    authorRole: 'core-team',
    whatWorked:
      'The hybrid workshop brought Lappish social enterprises and regional and national developers of the social economy into one discussion; the online part took the distances into account.',
    whatToDevelop:
      'Planning together can feel laborious and at times muddled at first. It pays off, as there are more hands and responsibility can be shared, but someone must hold the threads and know how to delegate.',
    lessons: ['Take regionality into account: not only the capital region, and webinars or hybrid events for the distances.'],
    quotes: [
      'lappilaiset yhteiskunnalliset yritykset ja alueelliset ja valtakunnalliset yhteisötalouden kehittäjät samaan keskusteluun',
      'sekä välimatkat (webinaarit ja hybriditoteutus)',
      'Yhdessä "tahkoaminen" kuitenkin kannattaa, koska tekijöitä on useampia ja vastuuta voi jakaa (mutta tarvitaan kuitenkin joku, jolla on "langat käsissään" ja taito delegoida...).',
      'Työpajoja järjestettäessä oli tärkeää huomioida alueellisuus.',
    ],
    ...doc('Tärkeätä oli myös toteutuksen jälkeen vaihtaa ajatuksia kokemuksista järjestäjien kesken', { workshop: PER_WORKSHOP }),
  },
  {
    of: 'helsinki',
    heldOn: '2023-10-13',
    authorRole: 'core-team',
    whatWorked:
      "Asking at registration what the guests expected of the workshop and of the coming competence centre, and discussing in table groups, made networking work. Leftover catering from another event was used.",
    whatToDevelop: 'An invitation-only event: bringing in new people and partners takes more work, but openness and inviting them matter and are always worth trying.',
    lessons: ['Tell participants about the coming events and the project: some come to several workshops.'],
    quotes: [
      'Ilmoittautumisen yhteydessä kartoitettiin osallistujien odotuksia ja toiveita työpajalle ja tulevalle osaamiskeskukselle.',
      'Työpajoissa ideoitiin ja kokeiltiin erilaisia tapoja tehostaa osallistujien verkostoitumista.',
      'yhdessä työpajassa hyödynnettiin toisesta tilaisuudesta ylijääneitä tarjoiluja',
      'Uusien ihmisten ja yhteistyötahojen mukaan saaminen voi olla työläämpää, mutta avoimuus ja mukaan kutsuminen on tärkeää ja kannattaa aina yrittää!',
      'Työpajoihin osallistuneille viestittiin tulevista tapahtumista ja muusta hankkeen toiminnasta ja osa osallistuikin useampaan työpajaan.',
    ],
    ...doc('Tärkeätä oli myös toteutuksen jälkeen vaihtaa ajatuksia kokemuksista järjestäjien kesken', { workshop: PER_WORKSHOP }),
  },
  {
    // The webinar had no debrief meeting of its own in the demo: it was debriefed at the final one, with the chain.
    of: 'webinar',
    heldOn: '2023-10-30',
    authorRole: 'core-team',
    whatWorked: 'Wishes and advance questions on the registration form; questions during the webinar and a discussion at the end. It cost next to nothing: existing resources were used.',
    whatToDevelop: 'A clear division of work saves a lot of time: keep to what was agreed and make sure everyone knows their role.',
    lessons: ['Good planning, advance preparation and timely communication are essential.'],
    quotes: [
      'Annettiin mahdollisuus työpajaan osallistuville esittää ilmoittautumislomakkeella etukäteen toiveita ja ennakkokysymyksiä ennen työpajaa.',
      'Halvimmillaan työpajan järjestäminen oli osallistujien ja järjestäjien palkkakuluja huomioimatta pyöreät nolla euroa',
      'Selkeä työnjako on tärkeää ja säästää paljon aikaa.',
      'Oleellista työpajojen järjestämisessä on/oli hyvä suunnittelu, etukäteisvalmistelu ja oikea-aikainen viestintä.',
    ],
    ...doc('Tärkeätä oli myös toteutuksen jälkeen vaihtaa ajatuksia kokemuksista järjestäjien kesken', { workshop: PER_WORKSHOP }),
  },
  {
    of: 'chain',
    heldOn: '2023-10-30',
    authorRole: 'core-team',
    whatWorked:
      'Understanding of social innovations grew and word of the coming competence centre spread. The workshops set off follow-up and collaboration locally and nationally, widened the networks of those taking part and brought useful experience, new ways of working and new perspectives. They formed a chain, a whole, not single events. The most valuable gain for the competence centre was the connection to citizens and future partners.',
    whatToDevelop:
      'Planning needs time and work. Bringing in new people and partners is harder than working with those one knows, so start from earlier collaboration for continuity, but keep inviting others.',
    lessons: [
      'Map the existing resources and possible synergies first.',
      'Involve the partners in planning and running: their views, networks and resources.',
      'A clear division of work saves time; build trust early.',
      'Take regionality and distances into account.',
    ],
    quotes: [
      'Ymmärrys sosiaalisista innovaatioista on lisääntynyt ja olemme jakaneet tietoa tulevasta osaamiskeskuksesta.',
      'Työpajoista on paikallisesti ja valtakunnallisesti virinnyt jatkoa ja yhteistyötä, joissa työpaja ollut liikkeellepanijana.',
      'Työpajat ovat lisänneet osallistuvien tahojen verkostojen ja yhteistyötahojen lisäksi hyödyllistä kokemusta, uusia toimintatapoja ja sekä myös uutta perspektiiviä asioihin.',
      'Työpajat eivät olleet pelkästään yksittäisiä tapahtumia, vaan niistä muodostui ketju ja kokonaisuus',
      'Osaamiskeskuksen kehittämiselle tärkein anti oli yhteys kansalaisiin ja tuleviin yhteistyökumppaneihin.',
      'Suunnitteluun tarvitaan aikaa ja työpanosta.',
      'Eri tahoja kokoava työpaja tms. olisi kätevintä järjestää sellaisten kumppanien kanssa, joiden kanssa tehnyt yhteistyötä jo aiemmin.',
      'mitä olemassa olevia resursseja voidaan hyödyntää ja miten maksimoidaan mahdolliset synergiaedut',
      'Suunnittelussa on tärkeää huomioida mahdollisimman kattavasti yhteistyökumppanien näkemykset, verkostot ja resurssit.',
      'Selkeä työnjako on tärkeää ja säästää paljon aikaa.',
      'Työpajoja järjestettäessä oli tärkeää huomioida alueellisuus.',
    ],
    ...doc('Arvioinnin tulokset tiivistettynä', { heldOn: 'The document gives no date: the final core-team debrief of the demo' }),
  },
];

/** Everything of this file that the seed loads. */
export interface DemoRelationships {
  offers: DemoOffer[];
  contacts: DemoContact[];
  consents: typeof DEMO_CONSENTS;
  debriefs: DemoDebrief[];
}

export const DEMO_RELATIONSHIPS: DemoRelationships = { offers: DEMO_OFFERS, contacts: DEMO_CONTACTS, consents: DEMO_CONSENTS, debriefs: DEMO_DEBRIEFS };
