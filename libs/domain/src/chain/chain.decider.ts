import { assertNever, type Decider } from '../shared/decider';
import { conflict, invalid, notFound } from '../shared/domain-error';
import type {
  AddWorkshopToChain,
  ChainCommand,
  CloseChain,
  RecordChainMeeting,
  RecordLastPayment,
  StartChain,
  UpdateChainDetails,
} from './chain.commands';
import { ChainErrors } from './chain.errors';
import { CHAIN_DETAIL_FIELDS, type ChainDetails, type ChainEvent } from './chain.events';
import type { ActiveChain, ChainState, ClosedChain } from './chain.state';
import { fieldChecks } from '../shared/field-checks';
import { retentionEndsOn } from './retention';
import { correctChainExpense, declareFlatRate, evolveChainCosts, recordChainExpense, recordChainStaffHours, voidChainExpense, voidChainStaffHours } from './chain-costs';
import { PLANNING_MEETING_KINDS } from '../workshop/workshop.events';
import { fingerprint } from '../workshop/workshop.validation';
import { evolveChainDebrief, recordChainDebrief } from './chain-debrief';

const chainField = fieldChecks(ChainErrors.BLANK_FIELD, { date: ChainErrors.INVALID_DATE });

/**
 * Validates the details a command brings: all of them when starting (`complete`), only those
 * present when updating. The period is checked on the merged result.
 */
function validateDetails(details: Partial<ChainDetails>, merged: ChainDetails, complete: boolean): void {
  const given = (field: keyof ChainDetails): boolean => complete || details[field] !== undefined;
  for (const field of ['name', 'fundingProgramme', 'esfOperationId'] as const) {
    if (given(field)) chainField.text(details[field], field);
  }
  for (const field of ['periodStart', 'periodEnd'] as const) {
    if (given(field)) chainField.date(details[field], field);
  }
  if (given('description')) chainField.anyText(details.description, 'description');
  if (given('hubOrganizationId')) chainField.idOrNull(details.hubOrganizationId ?? null, 'hubOrganizationId');
  if (merged.periodEnd < merged.periodStart) {
    throw invalid(ChainErrors.PERIOD_INVALID, 'periodEnd is before periodStart', {
      periodStart: merged.periodStart,
      periodEnd: merged.periodEnd,
    });
  }
}

const detailsOf = (source: ChainDetails): ChainDetails => ({
  name: source.name,
  fundingProgramme: source.fundingProgramme,
  esfOperationId: source.esfOperationId,
  periodStart: source.periodStart,
  periodEnd: source.periodEnd,
  description: source.description,
  // Absent in chains started before the hub organisation was asked for.
  hubOrganizationId: source.hubOrganizationId ?? null,
});

/** The chain the command is about, or the refusal when there is none (or it is another one). */
function existing(state: ChainState, chainId: string): ActiveChain | ClosedChain {
  switch (state.status) {
    case 'empty':
      throw notFound(ChainErrors.NOT_FOUND, `Chain ${chainId} does not exist`, { chainId });
    case 'active':
    case 'closed':
      if (state.chainId !== chainId) {
        throw invalid(ChainErrors.ID_MISMATCH, `Command for chain ${chainId} sent to chain ${state.chainId}`, {
          chainId,
          streamChainId: state.chainId,
        });
      }
      return state;
    default:
      return assertNever(state, 'chain state');
  }
}

function startChain(command: StartChain, state: ChainState): ChainEvent[] {
  const { data } = command;
  chainField.text(data.chainId, 'chainId');
  const details = detailsOf(data);
  validateDetails(details, details, true);
  // That the chain followed exists is checked by the use case (command-references.ts): another stream.
  const followsChainId = chainField.idOrNull(data.followsChainId ?? null, 'followsChainId');
  if (followsChainId !== null && followsChainId === data.chainId) {
    throw invalid(ChainErrors.FOLLOWS_ITSELF, 'A chain cannot follow itself', { field: 'followsChainId', chainId: data.chainId });
  }
  if (state.status !== 'empty') {
    const current = detailsOf(state);
    const same = state.chainId === data.chainId && CHAIN_DETAIL_FIELDS.every((field) => current[field] === details[field]) && (state.followsChainId ?? null) === followsChainId;
    if (same) return [];
    throw conflict(ChainErrors.ALREADY_EXISTS, `Chain ${state.chainId} already exists`, { chainId: state.chainId });
  }
  // Recorded only when there is one: chains that follow none look as they always did.
  return [{ type: 'ChainStarted', data: { chainId: data.chainId, ...details, ...(followsChainId === null ? {} : { followsChainId }), at: command.at } }];
}

