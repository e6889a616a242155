import type { CommandBus } from '@nestjs/cqrs';
import { deriveCommandId, type CommandContext, type CommandResult } from '@kuhina/event-store';
import type { AggregateName, CommandOf } from '../aggregates';
import type { DemoWorkshop, Mode } from './demo-2023.data';
import type { DemoData, SeedReport } from './seed-demo';

/** Every id of the demo derives from this namespace and a readable key, so a second run finds the same ids and appends nothing. */
const NAMESPACE = '6f1c2a9e-2023-4c0d-9a51-6b2d3f4e5a60';
export const demoId = (key: string): string => deriveCommandId(NAMESPACE, key);

// What the demo seed's steps share: the ids, the one way to send a command, the people drawn so far, the dates.

export interface DemoPerson {
  key: string;
  orgKey: string;
  firstName: string;
  lastName: string;
}

export type Role = 'participant' | 'organiser' | 'host' | 'speaker';

/** A command's result as the seed counts it (a use case's answer or the generic one's). */
export type Tracked = { duplicate?: boolean; events?: unknown[]; position: bigint | null; created?: boolean };

/** The seed's state and helpers, handed to each step (chain level in seed-demo.ts, each workshop in seed-workshop.ts). */
export interface SeedSession {
  bus: CommandBus;
  data: DemoData;
  random: () => number;
  report: SeedReport;
  chainId: string;
  /** The request a command stands for: its id from the key, the (fictitious) user who typed it in. */
  context: (key: string, actor?: string) => CommandContext;
  run: <A extends AggregateName>(aggregate: A, key: string, command: CommandOf<A>, actor?: string) => Promise<CommandResult<unknown>>;
  track: (result: Tracked) => void;
  orgId: (key: string) => string;
  workshopId: (key: string) => string;
  ensurePerson: (person: DemoPerson, at: string) => Promise<string>;
  draw: (orgKey: string, staff: boolean, count: number, taken: Set<string>) => DemoPerson[];
  /** A new person of an organisation's staff, drawn first when the organisation next sends staff to a workshop. */
  recruit: (orgKey: string) => DemoPerson;
  memberId: (memberKey: string) => string;
  /** The hub's core team, organisers at every workshop. */
  coreTeam: DemoPerson[];
  /**
   * workshop key → the people its outreach told: at an invitation-only workshop the outreach invited them, so the seed
   * sends no invitation of its own (one that changes nothing would not be recognised as a retry on a second run).
   */
  told: Map<string, Set<string>>;
  finance: string;
}

/** What a workshop's run leaves for the steps after it: who came, in what role. */
export interface WorkshopOutcome {
  attended: Array<{ person: DemoPerson; role: Role; mode: Mode }>;
}

export const DAY_MS = 86_400_000;
export const day = (iso: string, offsetDays: number) => new Date(Date.parse(iso) + offsetDays * DAY_MS).toISOString();

/** Hours go in from the signed monthly timesheet: on the first weekday of the month after the day worked, in the morning. */
export function timesheetDay(workedOn: string): string {
  const [year, month] = workedOn.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(year, month, 1, 7)); // month is 1-based here, so this is the next month's first day
  const weekday = first.getUTCDay();
  return day(first.toISOString(), weekday === 6 ? 2 : weekday === 0 ? 1 : 0);
}

/** `count` days from `first` to `last` (YYYY-MM-DD), evenly spread; a weekend day moves to the Friday before. */
export function spreadDays(first: string, last: string, count: number): string[] {
  const from = Date.parse(`${first}T00:00:00.000Z`);
  const span = Math.max(0, Date.parse(`${last}T00:00:00.000Z`) - from);
  return Array.from({ length: count }, (_, n) => {
    const date = new Date(from + Math.round((count === 1 ? 0 : (span * n) / (count - 1)) / DAY_MS) * DAY_MS);
    const weekday = date.getUTCDay();
    const back = weekday === 6 ? 1 : weekday === 0 ? 2 : 0;
    return new Date(Math.max(from, date.getTime() - back * DAY_MS)).toISOString().slice(0, 10);
  });
}

/** The days of a workshop's joint planning meetings with its partners: from its planning start until three days before it. */
export const planningMeetingDays = (w: DemoWorkshop): string[] => spreadDays(w.planning.startsOn, day(w.startsAt, -3).slice(0, 10), w.planning.partnerMeetings);
