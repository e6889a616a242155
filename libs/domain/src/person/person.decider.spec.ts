import { DeciderSpecification } from '@kuhina/testing';
import { fold } from '../shared/decider';
import type { PersonCommand } from './person.commands';
import { personDecider } from './person.decider';
import { PersonErrors } from './person.errors';
import type { EncryptedPersonalData, PersonEvent } from './person.events';

const personId = 'p0000000-0000-4000-8000-000000000001';
const cityOfPori = 'o0000000-0000-4000-8000-000000000002';
const ngo = 'o0000000-0000-4000-8000-000000000003';
const at = '2023-04-01T10:00:00+03:00';
const later = '2023-06-01T10:00:00+03:00';

// Opaque envelopes: the domain never sees what is inside.
const sealed = (ciphertext: string, iv = 'AAECAwQFBgcICQoL'): EncryptedPersonalData => ({
  alg: 'A256GCM',
  keyId: 'key-p1',
  iv,
  tag: 'AAECAwQFBgcICQoLDA0ODw==',
  ciphertext,
});
const first = sealed('c2VhbGVkLTE=');
const second = sealed('c2VhbGVkLTI=', 'CwoJCAcGBQQDAgEA');
const blindIndex = 'a3f1c2d4e5b60718293a4b5c6d7e8f90a3f1c2d4e5b60718293a4b5c6d7e8f90';
const otherBlindIndex = 'b3f1c2d4e5b60718293a4b5c6d7e8f90a3f1c2d4e5b60718293a4b5c6d7e8f90';

const profile = { gender: 'female', ageBand: '30-54', labourMarketStatus: 'employed', educationLevel: 'unknown' } as const;
const create = (overrides: Record<string, unknown> = {}): PersonCommand =>
  ({ type: 'CreatePerson', data: { personId, personalData: first, emailBlindIndex: blindIndex, organizationId: cityOfPori, esfProfile: profile, ...overrides }, at }) as PersonCommand;
const created: PersonEvent = {
  type: 'PersonCreated',
  data: { personId, personalData: first, emailBlindIndex: blindIndex, organizationId: cityOfPori, esfProfile: profile, at },
};
const updateData = (personalData: unknown, emailBlindIndex: string | null = blindIndex): PersonCommand =>
  ({ type: 'UpdatePersonalData', data: { personId, personalData, emailBlindIndex }, at: later }) as PersonCommand;
const changeAffiliation = (organizationId: string | null): PersonCommand => ({ type: 'ChangeAffiliation', data: { personId, organizationId }, at: later });
const erase = (reason = 'data subject request', erasedBy = 'backoffice-anna'): PersonCommand => ({
  type: 'ErasePersonalData',
  data: { personId, reason, erasedBy },
  at: later,
});
const erased: PersonEvent = {
  type: 'PersonalDataErased',
  data: { personId, reason: 'data subject request', erasedBy: 'backoffice-anna', emailBlindIndex: blindIndex, at: later },
};

const sut = DeciderSpecification.for(personDecider);

