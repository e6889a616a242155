import { DeciderSpecification } from '@kuhina/testing';
import { workshopDecider } from '../workshop.decider';
import { WorkshopErrors as E } from '../workshop.errors';
import type { RecordOutreach } from '../workshop.commands';
import { at, command, event, heldWithAnna, invitationOnly, open, planned, register, registered, waitlisted, workshopCancelled } from '../workshop.spec-helper';
import { MAX_OUTREACH_PEOPLE } from './outreach';

const sut = DeciderSpecification.for(workshopDecider);

type Outreach = Omit<RecordOutreach['data'], 'workshopId'>;
const mailing: Outreach = { outreachId: 'o-1', channel: 'e-mail', sentOn: '2023-03-01', personIds: ['anna', 'ben'], note: 'Invitation letter, spring 2023' };
const recordOutreach = (overrides: Partial<Outreach> = {}) => command('RecordOutreach', { ...mailing, ...overrides });
const outreachRecorded = (overrides: Partial<Outreach> = {}, firstContacts?: number) => {
  const data = { ...mailing, ...overrides };
  return event('OutreachRecorded', { ...data, firstContacts: firstContacts ?? data.personIds.length, recordedAt: at });
};
const invited = (personId: string) => event('PersonInvited', { personId, role: 'participant', invitedAt: at });

describe('Workshop decider: outreach', () => {
  it('records who was told, how and when, before the workshop', () => {
    sut.given(planned()).when(recordOutreach()).then([outreachRecorded()]);
    sut.given(open()).when(recordOutreach()).then([outreachRecorded()]);
  });

  it('the same outreach again is a retry; another under the same id is a conflict (409 OUTREACH.ALREADY_EXISTS)', () => {
    sut.given([...open(), outreachRecorded()]).when(recordOutreach()).then([]);
    sut.given([...open(), outreachRecorded()]).when(recordOutreach({ channel: 'phone' })).thenThrows(E.OUTREACH_ALREADY_EXISTS);
  });

  it('counts the people no earlier outreach of the workshop told (a reminder reaches nobody new)', () => {
    sut
      .given([...open(), outreachRecorded()])
      .when(recordOutreach({ outreachId: 'o-2', personIds: ['ben', 'carl'], sentOn: '2023-03-01' }))
      .then([outreachRecorded({ outreachId: 'o-2', personIds: ['ben', 'carl'] }, 1)]);
  });

  it('invites the people told to an invitation-only workshop (the outreach is the invitation), each once', () => {
    sut
      .given([...open(invitationOnly), invited('anna')])
      .when(recordOutreach())
      .then([outreachRecorded(), invited('ben')]);
  });

  it('attributes a registration to the latest outreach that told the person; others to none', () => {
    const second = outreachRecorded({ outreachId: 'o-2', personIds: ['anna'] }, 0);
    const attributed = registered('r-anna', 'anna');
    sut.given([...open(), outreachRecorded(), second]).when(register('r-anna', 'anna')).then([{ ...attributed, data: { ...attributed.data, outreachId: 'o-2' } }]);
    sut.given([...open(), outreachRecorded()]).when(register('r-carl', 'carl')).then([registered('r-carl', 'carl')]);
  });

  it('attributes a waitlisting too (the person followed the outreach; the seat is another matter)', () => {
    const full = [...open({ capacity: 1 }), registered('r-dora', 'dora'), outreachRecorded()];
    const line = waitlisted('r-ben', 'ben', 1);
    sut.given(full).when(register('r-ben', 'ben')).then([{ ...line, data: { ...line.data, outreachId: 'o-1' } }]);
  });

  it('never attributes the people running the workshop (they are not reached, they run it)', () => {
    sut.given([...open(), outreachRecorded()]).when(register('r-anna', 'anna', { role: 'speaker' })).then([registered('r-anna', 'anna', { role: 'speaker' })]);
  });

  it('refuses once the workshop was held or cancelled (409)', () => {
    sut.given(heldWithAnna()).when(recordOutreach()).thenThrows(E.ALREADY_HELD);
    sut.given([...planned(), workshopCancelled]).when(recordOutreach()).thenThrows(E.CANCELLED);
  });

  it('refuses a day after the record (422 OUTREACH.SENT_AFTER_RECORD), one day of slack for time zones', () => {
    sut.given(open()).when(recordOutreach({ sentOn: '2023-03-03' })).thenThrows(E.OUTREACH_SENT_AFTER_RECORD);
    sut.given(open()).when(recordOutreach({ sentOn: '2023-03-02' })).then([outreachRecorded({ sentOn: '2023-03-02' })]);
  });

  it.each<[string, Partial<Outreach>]>([
    ['no people', { personIds: [] }],
    ['a person twice', { personIds: ['anna', 'anna'] }],
    ['a blank id', { personIds: ['anna', ' '] }],
    ['too many people', { personIds: Array.from({ length: MAX_OUTREACH_PEOPLE + 1 }, (_, i) => `p-${i}`) }],
    ['an unknown channel', { channel: 'carrier-pigeon' as Outreach['channel'] }],
    ['a day that is not a date', { sentOn: '1.3.2023' }],
    ['a blank note', { note: ' ' }],
    ['a blank id of the outreach', { outreachId: '' }],
  ])('refuses %s (400 OUTREACH.INVALID_FIELD)', (_what, overrides) => {
    sut.given(open()).when(recordOutreach(overrides)).thenThrows(E.OUTREACH_INVALID_FIELD);
  });

  it('refuses an unknown workshop (404)', () => {
    sut.given([]).when(recordOutreach()).thenThrows(E.NOT_FOUND);
  });
});
