import type { DomainCommand } from '../shared/decider';
import type { ChainDetails } from './chain.events';

export type StartChain = DomainCommand<'StartChain', { chainId: string } & ChainDetails>;

/** Fields left out (or undefined) stay as they are. */
export type UpdateChainDetails = DomainCommand<'UpdateChainDetails', { chainId: string } & Partial<ChainDetails>>;

export type AddWorkshopToChain = DomainCommand<'AddWorkshopToChain', { chainId: string; workshopId: string }>;

/** The date of the last payment to the beneficiary; it starts the ESF retention clock. */
export type RecordLastPayment = DomainCommand<'RecordLastPayment', { chainId: string; paidOn: string }>;

export type CloseChain = DomainCommand<'CloseChain', { chainId: string; reason: string }>;

export type ChainCommand = StartChain | UpdateChainDetails | AddWorkshopToChain | RecordLastPayment | CloseChain;