describe('Person decider', () => {
  describe('CreatePerson: created once, with sealed personal data only', () => {
    it('creates a person', () => {
      sut.given([]).when(create()).then([created]);
    });

    it('creates a person without e-mail or affiliation', () => {
      sut
        .given([])
        .when(create({ emailBlindIndex: null, organizationId: null, esfProfile: undefined }))
        .then([{ type: 'PersonCreated', data: { personId, personalData: first, emailBlindIndex: null, organizationId: null, esfProfile: null, at } }]);
    });

    it('repeating the same creation is idempotent: no events', () => {
      sut.given([created]).when(create()).thenNothingHappens();
    });

    it('refuses creating an existing person with other data', () => {
      sut.given([created]).when(create({ personalData: second })).thenThrows(PersonErrors.ALREADY_EXISTS);
    });

    it.each([
      ['clear-text data', { name: 'Anna Virtanen', email: 'anna@example.fi' }],
      ['another algorithm', { ...first, alg: 'A128CBC' }],
      ['a blank key id', { ...first, keyId: ' ' }],
      ['a non-base64 ciphertext', { ...first, ciphertext: 'Anna Virtanen' }],
      ['an empty tag', { ...first, tag: '' }],
    ])('refuses %s', (_label, personalData) => {
      sut.given([]).when(create({ personalData })).thenThrows(PersonErrors.PERSONAL_DATA_INVALID);
    });

    it('refuses an e-mail address in place of its blind index', () => {
      sut.given([]).when(create({ emailBlindIndex: 'anna virtanen@example.fi' })).thenThrows(PersonErrors.BLIND_INDEX_INVALID);
    });

    it('refuses a blank organization id (null means none)', () => {
      sut.given([]).when(create({ organizationId: '' })).thenThrows(PersonErrors.BLANK_FIELD);
    });
  });

  describe('commands on a person that does not exist', () => {
    it.each([updateData(second), changeAffiliation(ngo), erase()])('refuses $type with PERSON.NOT_FOUND', (command) => {
      sut.given([]).when(command).thenThrows(PersonErrors.NOT_FOUND);
    });

    it('refuses a command naming another person than its stream', () => {
      sut
        .given([created])
        .when({ type: 'ChangeAffiliation', data: { personId: 'someone-else', organizationId: ngo }, at: later })
        .thenThrows(PersonErrors.ID_MISMATCH);
    });
  });

  describe('UpdatePersonalData: replaces the sealed data', () => {
    it('records the new envelope and the blind index it replaces', () => {
      sut
        .given([created])
        .when(updateData(second, otherBlindIndex))
        .then([
          {
            type: 'PersonalDataUpdated',
            data: { personId, personalData: second, emailBlindIndex: otherBlindIndex, previousEmailBlindIndex: blindIndex, esfProfile: null, at: later },
          },
        ]);
    });

    it('the same envelope again (a retry) gives no events', () => {
      sut.given([created]).when(updateData(first)).thenNothingHappens();
    });

    it('refuses an invalid envelope', () => {
      sut.given([created]).when(updateData({ ...second, iv: 'not base64!' })).thenThrows(PersonErrors.PERSONAL_DATA_INVALID);
    });
  });

  describe('ChangeAffiliation', () => {
    it('records the new and the previous organisation', () => {
      sut
        .given([created])
        .when(changeAffiliation(ngo))
        .then([{ type: 'PersonAffiliationChanged', data: { personId, organizationId: ngo, previousOrganizationId: cityOfPori, at: later } }]);
    });

    it('the same organisation again gives no events', () => {
      sut.given([created]).when(changeAffiliation(cityOfPori)).thenNothingHappens();
    });

    it('refuses a blank organization id', () => {
      sut.given([created]).when(changeAffiliation(' ')).thenThrows(PersonErrors.BLANK_FIELD);
    });
  });

  describe('ErasePersonalData: after it only erasure is accepted', () => {
    it('erases, naming the blind index to release', () => {
      sut.given([created]).when(erase()).then([erased]);
    });

    it('erasing twice gives no events', () => {
      sut.given([created, erased]).when(erase('second request')).thenNothingHappens();
    });

    it('refuses a blank reason or eraser', () => {
      sut.given([created]).when(erase('')).thenThrows(PersonErrors.BLANK_FIELD);
      sut.given([created]).when(erase('request', ' ')).thenThrows(PersonErrors.BLANK_FIELD);
    });

    it.each([create(), updateData(second), changeAffiliation(ngo)])('refuses $type after erasure with PERSON.ERASED', (command) => {
      sut.given([created, erased]).when(command).thenThrows(PersonErrors.ERASED);
    });

    it('the erased state keeps no sealed data and no blind index', () => {
      const state = fold(personDecider, [created, erased]);
      expect(state).toEqual({ status: 'erased', personId, organizationId: cityOfPori, erasedAt: later });
    });
  });
});
