import { DeciderSpecification } from '@kuhina/testing';
import { fold } from '../shared/decider';
import type { StaffCommand } from './staff.commands';
import { rateOn, staffDecider } from './staff.decider';
import { StaffErrors as E } from './staff.errors';
import type { HourlyRate, StaffEvent } from './staff.events';

const sut = DeciderSpecification.for(staffDecider);
const at = '2023-03-01T09:00:00.000Z';
const personId = 'p-core-1';
const spring: HourlyRate = { rateId: 'r-2023a', hourlyRateCents: 4_200, validFrom: '2023-01-01', validUntil: '2023-06-30', basis: 'Monthly salary 4,100 € + 24 % side costs / 121 h' };
const autumn: HourlyRate = { ...spring, rateId: 'r-2023b', hourlyRateCents: 4_350, validFrom: '2023-07-01', validUntil: null };
const setRate = (rate: HourlyRate): StaffCommand => ({ type: 'SetHourlyRate', data: { personId, ...rate }, at });
const rateSet = (rate: HourlyRate): StaffEvent => ({ type: 'HourlyRateSet', data: { personId, ...rate, at } });

describe('Staff member decider: hourly rates by period', () => {
  it('makes the person a staff member with a first rate, and adds a rate for the next period', () => {
    sut.given([]).when(setRate(spring)).then([rateSet(spring)]);
    sut.given([rateSet(spring)]).when(setRate(autumn)).then([rateSet(autumn)]);
  });

  it('takes the same rate again as a retry; another rate under its id is refused', () => {
    sut.given([rateSet(spring)]).when(setRate(spring)).thenNothingHappens();
    sut.given([rateSet(spring)]).when(setRate({ ...spring, hourlyRateCents: 5_000 })).thenThrows(E.RATE_ALREADY_EXISTS);
  });

  it('refuses a rate overlapping another: an hour must have one cost', () => {
    sut.given([rateSet(spring)]).when(setRate({ ...autumn, validFrom: '2023-06-30' })).thenThrows(E.RATE_OVERLAP);
    sut.given([rateSet(autumn)]).when(setRate({ ...spring, rateId: 'r-late', validFrom: '2024-01-01', validUntil: '2024-12-31' })).thenThrows(E.RATE_OVERLAP);
  });

  it('refuses a zero or fractional rate, a bad period, and no basis', () => {
    sut.given([]).when(setRate({ ...spring, hourlyRateCents: 0 })).thenThrows(E.INVALID_FIELD);
    sut.given([]).when(setRate({ ...spring, hourlyRateCents: 42.5 })).thenThrows(E.INVALID_FIELD);
    sut.given([]).when(setRate({ ...spring, validUntil: '2022-12-31' })).thenThrows(E.INVALID_FIELD);
    sut.given([]).when(setRate({ ...spring, validFrom: '2023-02-30' })).thenThrows(E.INVALID_FIELD);
    sut.given([]).when(setRate({ ...spring, basis: ' ' })).thenThrows(E.INVALID_FIELD);
  });

  it('answers the rate of a day: the period covering it, or none', () => {
    const state = fold(staffDecider, [rateSet(spring), rateSet(autumn)]);
    expect([rateOn(state, '2023-06-30')?.rateId, rateOn(state, '2023-07-01')?.rateId, rateOn(state, '2031-01-01')?.rateId, rateOn(state, '2022-12-31')]).toEqual(['r-2023a', 'r-2023b', 'r-2023b', null]);
    expect(rateOn(staffDecider.initialState, '2023-05-01')).toBeNull();
  });
});
