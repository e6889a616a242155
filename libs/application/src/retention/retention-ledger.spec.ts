import { retentionEndsOn } from '@kuhina/domain';
import { RetentionLedger, type LedgerEvent } from './retention-ledger';

const chainA = 'chain-a-paid-2017';
const chainB = 'chain-b-paid-2023';
const chainC = 'chain-c-unpaid';
const [wA, wB, wC, wLoose] = ['w-a', 'w-b', 'w-c', 'w-outside-chains'];

const started = (chainId: string): LedgerEvent => ({ type: 'ChainStarted', data: { chainId } });
const paid = (chainId: string, paidOn: string): LedgerEvent => ({ type: 'LastPaymentRecorded', data: { chainId, paidOn, retentionEndsOn: retentionEndsOn(paidOn) } });
const added = (chainId: string, workshopId: string): LedgerEvent => ({ type: 'WorkshopAddedToChain', data: { chainId, workshopId } });
const registered = (workshopId: string, personId: string): LedgerEvent => ({ type: 'ParticipantRegistered', data: { workshopId, personId, registrationId: `${workshopId}/${personId}` } });
const invited = (workshopId: string, personId: string): LedgerEvent => ({ type: 'PersonInvited', data: { workshopId, personId } });
const attended = (workshopId: string, personId: string): LedgerEvent => ({ type: 'AttendanceRecorded', data: { workshopId, personId, registrationId: `${workshopId}/${personId}` } });
const erased = (personId: string): LedgerEvent => ({ type: 'PersonalDataErased', data: { personId } });

/** Two chains paid in 2017 and 2023, one never paid, and a workshop in no chain. */
const history: LedgerEvent[] = [
  started(chainA),
  started(chainB),
  started(chainC),
  added(chainA, wA),
  added(chainB, wB),
  added(chainC, wC),
  registered(wA, 'anna'), // only the 2017 chain
  registered(wA, 'ben'),
  attended(wB, 'ben'), // also the 2023 chain
  registered(wA, 'cara'),
  registered(wC, 'cara'), // also a chain with no payment
  registered(wA, 'dan'),
  registered(wLoose, 'dan'), // also a workshop outside every chain
  registered(wA, 'eve'),
  erased('eve'),
  invited(wA, 'fay'), // invited only
  registered(wB, 'gus'),
  paid(chainA, '2017-06-30'),
  paid(chainB, '2023-03-15'),
];

const ledgerOf = (events: LedgerEvent[]): RetentionLedger => {
  const ledger = new RetentionLedger();
  for (const event of events) ledger.apply(event);
  return ledger;
};

