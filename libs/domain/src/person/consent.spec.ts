import { consentHistory, consentNow, consentOn, LATEST_DAY, type ConsentRecord } from './consent';
import type { PersonState } from './person.state';

const record = (action: ConsentRecord['action'], on: string, overrides: Partial<ConsentRecord> = {}): ConsentRecord => ({
  purpose: 'future-workshops',
  action,
  on,
  source: action === 'given' ? 'form' : 'e-mail',
  wordingVersion: action === 'given' ? 'v1' : null,
  ...overrides,
});

const personWith = (consents: ConsentRecord[]): PersonState => ({
  status: 'active',
  personId: 'p1',
  personalData: { alg: 'A256GCM', keyId: 'k', iv: 'AAAA', tag: 'AAAA', ciphertext: 'AAAA' },
  emailBlindIndex: null,
  organizationId: null,
  createdAt: '2023-01-01T00:00:00.000Z',
  consents,
});

describe('consentOn / consentNow: may a person be told or named on a day?', () => {
  it('no record: no consent', () => {
    const sut = consentOn;
    expect(sut([], 'future-workshops', '2023-05-01')).toEqual({ given: false, basis: null });
  });

  it('a consent counts from its day on, not before', () => {
    const sut = consentOn;
    const given = record('given', '2023-04-19');
    expect(sut([given], 'future-workshops', '2023-04-18').given).toBe(false);
    expect(sut([given], 'future-workshops', '2023-04-19')).toEqual({ given: true, basis: given });
  });

  it('a withdrawal ends it from its day on; the days before keep the consent', () => {
    const sut = consentOn;
    const records = [record('given', '2023-04-19'), record('withdrawn', '2023-06-01')];
    expect(sut(records, 'future-workshops', '2023-05-31').given).toBe(true);
    expect(sut(records, 'future-workshops', '2023-06-01')).toEqual({ given: false, basis: records[1] });
  });

  it('withdrawals win: a consent dated before a withdrawal never counts after it, whatever order they were recorded in', () => {
    const sut = consentOn;
    const lateForm = record('given', '2023-04-01');
    const withdrawal = record('withdrawn', '2023-05-01');
    expect(sut([withdrawal, lateForm], 'future-workshops', LATEST_DAY)).toEqual({ given: false, basis: withdrawal });
  });

  it('withdrawals win a tie: consent and withdrawal on the same day is no consent', () => {
    const sut = consentOn;
    expect(sut([record('withdrawn', '2023-05-01'), record('given', '2023-05-01')], 'future-workshops', LATEST_DAY).given).toBe(false);
  });

  it('a consent given again after the withdrawal counts again', () => {
    const sut = consentOn;
    const again = record('given', '2024-02-01', { wordingVersion: 'v2' });
    expect(sut([record('given', '2023-04-19'), record('withdrawn', '2023-06-01'), again], 'future-workshops', '2024-02-01')).toEqual({ given: true, basis: again });
  });

  it('purposes are apart: withdrawing one leaves the other', () => {
    const sut = consentOn;
    const records = [record('given', '2023-04-19'), record('given', '2023-04-19', { purpose: 'named-in-reports' }), record('withdrawn', '2023-06-01', { purpose: 'named-in-reports' })];
    expect(sut(records, 'future-workshops', LATEST_DAY).given).toBe(true);
    expect(sut(records, 'named-in-reports', LATEST_DAY).given).toBe(false);
  });

  it('consentNow: only an active person can have consent', () => {
    const sut = consentNow;
    expect(sut(personWith([record('given', '2023-04-19')]), 'future-workshops', '2023-05-01')).toBe(true);
    expect(sut({ status: 'erased', personId: 'p1', organizationId: null, erasedAt: '2024-01-01T00:00:00.000Z' }, 'future-workshops', '2023-05-01')).toBe(false);
    expect(sut({ status: 'empty' }, 'future-workshops', '2023-05-01')).toBe(false);
  });

  it('consentHistory: one purpose in date order, the recording order within a day', () => {
    const sut = consentHistory;
    const late = record('given', '2023-04-01');
    const withdrawal = record('withdrawn', '2023-05-01');
    const other = record('given', '2023-03-01', { purpose: 'named-in-reports' });
    const sameDay = record('given', '2023-05-01');
    expect(sut([withdrawal, other, late, sameDay], 'future-workshops')).toEqual([late, withdrawal, sameDay]);
  });
});
