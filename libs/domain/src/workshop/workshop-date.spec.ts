import { fold } from '../shared/decider';
import { atWorkshopTimeOfDay, workshopDate } from './workshop-date';
import { workshopDecider } from './workshop.decider';
import type { WorkshopEvent } from './workshop.events';
import { at, event, registrationOpened, workshopCancelled, workshopHeld, workshopPlanned, workshopReported } from './workshop.spec-helper';

const stateAfter = (...events: WorkshopEvent[]) => fold(workshopDecider, events);

describe('workshopDate: the date a workshop fact defaults to', () => {
  it('is null before the workshop is planned', () => {
    expect(workshopDate(workshopDecider.initialState)).toBeNull();
  });

  it('is the planned start while the workshop is not held, whatever its registration does', () => {
    expect(workshopDate(stateAfter(workshopPlanned()))).toBe('2023-04-19T09:00:00+03:00');
    expect(workshopDate(stateAfter(workshopPlanned(), registrationOpened))).toBe('2023-04-19T09:00:00+03:00');
  });

  it('follows a reschedule', () => {
    const rescheduled = event('WorkshopRescheduled', {
      startsAt: '2023-05-03T13:00:00+03:00',
      endsAt: '2023-05-03T16:00:00+03:00',
      location: null,
      previousStartsAt: '2023-04-19T09:00:00+03:00',
      previousEndsAt: '2023-04-19T12:00:00+03:00',
      rescheduledAt: at,
    });
    expect(workshopDate(stateAfter(workshopPlanned(), rescheduled))).toBe('2023-05-03T13:00:00+03:00');
  });

  it('is the held day at the planned start time of day once held, and stays so once reported', () => {
    // A two-day workshop held on its second day: the fact is dated that day, at 09:00 local time.
    const twoDays = workshopPlanned({ startsAt: '2023-04-18T09:00:00+03:00', endsAt: '2023-04-19T15:00:00+03:00' });
    expect(workshopDate(stateAfter(twoDays, workshopHeld))).toBe('2023-04-19T09:00:00+03:00');
    expect(workshopDate(stateAfter(twoDays, workshopHeld, workshopReported))).toBe('2023-04-19T09:00:00+03:00');
  });

  it('is the planned start of a cancelled workshop (its facts still belong to that day)', () => {
    expect(workshopDate(stateAfter(workshopPlanned(), workshopCancelled))).toBe('2023-04-19T09:00:00+03:00');
  });
});

describe('atWorkshopTimeOfDay', () => {
  it('puts a bare day at the workshop start time of day, with its offset', () => {
    expect(atWorkshopTimeOfDay('2024-03-14', '2024-03-10T09:30:00+02:00')).toBe('2024-03-14T09:30:00+02:00');
    expect(atWorkshopTimeOfDay('2024-03-14', '2024-03-10T07:00:00Z')).toBe('2024-03-14T07:00:00Z');
  });

  it('leaves a date-time as it is', () => {
    expect(atWorkshopTimeOfDay('2024-03-14T17:00:00+02:00', '2024-03-10T09:30:00+02:00')).toBe('2024-03-14T17:00:00+02:00');
  });
});
