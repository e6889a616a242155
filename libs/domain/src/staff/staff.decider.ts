import { assertNever, type Decider } from '../shared/decider';
import { conflict, invalid } from '../shared/domain-error';
import { fieldChecks } from '../shared/field-checks';
import { isCents } from '../shared/rules';
import type { SetHourlyRate, StaffCommand } from './staff.commands';
import { StaffErrors as E } from './staff.errors';
import type { HourlyRate, StaffEvent } from './staff.events';
import type { StaffState } from './staff.state';

const field = fieldChecks(E.INVALID_FIELD);

/** Whether a rate applies on an ISO date (dates compare as text). */
export const rateCovers = (rate: Pick<HourlyRate, 'validFrom' | 'validUntil'>, day: string): boolean => rate.validFrom <= day && (rate.validUntil === null || day <= rate.validUntil);

/** The hourly rate of a staff member on a day, or null (not staff, or no rate covers it). Rates never overlap. */
export function rateOn(state: StaffState, day: string): HourlyRate | null {
  if (state.status === 'empty') return null;
  return state.rates.find((rate) => rateCovers(rate, day)) ?? null;
}

const overlaps = (a: HourlyRate, b: HourlyRate): boolean => a.validFrom <= (b.validUntil ?? '9999-12-31') && b.validFrom <= (a.validUntil ?? '9999-12-31');
const sameRate = (a: HourlyRate, b: HourlyRate): boolean =>
  a.hourlyRateCents === b.hourlyRateCents && a.validFrom === b.validFrom && a.validUntil === b.validUntil && a.basis === b.basis;

function setHourlyRate({ data, at }: SetHourlyRate, state: StaffState): StaffEvent[] {
  field.text(data.personId, 'personId');
  field.text(data.rateId, 'rateId');
  if (!isCents(data.hourlyRateCents) || data.hourlyRateCents === 0) {
    throw invalid(E.INVALID_FIELD, 'hourlyRateCents must be a whole number of cents above 0', { field: 'hourlyRateCents', value: data.hourlyRateCents });
  }
  field.date(data.validFrom, 'validFrom');
  if (data.validUntil !== null) field.date(data.validUntil, 'validUntil');
  if (data.validUntil !== null && data.validUntil < data.validFrom) {
    throw invalid(E.INVALID_FIELD, 'validUntil must not be before validFrom', { field: 'validUntil', value: data.validUntil });
  }
  field.text(data.basis, 'basis');
  const rate: HourlyRate = { rateId: data.rateId, hourlyRateCents: data.hourlyRateCents, validFrom: data.validFrom, validUntil: data.validUntil, basis: data.basis };
  const rates = state.status === 'staff' ? state.rates : [];
  const known = rates.find((r) => r.rateId === rate.rateId);
  if (known) {
    if (sameRate(known, rate)) return [];
    throw conflict(E.RATE_ALREADY_EXISTS, `Rate id ${rate.rateId} is taken`, { rateId: rate.rateId });
  }
  const clash = rates.find((r) => overlaps(r, rate));
  if (clash) {
    throw conflict(E.RATE_OVERLAP, `Rate ${clash.rateId} already covers ${clash.validFrom}–${clash.validUntil ?? 'onwards'}`, { rateId: clash.rateId, validFrom: clash.validFrom, validUntil: clash.validUntil });
  }
  return [{ type: 'HourlyRateSet', data: { personId: data.personId, ...rate, at } }];
}

function decide(command: StaffCommand, state: StaffState): StaffEvent[] {
  switch (command.type) {
    case 'SetHourlyRate':
      return setHourlyRate(command, state);
    default:
      return assertNever(command.type, 'staff command');
  }
}

function evolve(state: StaffState, event: StaffEvent): StaffState {
  switch (event.type) {
    case 'HourlyRateSet': {
      const { personId, rateId, hourlyRateCents, validFrom, validUntil, basis } = event.data;
      const rate = { rateId, hourlyRateCents, validFrom, validUntil, basis };
      return { status: 'staff', personId, rates: state.status === 'staff' ? [...state.rates, rate] : [rate] };
    }
    default:
      return assertNever(event.type, 'staff event');
  }
}

/** A staff member of the project: hourly rates by period, so every hour recorded has one cost. */
export const staffDecider: Decider<StaffCommand, StaffEvent, StaffState> = { decide, evolve, initialState: { status: 'empty' } };
