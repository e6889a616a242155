import {
  ChainErrors,
  chainStream,
  notFound,
  organizationStream,
  parseChainStream,
  parseOrganizationStream,
  parsePersonStream,
  parseStaffStream,
  parseWorkshopStream,
  personStream,
  staffStream,
  workshopStream,
  type WorkshopAddedToChain,
} from '@kuhina/domain';
import type { EventStore, RecordedEvent } from '@kuhina/event-store';
import { pseudonym } from '@kuhina/privacy';
import { PERSONAL_DATA_ACCESSED } from '../access-log/personal-data-accessed.event';
import { eventRef, figuresOf, type EventRef } from './audit-records';
import { buildLedger, type AuditLedger } from './audit-ledger';
import { chainFacts, peopleIn, type ChainFacts } from './chain-facts';
import { buildIndicators, type EsfIndicators } from './esf-indicators';

/** The audit reports' own refusal (a chain's and others' are the domain's). */
export const AuditErrors = { EVENT_NOT_FOUND: 'EVENT.NOT_FOUND' } as const;

/** Who reads: only the backoffice sees people's ids; auditors see stable pseudonyms. */
export interface AuditAudience {
  revealPeople: boolean;
}

/**
 * What caused an event, said plainly: the command it was decided by (a command writes all its events at once; an
 * API request sends one, the demo loader and the CLI send theirs), the earlier event that led to it, or — when the
 * event names no cause — the request alone. `request` is the correlation id: the API's request id (`X-Request-Id`),
 * or the run of the loader or CLI command. Fields that would be empty are left out.
 */
export type EventCause =
  | { kind: 'command'; id: string; request: string; summary: string }
  | { kind: 'event'; id: string; request: string; event: EventRef; summary: string }
  | { kind: 'request'; id: string; summary: string };

/** GET /audit/trace/:eventId */
export interface EventTrace {
  /** The event; `causationId` only when it has one. */
  event: EventRef & { causationId?: string; data: unknown };
  /** Who recorded it: the API user's name (or KUHINA_API_KEYS entry's), or the part of Kuhina that did (`seed`, `cli`, `retention`, `projector`). */
  recordedBy: string;
  causedBy: EventCause;
  /** Events this one caused (their causation id is this event's id). */
  caused: EventRef[];
  /** Other events of the same command (same causation id): written together, for one decision. */
  sameCommand: EventRef[];
  /** Events of the same request (same correlation id), the first 100 in log order. */
  sameRequest: EventRef[];
  /** How many events the request wrote besides this one (a bulk import writes hundreds under one correlation id). */
  sameRequestTotal: number;
  /** Every ledger figure and indicator that counts this event. */
  includedIn: Array<{ report: 'ledger' | 'indicators'; chainId: string; path: string; value: number }>;
}

const PAGE = 5000;
const SAME_REQUEST_SHOWN = 100;
const PERSON_STREAM = /^person-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UUID_IN_TEXT = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const byPosition = (a: RecordedEvent, b: RecordedEvent) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0);

/**
 * The auditors' reports, computed from the log itself (not from views): the chain's streams, the streams of the
 * organisations and people it involved. Always exactly what the log holds, and every figure can name its events.
 */
export class AuditReader {
  constructor(
    private readonly events: Pick<EventStore, 'readStream' | 'readAll' | 'findEvent'>,
    private readonly pseudonymKey: Buffer,
  ) {}

  async ledger(chainId: string, audience: AuditAudience): Promise<AuditLedger> {
    const facts = await this.facts(chainId);
    // The staff named by hours and rates too (their `staff-<id>` streams in the sources), not only attendees.
    return audience.revealPeople ? buildLedger(facts) : this.pseudonymise(buildLedger(facts), peopleIn(facts));
  }

  async indicators(chainId: string, audience: AuditAudience): Promise<EsfIndicators> {
    const facts = await this.facts(chainId);
    const reveal = audience.revealPeople;
    return this.present(buildIndicators(facts, (id) => (reveal ? id : pseudonym(id, this.pseudonymKey))), facts, audience);
  }

