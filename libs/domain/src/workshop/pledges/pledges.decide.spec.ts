import { DeciderSpecification } from '@kuhina/testing';
import { workshopDecider } from '../workshop.decider';
import { WorkshopErrors as E } from '../workshop.errors';
import type { PledgeKind } from '../workshop.events';
import {
  at,
  command,
  event,
  heldWithAnna,
  planned,
  pledgeFields,
  pledgeResource,
  resourcePledged,
  workshopCancelled,
  workshopReported,
} from '../workshop.spec-helper';

const sut = DeciderSpecification.for(workshopDecider);

describe('Workshop decider: pledges', () => {
  describe('PledgeResource: pledges with an in-kind value and its basis, until reported or cancelled', () => {
    it('records a pledge while planned and after the workshop is held', () => {
      sut.given(planned()).when(pledgeResource()).then([resourcePledged()]);
      sut.given(heldWithAnna()).when(pledgeResource()).then([resourcePledged()]);
    });

    it('refuses once the workshop is reported or cancelled', () => {
      sut.given([...heldWithAnna(), workshopReported]).when(pledgeResource()).thenThrows(E.ALREADY_REPORTED);
      sut.given([...planned(), workshopCancelled]).when(pledgeResource()).thenThrows(E.CANCELLED);
    });

    it.each([-1, 12.5, Number.MAX_SAFE_INTEGER + 1])('refuses an in-kind value of %p cents', (inKindValueCents) => {
      sut.given(planned()).when(pledgeResource('p-1', { inKindValueCents })).thenThrows(E.PLEDGE_VALUE_INVALID);
    });

    it('accepts a free pledge (0 cents) but not a blank valuation basis or unknown kind', () => {
      sut.given(planned()).when(pledgeResource('p-1', { inKindValueCents: 0 })).then([event('ResourcePledged', { pledgeId: 'p-1', ...pledgeFields, inKindValueCents: 0, pledgedAt: at })]);
      sut.given(planned()).when(pledgeResource('p-1', { valuationBasis: ' ' })).thenThrows(E.PLEDGE_INVALID_FIELD);
      sut.given(planned()).when(pledgeResource('p-1', { kind: 'money' as PledgeKind })).thenThrows(E.PLEDGE_INVALID_FIELD);
    });

    it('a retry gives no events; another pledge under the same id is refused', () => {
      sut.given([...planned(), resourcePledged()]).when(pledgeResource()).thenNothingHappens();
      sut.given([...planned(), resourcePledged()]).when(pledgeResource('p-1', { kind: 'catering' })).thenThrows(E.PLEDGE_ALREADY_EXISTS);
    });
  });

  describe('FulfilPledge / WithdrawPledge: only while pending', () => {
    const fulfilled = event('PledgeFulfilled', { pledgeId: 'p-1', organizationId: 'org-city-of-rauma', fulfilledAt: at });
    const withdrawn = event('PledgeWithdrawn', { pledgeId: 'p-1', organizationId: 'org-city-of-rauma', reason: 'Hall double-booked', withdrawnAt: at });

    it('fulfils or withdraws a pending pledge', () => {
      sut.given([...planned(), resourcePledged()]).when(command('FulfilPledge', { pledgeId: 'p-1' })).then([fulfilled]);
      sut.given([...planned(), resourcePledged()]).when(command('WithdrawPledge', { pledgeId: 'p-1', reason: 'Hall double-booked' })).then([withdrawn]);
    });

    it('settles pledges of a cancelled workshop too', () => {
      sut.given([...planned(), resourcePledged(), workshopCancelled]).when(command('WithdrawPledge', { pledgeId: 'p-1', reason: 'Hall double-booked' })).then([withdrawn]);
    });

    it('refuses a pledge that is no longer pending', () => {
      sut.given([...planned(), resourcePledged(), fulfilled]).when(command('FulfilPledge', { pledgeId: 'p-1' })).thenThrows(E.PLEDGE_NOT_PENDING);
      sut.given([...planned(), resourcePledged(), withdrawn]).when(command('FulfilPledge', { pledgeId: 'p-1' })).thenThrows(E.PLEDGE_NOT_PENDING);
      sut.given([...planned(), resourcePledged(), fulfilled]).when(command('WithdrawPledge', { pledgeId: 'p-1', reason: 'x' })).thenThrows(E.PLEDGE_NOT_PENDING);
    });

    it('refuses an unknown pledge', () => {
      sut.given(planned()).when(command('FulfilPledge', { pledgeId: 'p-404' })).thenThrows(E.PLEDGE_NOT_FOUND);
    });
  });
});
