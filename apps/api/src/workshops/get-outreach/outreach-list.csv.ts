import { csvDocument, type CsvValue } from '@kuhina/analytics';
import type { OutreachPerson } from './get-outreach.handler';

/** The columns a mailing tool maps (name, e-mail) and what the back office filters by; the person id first. */
export const OUTREACH_CSV_COLUMNS = [
  'person_id',
  'name',
  'email',
  'organization_id',
  'organization',
  'workshops',
  'attended',
  'consent_since',
  'consent_source',
  'consent_wording_version',
  'already_told_on',
] as const;

/** One row per person on the list; `workshops` names what they took part in (title and day, `; ` between). */
export function outreachCsv(people: readonly OutreachPerson[]): string {
  const rows: CsvValue[][] = people.map((person) => [
    person.personId,
    person.name,
    person.email,
    person.organization?.organizationId ?? null,
    person.organization?.name ?? null,
    person.tookPart.map((w) => `${w.title} (${w.startsAt.slice(0, 10)})`).join('; '),
    person.tookPart.filter((w) => w.attended).length,
    person.consent.on,
    person.consent.source,
    person.consent.wordingVersion,
    person.alreadyTold?.sentOn ?? null,
  ]);
  return csvDocument(OUTREACH_CSV_COLUMNS, rows);
}

/**
 * The people a CSV list reveals, for the access log: the first column of every row after the header. Person ids are
 * UUIDs (no comma, quote or line break), so the first cell of a line is the id as written.
 */
export const peopleInCsv = (csv: string): string[] =>
  csv
    .split('\n')
    .slice(1)
    .map((line) => line.split(',', 1)[0]!)
    .filter((id) => id !== '');