function updateChainDetails(command: UpdateChainDetails, state: ChainState): ChainEvent[] {
  const chain = existing(state, command.data.chainId);
  const proposed: Partial<ChainDetails> = {};
  for (const field of CHAIN_DETAIL_FIELDS) {
    if (command.data[field] !== undefined) (proposed as Record<string, unknown>)[field] = command.data[field];
  }
  validateDetails(proposed, { ...detailsOf(chain), ...proposed }, false);
  const changes: Partial<ChainDetails> = {};
  for (const field of CHAIN_DETAIL_FIELDS) {
    const value = proposed[field];
    if (value !== undefined && value !== (chain[field] ?? null)) (changes as Record<string, unknown>)[field] = value;
  }
  if (Object.keys(changes).length === 0) return [];
  if (chain.status === 'closed') throw conflict(ChainErrors.CLOSED, `Chain ${chain.chainId} is closed`, { chainId: chain.chainId });
  return [{ type: 'ChainDetailsUpdated', data: { chainId: chain.chainId, ...changes, at: command.at } }];
}

function addWorkshop(command: AddWorkshopToChain, state: ChainState): ChainEvent[] {
  const chain = existing(state, command.data.chainId);
  const { workshopId } = command.data;
  chainField.text(workshopId, 'workshopId');
  // A retry after the chain closed must still look like success, so membership is checked first.
  if (chain.workshopIds.includes(workshopId)) return [];
  if (chain.status === 'closed') throw conflict(ChainErrors.CLOSED, `Chain ${chain.chainId} is closed`, { chainId: chain.chainId });
  return [{ type: 'WorkshopAddedToChain', data: { chainId: chain.chainId, workshopId, order: chain.workshopIds.length, at: command.at } }];
}

const meetingField = fieldChecks(ChainErrors.INVALID_FIELD, { date: ChainErrors.INVALID_DATE });

function recordChainMeeting(command: RecordChainMeeting, state: ChainState): ChainEvent[] {
  const chain = existing(state, command.data.chainId);
  const { meetingId, heldOn, kind, online, organizationIds, notes } = command.data;
  meetingField.text(meetingId, 'meetingId');
  meetingField.date(heldOn, 'heldOn');
  meetingField.oneOf(kind, PLANNING_MEETING_KINDS, 'kind');
  meetingField.boolean(online, 'online');
  meetingField.strings(organizationIds, 'organizationIds', true);
  meetingField.anyText(notes, 'notes');
  const key = fingerprint(heldOn, kind, online, organizationIds);
  const known = chain.meetings[meetingId];
  if (known !== undefined) {
    if (known === key) return [];
    throw conflict(ChainErrors.MEETING_ALREADY_EXISTS, `Meeting id ${meetingId} is taken`, { meetingId });
  }
  if (chain.status === 'closed') throw conflict(ChainErrors.CLOSED, `Chain ${chain.chainId} is closed`, { chainId: chain.chainId });
  return [{ type: 'ChainMeetingRecorded', data: { chainId: chain.chainId, meetingId, heldOn, kind, online, organizationIds: [...organizationIds], notes, at: command.at } }];
}

function recordLastPayment(command: RecordLastPayment, state: ChainState): ChainEvent[] {
  const chain = existing(state, command.data.chainId);
  const { paidOn } = command.data;
  chainField.date(paidOn, 'paidOn');
  if (chain.lastPaidOn === paidOn) return [];
  // The retention clock runs from the LAST payment: an earlier date would let records be destroyed too soon.
  if (chain.lastPaidOn !== null && paidOn < chain.lastPaidOn) {
    throw conflict(ChainErrors.PAYMENT_BEFORE_LAST_PAYMENT, `A payment on ${chain.lastPaidOn} is already recorded`, {
      lastPaidOn: chain.lastPaidOn,
      paidOn,
    });
  }
  // Allowed on a closed chain too: the final ESF payment usually comes after the operation ends.
  return [
    {
      type: 'LastPaymentRecorded',
      data: { chainId: chain.chainId, paidOn, previousPaidOn: chain.lastPaidOn, retentionEndsOn: retentionEndsOn(paidOn), at: command.at },
    },
  ];
}

