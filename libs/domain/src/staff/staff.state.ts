import type { HourlyRate } from './staff.events';

/** A staff member: the person and their hourly rates, in the order they were set. */
export type StaffState = { status: 'empty' } | { status: 'staff'; personId: string; rates: readonly HourlyRate[] };
