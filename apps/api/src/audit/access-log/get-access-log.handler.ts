import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { PersonalDataAccessLog, PRIVACY_SECRETS, type AccessedEndpoint } from '@kuhina/application';
import { EVENT_STORE, type EventStore } from '@kuhina/event-store';
import { pseudonym, type PrivacySecrets } from '@kuhina/privacy';
import { GetAccessLogQuery } from './get-access-log.query';

export interface AccessLogEntry {
  /** When the answer was given. */
  at: string;
  /** API key name and its role. */
  accessedBy: string;
  role: string;
  endpoint: AccessedEndpoint;
  requestId: string;
  /** Everyone the same answer revealed, as pseudonyms (the same ones analysts see). */
  people: string[];
  /** The access event, for `GET /audit/trace/:eventId`. */
  eventId: string;
  position: string;
}

export interface AccessLogAnswer {
  personId: string;
  /** The person's pseudonym, to find them in `people`. */
  pseudonym: string;
  accesses: AccessLogEntry[];
}

const UUID_IN_TEXT = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** Who saw a person's personal data; reads the access-log stream (no projection, see PersonalDataAccessLog.accessesOf for the cost). */
@QueryHandler(GetAccessLogQuery)
export class GetAccessLogHandler implements IQueryHandler<GetAccessLogQuery, AccessLogAnswer> {
  private readonly log: PersonalDataAccessLog;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(PRIVACY_SECRETS) private readonly secrets: PrivacySecrets,
  ) {
    this.log = new PersonalDataAccessLog(store);
  }

  async execute({ personId }: GetAccessLogQuery): Promise<AccessLogAnswer> {
    const named = new Map<string, string>();
    const alias = (id: string): string => {
      let known = named.get(id);
      if (known === undefined) named.set(id, (known = pseudonym(id, this.secrets.pseudonymKey)));
      return known;
    };
    const found = await this.log.accessesOf(personId);
    // The endpoint's id (GET /people/:id) and a client-chosen request id can name a person too: only as pseudonyms.
    const people = new Set([personId.toLowerCase(), ...found.flatMap((access) => access.people)]);
    const hide = (text: string): string => text.replace(UUID_IN_TEXT, (id) => (people.has(id.toLowerCase()) ? alias(id.toLowerCase()) : id));
    const accesses = found.map(
      (access): AccessLogEntry => ({
        at: access.at,
        accessedBy: access.accessedBy,
        role: access.role,
        endpoint: { ...access.endpoint, id: access.endpoint.id === null ? null : hide(access.endpoint.id) },
        requestId: hide(access.requestId),
        people: access.people.map(alias),
        eventId: access.eventId,
        position: access.position.toString(),
      }),
    );
    return { personId, pseudonym: alias(personId), accesses };
  }
}
