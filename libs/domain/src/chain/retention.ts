import { invalid } from '../shared/domain-error';
import { ChainErrors } from './chain.errors';
import { isoDatePart } from '../shared/iso-date';

/** How long ESF+ records are kept after the year of the last payment (Regulation (EU) 2021/1060, Article 82). */
export const ESF_RETENTION_YEARS = 5;

/**
 * Last day on which the records of an operation must still be kept: five years from 31 December
 * of the year of the last payment, i.e. 31 December of (year + 5). Accepts an ISO date or date-time;
 * the year is taken as written (a local business date), never converted to UTC.
 */
export function retentionEndsOn(lastPaidOn: string): string {
  const date = isoDatePart(lastPaidOn);
  if (date === null) {
    throw invalid(ChainErrors.INVALID_DATE, `Not an ISO 8601 date: ${JSON.stringify(lastPaidOn)}`, { field: 'lastPaidOn' });
  }
  const year = Number(date.slice(0, 4)) + ESF_RETENTION_YEARS;
  return `${String(year).padStart(4, '0')}-12-31`;
}

/** True once records may be disposed of: the day after the retention end has been reached. */
export function isRetentionOver(retentionEnd: string, onDate: string): boolean {
  const end = isoDatePart(retentionEnd);
  const day = isoDatePart(onDate);
  if (end === null || day === null) {
    throw invalid(ChainErrors.INVALID_DATE, 'Retention check needs two ISO 8601 dates', { retentionEnd, onDate });
  }
  return day > end;
}
