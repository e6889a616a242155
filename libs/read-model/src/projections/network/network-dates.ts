import { atWorkshopTimeOfDay, WORKSHOP_ROLES, type WorkshopRole } from '@kuhina/domain';
import type { NetworkOrigin, NetworkWorkshopView } from './network.view';

/** An instant as the log writes it (UTC); the value itself when it is none (a date the domain never let through). */
const utc = (value: string): string => {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString();
};

/**
 * The business date of everything a workshop brought into the network: the day it was held (at its planned start's
 * time of day) once held, else its planned or rescheduled start — the same rule as the default date of its facts
 * (`workshopDate` in the domain) — whenever each fact was typed in. Without a known start (a workshop that joined the
 * chain after it was planned), the date of the event that brought it in.
 */
export function networkDateOf(doc: Pick<NetworkWorkshopView, 'startsAt' | 'heldOn' | 'createdBy'>): string {
  if (doc.heldOn !== null) return utc(doc.startsAt === null ? `${doc.heldOn}T12:00:00Z` : atWorkshopTimeOfDay(doc.heldOn, doc.startsAt));
  return utc(doc.startsAt ?? doc.createdBy.date);
}

/** Decimal position strings (no sign, no leading zeros) compared as numbers, without BigInt parsing. */
export const comparePositions = (a: string, b: string): number => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

/** Earlier business date first, then earlier log position: the order in which facts joined the network. */
export const compareOrigins = (a: NetworkOrigin, b: NetworkOrigin): number => {
  const byDate = Date.parse(a.date) - Date.parse(b.date);
  return byDate !== 0 && !Number.isNaN(byDate) ? Math.sign(byDate) : comparePositions(a.position, b.position);
};

/** Which part of the network to assemble: up to a business date, and only the attendances of some roles. */
export interface NetworkFilter {
  /** Milliseconds of the last instant kept (see `asOfLimit`); nodes and joins dated after it are left out. */
  until?: number;
  /** Attendances of these roles only (default: every role); co-organisers, pledges and collaborations stay. */
  roles?: readonly WorkshopRole[];
}

/** Roles in their canonical order, each once. */
export const sortedRoles = (roles: Iterable<WorkshopRole>): WorkshopRole[] => {
  const set = new Set(roles);
  return WORKSHOP_ROLES.filter((role) => set.has(role));
};
