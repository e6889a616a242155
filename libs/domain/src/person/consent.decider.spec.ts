import { DeciderSpecification } from '@kuhina/testing';
import { fold } from '../shared/decider';
import { consentNow } from './consent';
import type { PersonCommand } from './person.commands';
import { personDecider } from './person.decider';
import { PersonErrors } from './person.errors';
import type { PersonEvent } from './person.events';

const personId = 'p0000000-0000-4000-8000-000000000001';
const created: PersonEvent = {
  type: 'PersonCreated',
  data: {
    personId,
    personalData: { alg: 'A256GCM', keyId: 'key-p1', iv: 'AAECAwQFBgcICQoL', tag: 'AAECAwQFBgcICQoLDA0ODw==', ciphertext: 'c2VhbGVkLTE=' },
    emailBlindIndex: null,
    organizationId: null,
    esfProfile: null,
    at: '2023-03-01T10:00:00.000Z',
  },
};
const erased: PersonEvent = { type: 'PersonalDataErased', data: { personId, reason: 'data subject request', erasedBy: 'office', emailBlindIndex: null, at: '2024-01-02T10:00:00.000Z' } };

// The business time as the resolver makes it from the day when no occurredAt is given: noon UTC.
const noon = (day: string): string => `${day}T12:00:00Z`;

const give = (overrides: Record<string, unknown> = {}, at = noon('2023-04-19')): PersonCommand =>
  ({ type: 'GiveConsent', data: { personId, purpose: 'future-workshops', givenOn: '2023-04-19', source: 'form', wordingVersion: 'rauma-2023-v1', ...overrides }, at }) as PersonCommand;
const withdraw = (overrides: Record<string, unknown> = {}, at = noon('2023-06-01')): PersonCommand =>
  ({ type: 'WithdrawConsent', data: { personId, purpose: 'future-workshops', withdrawnOn: '2023-06-01', source: 'e-mail', wordingVersion: null, ...overrides }, at }) as PersonCommand;

const given: PersonEvent = {
  type: 'ConsentGiven',
  data: { personId, purpose: 'future-workshops', givenOn: '2023-04-19', source: 'form', wordingVersion: 'rauma-2023-v1', at: noon('2023-04-19') },
};
const withdrawn: PersonEvent = {
  type: 'ConsentWithdrawn',
  data: { personId, purpose: 'future-workshops', withdrawnOn: '2023-06-01', source: 'e-mail', wordingVersion: null, at: noon('2023-06-01') },
};

const sut = DeciderSpecification.for(personDecider);