function closeChain(command: CloseChain, state: ChainState): ChainEvent[] {
  const chain = existing(state, command.data.chainId);
  const { reason } = command.data;
  chainField.text(reason, 'reason');
  if (chain.status === 'closed') {
    if (chain.closeReason === reason) return [];
    throw conflict(ChainErrors.CLOSED, `Chain ${chain.chainId} is already closed`, { chainId: chain.chainId });
  }
  return [{ type: 'ChainClosed', data: { chainId: chain.chainId, reason, at: command.at } }];
}

function decide(command: ChainCommand, state: ChainState): ChainEvent[] {
  switch (command.type) {
    case 'StartChain':
      return startChain(command, state);
    case 'UpdateChainDetails':
      return updateChainDetails(command, state);
    case 'AddWorkshopToChain':
      return addWorkshop(command, state);
    case 'RecordChainMeeting':
      return recordChainMeeting(command, state);
    case 'RecordChainExpense':
      return recordChainExpense(command, existing(state, command.data.chainId));
    case 'VoidChainExpense':
      return voidChainExpense(command, existing(state, command.data.chainId));
    case 'CorrectChainExpense':
      return correctChainExpense(command, existing(state, command.data.chainId));
    case 'RecordChainStaffHours':
      return recordChainStaffHours(command, existing(state, command.data.chainId));
    case 'VoidChainStaffHours':
      return voidChainStaffHours(command, existing(state, command.data.chainId));
    case 'DeclareFlatRate':
      return declareFlatRate(command, existing(state, command.data.chainId));
    case 'RecordLastPayment':
      return recordLastPayment(command, state);
    case 'CloseChain':
      return closeChain(command, state);
    case 'RecordChainDebrief':
      return recordChainDebrief(command, existing(state, command.data.chainId));
    default:
      return assertNever(command, 'chain command');
  }
}

function evolve(state: ChainState, event: ChainEvent): ChainState {
  switch (event.type) {
    case 'ChainStarted':
      return {
        status: 'active',
        chainId: event.data.chainId,
        ...detailsOf(event.data),
        startedAt: event.data.at,
        workshopIds: [],
        lastPaidOn: null,
        retentionEndsOn: null,
        meetings: {},
        expenses: {},
        staffHours: {},
        flatRate: null,
        followsChainId: event.data.followsChainId ?? null,
      };
    case 'ChainDetailsUpdated': {
      // Events never reach an empty chain in a sound stream; ignoring keeps evolve total.
      if (state.status === 'empty') return state;
      const next = { ...state };
      for (const field of CHAIN_DETAIL_FIELDS) {
        const value = event.data[field];
        if (value !== undefined) (next as Record<string, unknown>)[field] = value;
      }
      return next;
    }
    case 'WorkshopAddedToChain':
      if (state.status === 'empty') return state;
      return { ...state, workshopIds: [...state.workshopIds, event.data.workshopId] };
    case 'ChainMeetingRecorded': {
      if (state.status === 'empty') return state;
      const { meetingId, heldOn, kind, online, organizationIds } = event.data;
      return { ...state, meetings: { ...state.meetings, [meetingId]: fingerprint(heldOn, kind, online, organizationIds) } };
    }
    case 'ChainExpenseRecorded':
    case 'ChainExpenseVoided':
    case 'ChainExpenseCorrected':
    case 'ChainStaffHoursRecorded':
    case 'ChainStaffHoursVoided':
    case 'FlatRateDeclared':
      return state.status === 'empty' ? state : evolveChainCosts(state, event);
    case 'LastPaymentRecorded':
      if (state.status === 'empty') return state;
      return { ...state, lastPaidOn: event.data.paidOn, retentionEndsOn: event.data.retentionEndsOn };
    case 'ChainClosed':
      if (state.status === 'empty') return state;
      return { ...state, status: 'closed', closedAt: event.data.at, closeReason: event.data.reason };
    case 'ChainDebriefRecorded':
      return state.status === 'empty' ? state : evolveChainDebrief(state, event);
    default:
      return assertNever(event, 'chain event');
  }
}

export const chainDecider: Decider<ChainCommand, ChainEvent, ChainState> = {
  decide,
  evolve,
  initialState: { status: 'empty' },
};
