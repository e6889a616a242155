import { DeciderSpecification } from '@kuhina/testing';
import type { Debrief } from '../workshop/debrief/debrief';
import { DebriefErrors } from '../workshop/debrief/debrief';
import type { ChainCommand } from './chain.commands';
import { chainDecider } from './chain.decider';
import { ChainErrors } from './chain.errors';
import type { ChainDetails, ChainEvent } from './chain.events';

const chainId = 'c0a8d7e2-0000-4000-8000-000000000002';
const previousChainId = 'c0a8d7e2-0000-4000-8000-000000000001';
const at = '2024-01-10T10:00:00+02:00';
const later = '2024-12-20T12:00:00+02:00';

const details: ChainDetails = {
  name: 'Workshop chain 2024',
  fundingProgramme: 'ESF+ 2021–2027',
  esfOperationId: 'S30002',
  periodStart: '2024-01-01',
  periodEnd: '2024-12-31',
  description: 'The next chain, built on the lessons of 2023',
  hubOrganizationId: null,
};

const startChain = (followsChainId?: string | null): ChainCommand => ({ type: 'StartChain', data: { chainId, ...details, followsChainId }, at });
const chainStarted = (followsChainId?: string): ChainEvent => ({ type: 'ChainStarted', data: { chainId, ...details, ...(followsChainId ? { followsChainId } : {}), at } });
const chainClosed: ChainEvent = { type: 'ChainClosed', data: { chainId, reason: 'Operation ended', at: later } };

const debrief: Debrief = {
  whatWorked: 'Partners we already knew; the bench café at a public event.',
  whatToDevelop: 'Map partners and their resources before planning.',
  lessons: ['Tell participants about the next events'],
  authorRole: 'core-team',
  heldOn: '2024-12-18',
};
const recordDebrief = (overrides: Partial<Debrief> = {}): ChainCommand => ({ type: 'RecordChainDebrief', data: { chainId, ...debrief, ...overrides }, at: later });
const debriefRecorded = (version: number, overrides: Partial<Debrief> = {}): ChainEvent => ({ type: 'ChainDebriefRecorded', data: { chainId, ...debrief, ...overrides, version, at: later } });

const sut = DeciderSpecification.for(chainDecider);

describe('Chain decider: succession and debrief', () => {
  describe('StartChain with followsChainId', () => {
    it('records the chain it follows', () => {
      sut.given([]).when(startChain(previousChainId)).then([chainStarted(previousChainId)]);
    });

    it('records nothing of succession when it follows none (null or absent)', () => {
      sut.given([]).when(startChain(null)).then([chainStarted()]);
      sut.given([]).when(startChain()).then([chainStarted()]);
    });

    it('refuses to follow itself (400 CHAIN.FOLLOWS_ITSELF)', () => {
      sut.given([]).when(startChain(chainId)).thenThrows(ChainErrors.FOLLOWS_ITSELF);
    });

    it('refuses a blank id (400)', () => {
      sut.given([]).when(startChain(' ')).thenThrows(ChainErrors.BLANK_FIELD);
    });

    it('a retry with the same predecessor is no event; another predecessor is a conflict (it is never changed)', () => {
      sut.given([chainStarted(previousChainId)]).when(startChain(previousChainId)).then([]);
      sut.given([chainStarted(previousChainId)]).when(startChain(null)).thenThrows(ChainErrors.ALREADY_EXISTS);
      sut.given([chainStarted()]).when(startChain(previousChainId)).thenThrows(ChainErrors.ALREADY_EXISTS);
    });
  });

  describe('RecordChainDebrief', () => {
    it('records the first debrief as version 1, on an active or a closed chain', () => {
      sut.given([chainStarted()]).when(recordDebrief()).then([debriefRecorded(1)]);
      sut.given([chainStarted(), chainClosed]).when(recordDebrief()).then([debriefRecorded(1)]);
    });

    it('a different record revises it (version 2); the same again is a retry', () => {
      sut.given([chainStarted(), debriefRecorded(1)]).when(recordDebrief({ lessons: [] })).then([debriefRecorded(2, { lessons: [] })]);
      sut.given([chainStarted(), debriefRecorded(1)]).when(recordDebrief()).then([]);
    });

    it('refuses an unknown chain (404) and a bad field (400 DEBRIEF.INVALID_FIELD)', () => {
      sut.given([]).when(recordDebrief()).thenThrows(ChainErrors.NOT_FOUND);
      sut.given([chainStarted()]).when(recordDebrief({ whatWorked: '', whatToDevelop: ' ' })).thenThrows(DebriefErrors.INVALID_FIELD);
    });
  });
});
