import { csvDocument, type CsvValue } from '@kuhina/analytics';
import type { ResourceEntry } from './resource-map';

export const RESOURCE_CSV_COLUMNS = [
  'rank',
  'organization_id',
  'organization',
  'sector',
  'kind',
  'source',
  'status',
  'description',
  'online',
  'municipality',
  'region',
  'capacity',
  'value_cents',
  'available_from',
  'available_until',
  'workshop_id',
  'workshop_title',
  'workshop_starts_at',
  'fulfilled_before',
] as const;

/**
 * The map as a spreadsheet: one row per offer and per pledge (source `offer` or `pledge`), each with its line's rank,
 * so that sorting by rank and filtering by any column gives the map back. A line with neither (never) has no rows.
 */
export function resourceMapCsv(entries: readonly ResourceEntry[]): string {
  const rows: CsvValue[][] = [];
  for (const entry of entries) {
    const line: CsvValue[] = [entry.rank, entry.organizationId, entry.organizationName, entry.sector, entry.kind];
    const fulfilled = entry.history.fulfilled;
    for (const offer of entry.offers) {
      rows.push([
        ...line,
        'offer',
        'active',
        offer.description,
        offer.online ? 'yes' : 'no',
        offer.municipality,
        offer.region,
        offer.capacity,
        offer.valueCents,
        offer.availableFrom,
        offer.availableUntil,
        null,
        null,
        null,
        fulfilled,
      ]);
    }
    for (const pledge of entry.workshops) {
      rows.push([
        ...line,
        'pledge',
        pledge.status,
        pledge.description,
        pledge.format === 'webinar' ? 'yes' : 'no',
        pledge.municipality,
        pledge.region,
        null,
        pledge.inKindValueCents,
        null,
        null,
        pledge.workshopId,
        pledge.title,
        pledge.startsAt,
        fulfilled,
      ]);
    }
  }
  // A byte order mark: Excel opens ä and ö right from a double-click.
  return csvDocument(RESOURCE_CSV_COLUMNS, rows, { bom: true });
}
