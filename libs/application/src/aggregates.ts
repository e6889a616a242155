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
  workshopDecider,
  workshopStream,
  type ChainCommand,
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

export interface AggregateRoute<C extends AnyCommand> {
  // The concrete event and state types stay inside the decider; the generic handler needs no more.
  decider: Decider<C, DomainEvent<string, unknown>, unknown>;
  stream(command: C): string;
}

const route = <C extends AnyCommand>(decider: unknown, stream: (command: C) => string): AggregateRoute<C> => ({
  decider: decider as Decider<C, DomainEvent<string, unknown>, unknown>,
  stream,
});

export const AGGREGATES = {
  chain: route<ChainCommand>(chainDecider, (c) => chainStream(c.data.chainId)),
  organization: route<OrganizationCommand>(organizationDecider, (c) => organizationStream(c.data.organizationId)),
  person: route<PersonCommand>(personDecider, (c) => personStream(c.data.personId)),
  emailClaim: route<EmailClaimCommand>(emailClaimDecider, (c) => emailClaimStream(c.data.blindIndex)),
  workshop: route<WorkshopCommand>(workshopDecider, (c) => workshopStream(c.data.workshopId)),
  collaboration: route<CollaborationCommand>(collaborationDecider, (c) => collaborationStream(c.data.collaborationId)),
} as const;

export type AggregateName = keyof typeof AGGREGATES;
export type CommandOf<A extends AggregateName> = (typeof AGGREGATES)[A] extends AggregateRoute<infer C> ? C : never;
