import type { ConsentRecord } from '@kuhina/domain';
import type { OutreachContactDocument, PersonDetailView, RegistrationDocument } from '@kuhina/read-model';
import { outreachCsv, peopleInCsv } from './outreach-list.csv';
import { outreachList, type SourceWorkshop } from './outreach-list';
import type { OutreachPerson } from './get-outreach.handler';

const rauma: SourceWorkshop = { workshopId: 'w-rauma', chainId: 'c-2023', title: 'Rauma', startsAt: '2023-04-19T09:00:00+03:00' };
const pori: SourceWorkshop = { workshopId: 'w-pori', chainId: 'c-2023', title: 'Pori', startsAt: '2023-07-05T10:00:00+03:00' };

const registration = (workshopId: string, personId: string, over: Partial<RegistrationDocument> = {}): RegistrationDocument =>
  ({ workshopId, registrationId: `${workshopId}-${personId}`, personId, organizationId: null, status: 'registered', attended: null, role: 'participant', outreachId: null, ...over }) as RegistrationDocument;
const given: ConsentRecord = { purpose: 'future-workshops', action: 'given', on: '2023-04-19', source: 'form', wordingVersion: 'v1' };
const person = (personId: string, consents: ConsentRecord[], over: Partial<PersonDetailView> = {}): PersonDetailView =>
  ({ personId, status: 'active', personalData: null, organizationId: null, createdAt: '', erasedAt: null, consents: consents.map((c) => ({ ...c, at: '', revision: 1 })), revision: 1, lastPosition: '1', ...over }) as PersonDetailView;

describe('outreachList', () => {
  const registrations = new Map([
    ['w-rauma', [registration('w-rauma', 'anna', { attended: 'on-site', organizationId: 'org-ngo' }), registration('w-rauma', 'ben'), registration('w-rauma', 'host', { role: 'host' }), registration('w-rauma', 'wait', { status: 'waitlisted' })]],
    ['w-pori', [registration('w-pori', 'anna'), registration('w-pori', 'cara', { status: 'cancelled' }), registration('w-pori', 'dan'), registration('w-pori', 'eve'), registration('w-pori', 'fay')]],
  ]);
  const people = new Map<string, PersonDetailView | null>([
    ['anna', person('anna', [given])],
    ['ben', person('ben', [given, { ...given, action: 'withdrawn', on: '2023-05-01', source: 'e-mail', wordingVersion: null }])],
    ['dan', person('dan', [])],
    ['eve', person('eve', [], { status: 'erased' })],
    ['fay', person('fay', [given])],
    ['host', person('host', [given])],
    ['wait', person('wait', [given])],
    ['cara', person('cara', [given])],
  ]);
  const contacts = new Map<string, OutreachContactDocument>([['anna', { workshopId: 'w-kemi', personId: 'anna', outreachId: 'o-1', channel: 'e-mail', sentOn: '2023-08-21', contacts: 1, lastPosition: '9' }]]);
  const list = outreachList({ sources: [pori, rauma], registrations, target: [registration('w-kemi', 'fay', { status: 'waitlisted' })], people, contacts });

  it('keeps each past participant once, with every workshop they held a seat at, in date order, and who told them already', () => {
    expect(list.candidates).toEqual([
      {
        personId: 'anna',
        organizationId: 'org-ngo',
        tookPart: [
          { workshopId: 'w-rauma', chainId: 'c-2023', title: 'Rauma', startsAt: rauma.startsAt, attended: true },
          { workshopId: 'w-pori', chainId: 'c-2023', title: 'Pori', startsAt: pori.startsAt, attended: false },
        ],
        consent: { on: '2023-04-19', source: 'form', wordingVersion: 'v1' },
        alreadyTold: { outreachId: 'o-1', channel: 'e-mail', sentOn: '2023-08-21', contacts: 1 },
      },
    ]);
  });

  it('counts the rest by reason; staff, waitlisted-only and cancelled registrations are not past participants at all', () => {
    expect(list.excluded).toEqual({ total: 4, byReason: { erased: 1, 'already-registered': 1, withdrawn: 1, 'no-consent': 1 } });
  });

  it('an unknown person (not in the view) counts as erased: nothing to tell them with', () => {
    const missing = outreachList({ sources: [rauma], registrations: new Map([['w-rauma', [registration('w-rauma', 'ghost')]]]), target: [], people: new Map(), contacts: new Map() });
    expect(missing.excluded.byReason.erased).toBe(1);
  });
});

describe('outreach CSV', () => {
  const person: OutreachPerson = {
    personId: '3d040a2b-080a-4e7f-b0b6-e950b62b4aba',
    name: 'Virtanen, "Aino"',
    email: 'aino@example.org',
    organization: null,
    tookPart: [{ workshopId: 'w-rauma', chainId: 'c', title: 'Rauma, city hall', startsAt: '2023-04-19T09:00:00+03:00', attended: true }],
    consent: { on: '2023-04-19', source: 'form', wordingVersion: 'v1' },
    alreadyTold: null,
  };

  it('quotes what needs quoting and names the people it reveals by their first column', () => {
    const csv = outreachCsv([person, { ...person, personId: '48493371-7bdb-4bcd-a720-903074f1beff' }]);
    expect(csv.split('\n')[1]).toBe('3d040a2b-080a-4e7f-b0b6-e950b62b4aba,"Virtanen, ""Aino""",aino@example.org,,,"Rauma, city hall (2023-04-19)",1,2023-04-19,form,v1,');
    expect(peopleInCsv(csv)).toEqual(['3d040a2b-080a-4e7f-b0b6-e950b62b4aba', '48493371-7bdb-4bcd-a720-903074f1beff']);
  });
});
