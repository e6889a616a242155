import {
  chainDecider,
  chainStream,
  collaborationDecider,
  collaborationStream,
  emailClaimDecider,
  emailClaimStream,
  organizationDecider,
  organizationStream,
  personDecider,
  personStream,
  staffDecider,
  staffStream,
  workshopDecider,
  workshopStream,
  type ChainCommand,
  type ChainState,
  type CollaborationState,
  type EmailClaimState,
  type OrganizationState,
  type PersonState,
  type StaffCommand,
  type StaffState,
  type WorkshopState,
  type CollaborationCommand,
  type Decider,
  type DomainCommand,
  type DomainEvent,
  type EmailClaimCommand,
  type OrganizationCommand,
  type PersonCommand,
  type WorkshopCommand,
} from '@kuhina/domain';

/** Which decider and which stream handle a command: the one table that routes every write. */
type AnyCommand = DomainCommand<string, unknown>;

export interface AggregateRoute<C extends AnyCommand, S = unknown> {
  // The concrete event type stays inside the decider; the generic handler needs no more.
  decider: Decider<C, DomainEvent<string, unknown>, S>;
  stream(command: C): string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any event type: the route only needs the command and state types
const route = <C extends AnyCommand, S>(decider: Decider<C, any, S>, stream: (command: C) => string): AggregateRoute<C, S> => ({
  decider: decider as unknown as Decider<C, DomainEvent<string, unknown>, S>,
  stream,
});

export const AGGREGATES = {
  chain: route<ChainCommand, ChainState>(chainDecider, (c) => chainStream(c.data.chainId)),
  organization: route<OrganizationCommand, OrganizationState>(organizationDecider, (c) => organizationStream(c.data.organizationId)),
  person: route<PersonCommand, PersonState>(personDecider, (c) => personStream(c.data.personId)),
  emailClaim: route<EmailClaimCommand, EmailClaimState>(emailClaimDecider, (c) => emailClaimStream(c.data.blindIndex)),
  workshop: route<WorkshopCommand, WorkshopState>(workshopDecider, (c) => workshopStream(c.data.workshopId)),
  collaboration: route<CollaborationCommand, CollaborationState>(collaborationDecider, (c) => collaborationStream(c.data.collaborationId)),
  staff: route<StaffCommand, StaffState>(staffDecider, (c) => staffStream(c.data.personId)),
} as const;

export type AggregateName = keyof typeof AGGREGATES;
export type CommandOf<A extends AggregateName> = (typeof AGGREGATES)[A] extends AggregateRoute<infer C, unknown> ? C : never;
export type StateOf<A extends AggregateName> = (typeof AGGREGATES)[A] extends AggregateRoute<AnyCommand, infer S> ? S : never;
