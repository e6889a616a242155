import { assertNever, type Decider } from '../shared/decider';
import { conflict, invalid } from '../shared/domain-error';
import { fieldChecks } from '../shared/field-checks';
import type { ClaimEmail, EmailClaimCommand, ReleaseEmail } from './email-claim.commands';
import type { EmailClaimEvent } from './email-claim.events';
import type { EmailClaimState } from './email-claim.state';
import { PersonErrors } from './person.errors';
import { isEmailBlindIndex } from './person.validation';

const personField = fieldChecks(PersonErrors.BLANK_FIELD);

/**
 * One tiny stream per e-mail (`emailclaim-<blindIndex>`): the event store's optimistic
 * concurrency on that stream is what makes e-mails unique across persons.
 */
function validate(command: EmailClaimCommand, state: EmailClaimState): void {
  if (!isEmailBlindIndex(command.data.blindIndex)) throw invalid(PersonErrors.BLIND_INDEX_INVALID, 'blindIndex must be a hash token');
  personField.text(command.data.personId, 'personId');
  if (state.status === 'claimed' && state.blindIndex !== command.data.blindIndex) {
    throw invalid(PersonErrors.ID_MISMATCH, 'Command for another e-mail reservation than this stream');
  }
}

function claim(command: ClaimEmail, state: EmailClaimState): EmailClaimEvent[] {
  validate(command, state);
  const { blindIndex, personId } = command.data;
  switch (state.status) {
    case 'free':
      return [{ type: 'EmailClaimed', data: { blindIndex, personId, at: command.at } }];
    case 'claimed':
      if (state.personId === personId) return [];
      throw conflict(PersonErrors.EMAIL_TAKEN, 'This e-mail address belongs to another person', { personId: state.personId });
    default:
      return assertNever(state, 'email claim state');
  }
}

function release(command: ReleaseEmail, state: EmailClaimState): EmailClaimEvent[] {
  validate(command, state);
  const { blindIndex, personId } = command.data;
  switch (state.status) {
    case 'free':
      // Erasure may be retried: releasing what is already free succeeds quietly.
      return [];
    case 'claimed':
      if (state.personId !== personId) {
        throw conflict(PersonErrors.EMAIL_NOT_OWNED, 'This e-mail address is held by another person', { personId: state.personId });
      }
      return [{ type: 'EmailReleased', data: { blindIndex, personId, at: command.at } }];
    default:
      return assertNever(state, 'email claim state');
  }
}

function decide(command: EmailClaimCommand, state: EmailClaimState): EmailClaimEvent[] {
  switch (command.type) {
    case 'ClaimEmail':
      return claim(command, state);
    case 'ReleaseEmail':
      return release(command, state);
    default:
      return assertNever(command, 'email claim command');
  }
}

function evolve(_state: EmailClaimState, event: EmailClaimEvent): EmailClaimState {
  switch (event.type) {
    case 'EmailClaimed':
      return { status: 'claimed', blindIndex: event.data.blindIndex, personId: event.data.personId, claimedAt: event.data.at };
    case 'EmailReleased':
      return { status: 'free' };
    default:
      return assertNever(event, 'email claim event');
  }
}

export const emailClaimDecider: Decider<EmailClaimCommand, EmailClaimEvent, EmailClaimState> = {
  decide,
  evolve,
  initialState: { status: 'free' },
};