describe('RetentionLedger', () => {
  it('lists only the people of the chain whose retention ended who are in no chain or workshop that still keeps them', () => {
    const sut = ledgerOf(history);

    expect(sut.dueForErasure('2024-01-01')).toEqual([
      { personId: 'anna', chains: [{ chainId: chainA, retentionEndsOn: '2022-12-31' }] },
      { personId: 'fay', chains: [{ chainId: chainA, retentionEndsOn: '2022-12-31' }] },
    ]);
  });

  it('keeps everyone on the last day of retention and releases them the day after', () => {
    const sut = ledgerOf(history);

    expect(sut.dueForErasure('2022-12-31')).toEqual([]);
    expect(sut.dueForErasure('2023-01-01').map((candidate) => candidate.personId)).toEqual(['anna', 'fay']);
  });

  it('lets the people of both paid chains go once the later retention is over too', () => {
    const sut = ledgerOf(history);

    expect(sut.dueForErasure('2029-01-01').map((candidate) => candidate.personId)).toEqual(['anna', 'ben', 'fay', 'gus']);
    expect(sut.dueForErasure('2029-01-01').find((candidate) => candidate.personId === 'ben')?.chains.map((chain) => chain.chainId)).toEqual([chainA, chainB]);
  });

  it('restarts the clock from a later last payment', () => {
    const sut = ledgerOf([...history, paid(chainA, '2019-02-01')]);

    expect(sut.dueForErasure('2024-06-01')).toEqual([]);
    expect(sut.chainRetention()).toContainEqual({ chainId: chainA, retentionEndsOn: '2024-12-31' });
  });

  it('keeps the people of a workshop that belongs to an ended and a running chain', () => {
    const sut = ledgerOf([...history, added(chainB, wA)]);

    expect(sut.dueForErasure('2024-01-01')).toEqual([]);
  });

  it('reports the chains with their retention end and who is already erased', () => {
    const sut = ledgerOf(history);

    expect(sut.chainRetention()).toEqual([
      { chainId: chainA, retentionEndsOn: '2022-12-31' },
      { chainId: chainB, retentionEndsOn: '2028-12-31' },
      { chainId: chainC, retentionEndsOn: null },
    ]);
    expect(sut.erasedPeople()).toEqual(['eve']);
  });

  describe('consent (issue 18): a consent in force keeps what it needs; withdrawn, the person goes as the others', () => {
    const consent = (personId: string, action: 'ConsentGiven' | 'ConsentWithdrawn', on: string, purpose = 'future-workshops'): LedgerEvent => ({
      type: action,
      data: action === 'ConsentGiven' ? { personId, purpose, givenOn: on, source: 'form', wordingVersion: 'v1' } : { personId, purpose, withdrawnOn: on, source: 'e-mail', wordingVersion: null },
    });

    it('keeps a person past retention while a consent is in force, and says why', () => {
      const sut = ledgerOf([...history, consent('anna', 'ConsentGiven', '2023-04-19'), consent('fay', 'ConsentGiven', '2023-04-19', 'named-in-reports')]);

      expect(sut.dueForErasure('2024-01-01')).toEqual([]);
      expect(sut.keptForConsent('2024-01-01')).toEqual([
        { personId: 'anna', purposes: ['future-workshops'] },
        { personId: 'fay', purposes: ['named-in-reports'] },
      ]);
    });

    it('erases as today once the consent is withdrawn: withdrawals win, also over a consent recorded after them with an earlier day', () => {
      const sut = ledgerOf([...history, consent('anna', 'ConsentWithdrawn', '2023-09-01'), consent('anna', 'ConsentGiven', '2023-04-19')]);

      expect(sut.dueForErasure('2024-01-01').map((candidate) => candidate.personId)).toEqual(['anna', 'fay']);
      expect(sut.keptForConsent('2024-01-01')).toEqual([]);
    });

    it('a consent only keeps from its day on, and never someone ESF keeps anyway (not listed as kept for consent)', () => {
      const sut = ledgerOf([...history, consent('anna', 'ConsentGiven', '2024-03-01'), consent('cara', 'ConsentGiven', '2023-04-19')]);

      expect(sut.dueForErasure('2024-01-01').map((candidate) => candidate.personId)).toEqual(['anna', 'fay']);
      expect(sut.keptForConsent('2024-01-01')).toEqual([]);
      expect(sut.keptForConsent('2024-03-01')).toEqual([{ personId: 'anna', purposes: ['future-workshops'] }]);
    });

    it('ignores a consent of an unknown purpose or without its day', () => {
      const sut = ledgerOf([...history, { type: 'ConsentGiven', data: { personId: 'anna', purpose: 'marketing', givenOn: '2023-01-01', source: 'form' } }, { type: 'ConsentGiven', data: { personId: 'fay', purpose: 'future-workshops', source: 'form' } }]);

      expect(sut.dueForErasure('2024-01-01').map((candidate) => candidate.personId)).toEqual(['anna', 'fay']);
    });
  });

  it('ignores events it does not need and malformed data', () => {
    const sut = ledgerOf([...history, { type: 'PersonalDataAccessed', data: { people: ['anna'] } }, { type: 'ParticipantRegistered', data: null }, { type: 'WorkshopAddedToChain', data: { chainId: 7 } }]);

    expect(sut.dueForErasure('2024-01-01').map((candidate) => candidate.personId)).toEqual(['anna', 'fay']);
  });
});
