import type { DomainCommand } from '../shared/decider';
import type { PlanningMeetingKind } from '../workshop/workshop.events';
import type { ChainDetails } from './chain.events';

export type StartChain = DomainCommand<'StartChain', { chainId: string } & ChainDetails>;

/** Fields left out (or undefined) stay as they are. */
export type UpdateChainDetails = DomainCommand<'UpdateChainDetails', { chainId: string } & Partial<ChainDetails>>;

export type AddWorkshopToChain = DomainCommand<'AddWorkshopToChain', { chainId: string; workshopId: string }>;

/** The date of the last payment to the beneficiary; it starts the ESF retention clock. */
export type RecordLastPayment = DomainCommand<'RecordLastPayment', { chainId: string; paidOn: string }>;

/** A planning meeting held for the chain as a whole; heldOn: ISO date YYYY-MM-DD. */
export type RecordChainMeeting = DomainCommand<
  'RecordChainMeeting',
  { chainId: string; meetingId: string; heldOn: string; kind: PlanningMeetingKind; online: boolean; organizationIds: string[]; notes: string }
>;

export type CloseChain = DomainCommand<'CloseChain', { chainId: string; reason: string }>;

export type ChainCommand = StartChain | UpdateChainDetails | AddWorkshopToChain | RecordChainMeeting | RecordLastPayment | CloseChain;