  /** The facts of a chain from its own streams and those of the workshops, organisations, people and staff members it involved. */
  async facts(chainId: string): Promise<ChainFacts> {
    const chainEvents = await this.events.readStream(chainStream(chainId));
    if (chainEvents.length === 0) throw notFound(ChainErrors.NOT_FOUND, `No chain ${chainId}`);
    const workshopIds = chainEvents.filter((e) => e.type === 'WorkshopAddedToChain').map((e) => (e.data as WorkshopAddedToChain['data']).workshopId);
    const workshopEvents = (await Promise.all([...new Set(workshopIds)].map((id) => this.events.readStream(workshopStream(id))))).flat();
    const organizations = new Set<string>();
    const people = new Set<string>();
    const staff = new Set<string>();
    for (const event of workshopEvents) {
      const data = event.data as { organizationId?: unknown; personId?: unknown };
      if (typeof data.organizationId === 'string') organizations.add(data.organizationId);
      if (typeof data.personId === 'string') people.add(data.personId);
    }
    // Hours (the workshops' and the chain's own) are costed at the rates on their people's staff streams.
    const staffHours = new Set(['StaffHoursRecorded', 'StaffHoursVoided', 'ChainStaffHoursRecorded', 'ChainStaffHoursVoided']);
    for (const event of [...chainEvents, ...workshopEvents]) {
      if (staffHours.has(event.type)) staff.add((event.data as { personId: string }).personId);
    }
    const streams = [...[...organizations].map(organizationStream), ...[...people].map(personStream), ...[...staff].map(staffStream)];
    const others = (await Promise.all(streams.map((stream) => this.events.readStream(stream)))).flat();
    return chainFacts(chainId, [...chainEvents, ...workshopEvents, ...others].sort(byPosition));
  }

  /** One event, its causation, and every figure that counts it; 404 for an id the log does not hold. */
  async trace(eventId: string, audience: AuditAudience): Promise<EventTrace> {
    // The event by its id (one index lookup on SQLite); then one pass over the log, start to end, keeping only what
    // concerns it (no index by causation or correlation is kept: trace is rare).
    const target = await this.events.findEvent(eventId);
    if (!target) throw notFound(AuditErrors.EVENT_NOT_FOUND, `No event ${eventId} in the log`);
    const { causationId, correlationId } = target.metadata;
    const chains = new Set<string>();
    const chainOfWorkshop = new Map<string, string>();
    let cause: RecordedEvent | undefined;
    const caused: EventRef[] = [];
    const sameCommand: EventRef[] = [];
    const sameRequest: EventRef[] = [];
    let sameRequestTotal = 0;
    // A person's or an organisation's own events count only in the chains whose workshops name them (as chainFacts
    // gathers them): collect those workshops on the way instead of building every chain's reports.
    const entity = parsePersonStream(target.stream) ?? parseOrganizationStream(target.stream);
    const entityWorkshops = new Set<string>();
    // Every person of the log, wherever the answer may name them (another event's data, a stream, a request id): an
    // access-log event lists the people an answer revealed, and its trace must not turn into the pseudonym ↔ id map.
    const everyone = new Set<string>();
    await this.scan((event) => {
      if (!audience.revealPeople) collectPeople(event, everyone);
      if (event.type === 'ChainStarted') chains.add((event.data as { chainId: string }).chainId);
      if (event.type === 'WorkshopAddedToChain') chainOfWorkshop.set((event.data as WorkshopAddedToChain['data']).workshopId, (event.data as WorkshopAddedToChain['data']).chainId);
      if (entity !== null) {
        const workshop = parseWorkshopStream(event.stream);
        const named = event.data as { personId?: unknown; organizationId?: unknown };
        if (workshop !== null && (named.personId === entity || named.organizationId === entity)) entityWorkshops.add(workshop);
      }
      if (event.id === causationId) cause = event;
      if (event.id === target.id) return;
      if (event.metadata.causationId === target.id) caused.push(eventRef(event));
      if (causationId !== null && event.metadata.causationId === causationId) sameCommand.push(eventRef(event));
      if (event.metadata.correlationId === correlationId && sameRequestTotal++ < SAME_REQUEST_SHOWN) sameRequest.push(eventRef(event));
    });

    // The chains whose reports can count it: its own chain for chain and workshop events, the chains of the workshops
    // naming a person or an organisation for their own events, every chain for a staff member's; none for a stream no
    // report reads (an access, an e-mail claim).
    const workshopId = (target.data as { workshopId?: unknown }).workshopId;
    const ownChain = parseChainStream(target.stream) ?? (typeof workshopId === 'string' ? chainOfWorkshop.get(workshopId) : undefined);
    // Reports are built from chain, workshop, organisation, person and staff streams only (see facts).
    const counted = [parseChainStream, parseWorkshopStream, parseOrganizationStream, parsePersonStream, parseStaffStream].some((parse) => parse(target.stream) !== null);
    const candidates = !counted
      ? []
      : ownChain !== undefined
        ? [ownChain]
        : entity !== null
          ? [...new Set([...entityWorkshops].flatMap((workshop) => chainOfWorkshop.get(workshop) ?? []))]
          : [...chains];
    const includedIn: EventTrace['includedIn'] = [];
    let involved: ChainFacts | undefined;
    for (const chainId of candidates) {
      const facts = await this.facts(chainId);
      const reports = { ledger: buildLedger(facts), indicators: buildIndicators(facts, (id) => id) } as const;
      for (const report of ['ledger', 'indicators'] as const) {
        for (const { path, figure } of figuresOf(reports[report])) {
          if (figure.sources.some((source) => source.eventId === target.id)) {
            includedIn.push({ report, chainId, path, value: figure.value });
            involved = facts;
          }
        }
      }
    }
    const trace: EventTrace = {
      event: { ...eventRef(target), ...(causationId !== null ? { causationId } : {}), data: target.data },
      recordedBy: target.metadata.actor,
      causedBy: causeOf(target, cause, sameCommand.length),
      caused,
      sameCommand,
      sameRequest,
      sameRequestTotal,
      includedIn,
    };
    if (audience.revealPeople) return trace;
    for (const id of peopleOf(target, involved)) everyone.add(id);
    return this.pseudonymise(trace, everyone);
  }

