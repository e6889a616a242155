import { DeciderSpecification } from '@kuhina/testing';
import { workshopDecider } from '../workshop.decider';
import { WorkshopErrors as E } from '../workshop.errors';
import { at, command, event, open, planned, workshopCancelled, workshopHeld, workshopReported } from '../workshop.spec-helper';
import { DebriefErrors, type Debrief } from './debrief';

const sut = DeciderSpecification.for(workshopDecider);

const debrief: Debrief = {
  whatWorked: 'Futures workshop method; questions to speakers in advance.\nThe city hall as venue.',
  whatToDevelop: 'Tell participants about the next workshops before they leave.',
  lessons: ['Map partners and their resources first', 'Work with partners you already know'],
  authorRole: 'joint',
  heldOn: '2023-04-26',
};
const recordDebrief = (overrides: Partial<Debrief> = {}) => command('RecordWorkshopDebrief', { ...debrief, ...overrides });
const debriefRecorded = (version: number, overrides: Partial<Debrief> = {}) => event('WorkshopDebriefRecorded', { ...debrief, ...overrides, version, recordedAt: at });
const held = () => [...planned(), workshopHeld];

describe('Workshop decider: debrief', () => {
  it('records the first debrief of a held workshop as version 1', () => {
    sut.given(held()).when(recordDebrief()).then([debriefRecorded(1)]);
  });

  it('is allowed after the report and after a cancellation (why it fell through is a lesson too)', () => {
    sut.given([...held(), workshopReported]).when(recordDebrief()).then([debriefRecorded(1)]);
    sut.given([...planned(), workshopCancelled]).when(recordDebrief()).then([debriefRecorded(1)]);
  });

  it('a different record revises it: version n+1 (the earlier stays in the log)', () => {
    sut.given([...held(), debriefRecorded(1)]).when(recordDebrief({ whatToDevelop: 'Start outreach a month earlier.' })).then([debriefRecorded(2, { whatToDevelop: 'Start outreach a month earlier.' })]);
  });

  it('the same debrief again is a retry: no event', () => {
    sut.given([...held(), debriefRecorded(1)]).when(recordDebrief()).then([]);
  });

  it('keeps heldOn null when the meeting day is not said (the business time dates it)', () => {
    sut.given(held()).when(recordDebrief({ heldOn: null })).then([debriefRecorded(1, { heldOn: null })]);
  });

  it('refuses before the workshop is held (409 WORKSHOP.NOT_HELD)', () => {
    sut.given(open()).when(recordDebrief()).thenThrows(E.NOT_HELD);
  });

  it('refuses an unknown workshop (404)', () => {
    sut.given([]).when(recordDebrief()).thenThrows(E.NOT_FOUND);
  });

  it.each<[string, Partial<Debrief>]>([
    ['both texts blank', { whatWorked: ' ', whatToDevelop: '' }],
    ['a blank lesson', { lessons: ['ok', ' '] }],
    ['an unknown author role', { authorRole: 'mayor' as Debrief['authorRole'] }],
    ['a day that is not a date', { heldOn: '26.4.2023' }],
    ['a control character', { whatWorked: 'bell\u0007' }],
    ['lessons not a list', { lessons: 'one' as unknown as string[] }],
  ])('refuses %s (400 DEBRIEF.INVALID_FIELD)', (_what, overrides) => {
    sut.given(held()).when(recordDebrief(overrides)).thenThrows(DebriefErrors.INVALID_FIELD);
  });

  it('takes one text alone: what worked, or what to develop', () => {
    sut.given(held()).when(recordDebrief({ whatWorked: '' })).then([debriefRecorded(1, { whatWorked: '' })]);
  });
});
