import { DeciderSpecification } from '@kuhina/testing';
import { fold } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import type { EmailClaimCommand } from './email-claim.commands';
import { emailClaimDecider } from './email-claim.decider';
import type { EmailClaimEvent } from './email-claim.events';
import { emailOwner } from './email-claim.state';
import { PersonErrors } from './person.errors';

const blindIndex = '5e8ff9bf55ba3508199d22e984129be6';
const anna = 'p-anna';
const ben = 'p-ben';
const at = '2023-04-01T10:00:00Z';

const claim = (personId: string, index = blindIndex): EmailClaimCommand => ({ type: 'ClaimEmail', data: { blindIndex: index, personId }, at });
const claimed = (personId: string): EmailClaimEvent => ({ type: 'EmailClaimed', data: { blindIndex, personId, at } });
const release = (personId: string): EmailClaimCommand => ({ type: 'ReleaseEmail', data: { blindIndex, personId }, at });
const released = (personId: string): EmailClaimEvent => ({ type: 'EmailReleased', data: { blindIndex, personId, at } });

const sut = DeciderSpecification.for(emailClaimDecider);

describe('E-mail claim decider', () => {
  describe('ClaimEmail: one owner per e-mail', () => {
    it('claims a free e-mail', () => {
      sut.given([]).when(claim(anna)).then([claimed(anna)]);
    });

    it('claiming again for the same person gives no events', () => {
      sut.given([claimed(anna)]).when(claim(anna)).thenNothingHappens();
    });

    it('refuses another person with PERSON.EMAIL_TAKEN', () => {
      sut.given([claimed(anna)]).when(claim(ben)).thenThrows(PersonErrors.EMAIL_TAKEN);
    });

    it('names the owner in the refusal details, as a conflict', () => {
      const state = fold(emailClaimDecider, [claimed(anna)]);
      let caught: unknown;
      try {
        emailClaimDecider.decide(claim(ben), state);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(DomainError);
      expect(caught).toMatchObject({ code: PersonErrors.EMAIL_TAKEN, kind: 'conflict', details: { personId: anna } });
    });

    it('can be claimed by someone else once released', () => {
      sut.given([claimed(anna), released(anna)]).when(claim(ben)).then([claimed(ben)]);
    });

    it('refuses a blind index with spaces or @', () => {
      sut.given([]).when(claim(anna, 'anna @example.fi')).thenThrows(PersonErrors.BLIND_INDEX_INVALID);
    });

    it('refuses a command for another blind index than its stream', () => {
      sut.given([claimed(anna)]).when(claim(anna, 'ffffffff')).thenThrows(PersonErrors.ID_MISMATCH);
    });
  });

  describe('ReleaseEmail: only by the owner', () => {
    it('releases the owner’s e-mail', () => {
      sut.given([claimed(anna)]).when(release(anna)).then([released(anna)]);
    });

    it('releasing a free e-mail gives no events', () => {
      sut.given([claimed(anna), released(anna)]).when(release(anna)).thenNothingHappens();
      sut.given([]).when(release(anna)).thenNothingHappens();
    });

    it('refuses a release by someone who does not own it', () => {
      sut.given([claimed(anna)]).when(release(ben)).thenThrows(PersonErrors.EMAIL_NOT_OWNED);
    });
  });

  describe('state exposes the owner', () => {
    it('is the claimant while claimed and null once released', () => {
      expect(emailOwner(fold(emailClaimDecider, [claimed(anna)]))).toBe(anna);
      expect(emailOwner(fold(emailClaimDecider, [claimed(anna), released(anna)]))).toBeNull();
      expect(emailOwner(emailClaimDecider.initialState)).toBeNull();
    });
  });
});