  /** Every event of the log, in order, page by page. */
  private async scan(visit: (event: RecordedEvent) => void): Promise<void> {
    for (let after: bigint | null = null; ; ) {
      const page = await this.events.readAll(after, PAGE);
      if (page.length === 0) return;
      for (const event of page) visit(event);
      after = page[page.length - 1]!.position;
    }
  }

  private present<T>(report: T, facts: ChainFacts, audience: AuditAudience): T {
    return audience.revealPeople ? report : this.pseudonymise(report, peopleIn(facts));
  }

  /**
   * Replaces every person id in a report (in ids, stream names and event data) by its pseudonym, and drops sealed
   * personal data: auditors trace figures to records without learning who the people are.
   */
  private pseudonymise<T>(report: T, people: ReadonlySet<string>): T {
    // Person ids are UUIDs: find the UUIDs in a text and swap those that are people, one set lookup each (asking
    // every text about every person was quadratic: 2.5 s for one chain's indicators with 10,000 people).
    const pseudonyms = new Map<string, string>();
    const pseudonymOf = (id: string): string => {
      let known = pseudonyms.get(id);
      if (known === undefined) pseudonyms.set(id, (known = pseudonym(id, this.pseudonymKey)));
      return known;
    };
    const replace = (text: string): string => (text.length < 36 ? text : text.replace(UUID_IN_TEXT, (id) => (people.has(id) ? pseudonymOf(id) : people.has(id.toLowerCase()) ? pseudonymOf(id.toLowerCase()) : id)));
    const walk = (value: unknown, key?: string): unknown => {
      if (key === 'personalData' && value !== null) return '[sealed personal data]';
      // Whatever the known set: a person field and a person's stream are always pseudonymised.
      if (key === 'personId' && typeof value === 'string') return pseudonymOf(value);
      if (typeof value === 'string' && PERSON_STREAM.test(value)) return `person-${pseudonymOf(value.slice('person-'.length))}`;
      if (typeof value === 'string') return replace(value);
      if (Array.isArray(value)) return value.map((item) => walk(item));
      if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
      return value;
    };
    return walk(report) as T;
  }
}

/** The trace's `causedBy`: what kind of thing the causation id names, in a sentence an auditor can read as it is. */
function causeOf(target: RecordedEvent, cause: RecordedEvent | undefined, othersOfCommand: number): EventCause {
  const { actor, causationId, correlationId } = target.metadata;
  if (causationId === null) return { kind: 'request', id: correlationId, summary: `Recorded by ${actor} in request ${correlationId}, with no command or event named as its cause.` };
  if (cause) {
    // No stream in the sentence: a person's stream names the person, and only the fields are pseudonymised for sure.
    const summary = `Recorded by ${actor} in request ${correlationId}, in answer to the event ${cause.type} ${cause.id} (causedBy.event).`;
    return { kind: 'event', id: causationId, request: correlationId, event: eventRef(cause), summary };
  }
  const others = othersOfCommand === 0 ? 'its only event' : `written with ${othersOfCommand} other event${othersOfCommand === 1 ? '' : 's'} (sameCommand)`;
  return { kind: 'command', id: causationId, request: correlationId, summary: `Recorded by ${actor} for command ${causationId} in request ${correlationId}: ${others}.` };
}

/** The people an event shows to be people: the ids of `person-` and `staff-` streams, of `personId` fields, and of an access's `people`. */
function collectPeople(event: RecordedEvent, into: Set<string>): void {
  const own = parsePersonStream(event.stream) ?? parseStaffStream(event.stream);
  if (own !== null) into.add(own);
  const data = event.data as { personId?: unknown; people?: unknown } | null;
  if (typeof data?.personId === 'string') into.add(data.personId);
  if (event.type === PERSONAL_DATA_ACCESSED && Array.isArray(data?.people)) for (const id of data.people) if (typeof id === 'string') into.add(id);
}

/** The people a trace may name: the person of the event's own stream or data, and the people of the chain it counts in. */
function peopleOf(event: RecordedEvent, facts: ChainFacts | undefined): Set<string> {
  // Staff members too: their `staff-<id>` streams name them as plainly as `person-<id>` does.
  const people = facts ? peopleIn(facts) : new Set<string>();
  const personId = (event.data as { personId?: unknown }).personId;
  if (typeof personId === 'string') people.add(personId);
  const own = parsePersonStream(event.stream) ?? parseStaffStream(event.stream);
  if (own !== null) people.add(own);
  return people;
}
