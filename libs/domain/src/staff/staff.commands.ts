import type { DomainCommand } from '../shared/decider';
import type { HourlyRate } from './staff.events';

/** Makes the person a staff member of the project (if not yet) with an hourly cost for a period. */
export type SetHourlyRate = DomainCommand<'SetHourlyRate', HourlyRate & { personId: string }>;

export type StaffCommand = SetHourlyRate;
