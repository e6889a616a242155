import { DeciderSpecification } from '@kuhina/testing';
import { workshopDecider } from '../workshop.decider';
import { WorkshopErrors as E } from '../workshop.errors';
import { at, command, event, planned, workshopCancelled } from '../workshop.spec-helper';

const sut = DeciderSpecification.for(workshopDecider);

const hours = { entryId: 'h-1', personId: 'p-core-1', activity: 'planning' as const, workedOn: '2023-03-14', minutes: 90, note: 'Programme with the city' };
const recorded = event('StaffHoursRecorded', { ...hours, recordedAt: at });

describe('Workshop decider: staff hours', () => {
  it('records hours spent on the workshop, also on a cancelled one (the time was still spent)', () => {
    sut.given(planned()).when(command('RecordStaffHours', hours)).then([recorded]);
    sut.given([...planned(), workshopCancelled]).when(command('RecordStaffHours', hours)).then([recorded]);
  });

  it('takes the same entry again as a retry; other hours under its id are refused', () => {
    sut.given([...planned(), recorded]).when(command('RecordStaffHours', hours)).thenNothingHappens();
    sut.given([...planned(), recorded]).when(command('RecordStaffHours', { ...hours, minutes: 120 })).thenThrows(E.STAFF_HOURS_ALREADY_EXISTS);
  });

  it('refuses an unknown activity, a bad day and minutes outside 1–1,440, naming the field', () => {
    sut.given(planned()).when(command('RecordStaffHours', { ...hours, activity: 'lunch' as never })).thenThrows(E.STAFF_HOURS_INVALID_FIELD);
    sut.given(planned()).when(command('RecordStaffHours', { ...hours, workedOn: '2023-02-29' })).thenThrows(E.STAFF_HOURS_INVALID_FIELD);
    for (const minutes of [0, 1441, 30.5]) sut.given(planned()).when(command('RecordStaffHours', { ...hours, minutes })).thenThrows(E.STAFF_HOURS_INVALID_FIELD);
  });

  it('voids recorded hours once (a second void is a retry), and refuses an unknown entry', () => {
    const voided = event('StaffHoursVoided', { entryId: 'h-1', personId: 'p-core-1', reason: 'Entered twice', voidedAt: at });
    sut.given([...planned(), recorded]).when(command('VoidStaffHours', { entryId: 'h-1', reason: 'Entered twice' })).then([voided]);
    sut.given([...planned(), recorded, voided]).when(command('VoidStaffHours', { entryId: 'h-1', reason: 'Entered twice' })).thenNothingHappens();
    sut.given(planned()).when(command('VoidStaffHours', { entryId: 'h-9', reason: 'x' })).thenThrows(E.STAFF_HOURS_NOT_FOUND);
  });
});