describe('Person decider: consent', () => {
  describe('GiveConsent', () => {
    it('records the purpose, the day, the source and the wording version', () => {
      sut.given([created]).when(give()).then([given]);
    });

    it('the same consent again (a retry, or the same form entered twice) records nothing', () => {
      sut.given([created, given]).when(give()).thenNothingHappens();
    });

    it('a consent renewed with another wording is a new record', () => {
      sut
        .given([created, given])
        .when(give({ givenOn: '2024-02-01', wordingVersion: 'chain-2024-v2' }, noon('2024-02-01')))
        .then([{ type: 'ConsentGiven', data: { ...given.data, givenOn: '2024-02-01', wordingVersion: 'chain-2024-v2', at: noon('2024-02-01') } } as PersonEvent]);
    });

    it('records a consent dated before a withdrawal already on file (typed in late): the withdrawal still wins', () => {
      sut
        .given([created, withdrawn])
        .when(give())
        .then([given]);
      expect(consentNow(fold(personDecider, [created, withdrawn, given]), 'future-workshops', '2023-12-31')).toBe(false);
    });

    it.each([
      ['an unknown purpose', { purpose: 'marketing' }, 'purpose'],
      ['an unknown source', { source: 'phone' }, 'source'],
      ['a missing day', { givenOn: undefined }, 'givenOn'],
      ['a day that does not exist', { givenOn: '2023-02-29' }, 'givenOn'],
      ['a date-time for a day', { givenOn: '2023-04-19T10:00:00+03:00' }, 'givenOn'],
      ['a blank wording version', { wordingVersion: ' ' }, 'wordingVersion'],
      ['a missing wording version', { wordingVersion: null }, 'wordingVersion'],
      ['a wording version longer than 100 characters', { wordingVersion: 'v'.repeat(101) }, 'wordingVersion'],
      ['a wording version with a line break', { wordingVersion: 'v1\nv2' }, 'wordingVersion'],
    ])('refuses %s with CONSENT.INVALID_FIELD naming the field', (_label, overrides, field) => {
      sut.given([created]).when(give(overrides)).thenThrows(PersonErrors.CONSENT_INVALID);
      expect(() => personDecider.decide(give(overrides), fold(personDecider, [created]))).toThrow(expect.objectContaining({ details: expect.objectContaining({ field }) }));
    });

    it('refuses a day after the business time (a consent from the future), allowing one day for the time zone', () => {
      sut.given([created]).when(give({ givenOn: '2023-04-21' }, noon('2023-04-19'))).thenThrows(PersonErrors.CONSENT_DATE_AFTER_FACT);
      sut.given([created]).when(give({ givenOn: '2023-04-20' }, '2023-04-19T22:30:00.000Z')).then([{ ...given, data: { ...given.data, givenOn: '2023-04-20', at: '2023-04-19T22:30:00.000Z' } } as PersonEvent]);
    });

    it('refuses a person that does not exist, and an erased one', () => {
      sut.given([]).when(give()).thenThrows(PersonErrors.NOT_FOUND);
      sut.given([created, given, erased]).when(give()).thenThrows(PersonErrors.ERASED);
    });
  });

  describe('WithdrawConsent', () => {
    it('records the withdrawal; its wording version may be null', () => {
      sut.given([created, given]).when(withdraw()).then([withdrawn]);
    });

    it('records a withdrawal with no consent to withdraw (a "do not contact me" before anyone asked)', () => {
      sut.given([created]).when(withdraw({ source: 'in-person' })).then([{ ...withdrawn, data: { ...withdrawn.data, source: 'in-person' } } as PersonEvent]);
    });

    it('the same withdrawal again records nothing', () => {
      sut.given([created, given, withdrawn]).when(withdraw()).thenNothingHappens();
    });

    it('refuses a bad purpose, source or day, and a day from the future', () => {
      sut.given([created, given]).when(withdraw({ purpose: 'all' })).thenThrows(PersonErrors.CONSENT_INVALID);
      sut.given([created, given]).when(withdraw({ source: '' })).thenThrows(PersonErrors.CONSENT_INVALID);
      sut.given([created, given]).when(withdraw({ withdrawnOn: '1.6.2023' })).thenThrows(PersonErrors.CONSENT_INVALID);
      sut.given([created, given]).when(withdraw({ withdrawnOn: '2023-06-05' })).thenThrows(PersonErrors.CONSENT_DATE_AFTER_FACT);
    });

    it('refuses an erased person: there is no consent left to withdraw', () => {
      sut.given([created, given, erased]).when(withdraw()).thenThrows(PersonErrors.ERASED);
    });
  });

  describe('the state', () => {
    it('keeps every record in the order recorded', () => {
      const state = fold(personDecider, [created, given, withdrawn]);
      expect(state.status === 'active' && state.consents).toEqual([
        { purpose: 'future-workshops', action: 'given', on: '2023-04-19', source: 'form', wordingVersion: 'rauma-2023-v1' },
        { purpose: 'future-workshops', action: 'withdrawn', on: '2023-06-01', source: 'e-mail', wordingVersion: null },
      ]);
    });

    it('an erased person keeps no consent, and one recorded after the erasure (impossible by the decider) changes nothing', () => {
      const state = fold(personDecider, [created, given, erased, given]);
      expect(state).toEqual({ status: 'erased', personId, organizationId: null, erasedAt: '2024-01-02T10:00:00.000Z' });
      expect(consentNow(state, 'future-workshops', '2023-05-01')).toBe(false);
    });
  });
});
