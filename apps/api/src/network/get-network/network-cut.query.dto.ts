import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, IsIn, IsOptional, isUUID, Matches, ValidateBy, ValidateIf } from 'class-validator';
import { MAX_NETWORK_CHAINS, type NetworkChoice } from '@kuhina/application';
import { asOfLimit, type NetworkCut } from '@kuhina/read-model';
import { ViewQueryDto } from '../../common/views/page-query.dto';
import { LOG_POSITION, WORKSHOP_ROLES, type WorkshopRole } from '@kuhina/domain';

/**
 * An ISO 8601 date or date-time the replay's cut can read, of a day that exists: the cut's own parser decides
 * (class-validator's strict ISO 8601 also allows week, ordinal and basic forms, which the cut then failed on: a 500).
 */
const IsAsOf = () =>
  ValidateBy({
    name: 'isIso8601',
    validator: {
      validate: (value: unknown) => {
        if (typeof value !== 'string') return false;
        try {
          asOfLimit(value);
          return true;
        } catch {
          return false;
        }
      },
      defaultMessage: () => 'asOf must be an ISO 8601 calendar date (2023-05-31) or date-time (2023-05-31T10:15:00+03:00)',
    },
  });

/** Roles as the query writes them: `participant,host`. */
const rolesIn = (value: string): string[] => value.split(',').map((role) => role.trim());

/** A comma-separated list of workshop roles, each one known (an unknown one would silently leave everyone out). */
const IsRoleList = () =>
  ValidateBy({
    name: 'isWorkshopRoles',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && rolesIn(value).every((role) => (WORKSHOP_ROLES as readonly string[]).includes(role)),
      defaultMessage: () => `roles must be a comma-separated list of ${WORKSHOP_ROLES.join(', ')}`,
    },
  });

// The list's own rules pass a missing list, so that a missing chainId is one error (isDefined), not three.
/** Chain ids, each a UUID (the name `isUuid` also has them lower-cased, as every validated UUID). */
const IsChainIds = () =>
  ValidateBy({
    name: 'isUuid',
    validator: {
      validate: (value: unknown) => value === undefined || (Array.isArray(value) && value.every((id) => isUUID(id, 'all'))),
      defaultMessage: () => 'each chainId must be a UUID',
    },
  });
const AtMostChains = (max: number) =>
  ValidateBy({
    name: 'arrayMaxSize',
    validator: {
      validate: (value: unknown) => !Array.isArray(value) || value.length <= max,
      defaultMessage: () => `chainId names at most ${max} chains; scope=all reads them all`,
    },
  });

/** scope=all names every chain: a chainId beside it would be ambiguous (all, or these?). */
const IsAloneWithoutChainId = () =>
  ValidateBy({
    name: 'scopeWithoutChainId',
    validator: {
      validate: (_value: unknown, args) => (args?.object as { chainId?: unknown }).chainId === undefined,
      defaultMessage: () => 'scope=all reads every chain: name no chainId beside it',
    },
  });

/** Which chains, and optionally when and whose attendances: shared by the network, its metrics and its exports. */
export class NetworkCutQueryDto extends ViewQueryDto {
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: `The chain; repeat it for several (\`chainId=a&chainId=b\`, at most ${MAX_NETWORK_CHAINS}): one network in which each organisation, person and workshop is one node, and a tie made in two chains is one edge whose \`chains\` and \`chainWeights\` say which chain made how much of it. Required unless \`scope=all\`.`,
    example: ['cd5bcce9-37e6-8ac0-9d1d-27d8a256df93'],
  })
  // One value is a string, a repeated one an array (Fastify's query parser): always an array from here on.
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? [value] : value))
  @ValidateIf((query: NetworkCutQueryDto) => query.scope === undefined || query.chainId !== undefined)
  @IsDefined({ message: 'chainId is required (repeat it for several chains), unless scope=all' })
  @AtMostChains(MAX_NETWORK_CHAINS)
  @IsChainIds()
  chainId?: string[];

  @ApiPropertyOptional({
    enum: ['all'],
    description: 'Every chain the views know, as one network (organisations and workshops; people only with `people=true`). Not with `chainId`.',
    example: 'all',
  })
  @IsOptional()
  @IsIn(['all'])
  @IsAloneWithoutChainId()
  scope?: 'all';

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'Whether people and their `participated` ties are in the answer: default `true` for chains named by id, `false` for `scope=all`. Organisation ties (co-attendance, co-organising, pledges, collaborations) stay either way.',
    example: 'false',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  people?: 'true' | 'false';

  @ApiPropertyOptional({
    description:
      "Time travel by business date: the network as it stood at the end of this day (UTC), or at this instant for a date-time. What a workshop brought in (its node, attendances, co-organisers, pledges) is dated by the workshop's own date — the day it was held, else its planned start — however late it was typed in; collaborations by their own dates.",
    example: '2023-05-31',
  })
  @IsOptional()
  @IsAsOf()
  asOf?: string;

  @ApiPropertyOptional({ description: 'Time travel by log position: the network as it stood once this position was recorded.', example: '420' })
  @IsOptional()
  @Matches(LOG_POSITION.pattern, { message: `untilPosition must be ${LOG_POSITION.expected}` })
  untilPosition?: string;

  @ApiPropertyOptional({
    description: `Only the attendances of these roles, comma-separated (${WORKSHOP_ROLES.join(', ')}); default: all. E.g. \`participant\` leaves the people running the workshops (organisers, hosts, speakers) and the ties only they made out. Co-organising, pledges and collaborations stay.`,
    example: 'participant,host',
  })
  @IsOptional()
  @IsRoleList()
  roles?: string;
}

export const cutOf = (query: NetworkCutQueryDto): NetworkCut => ({
  ...(query.asOf === undefined ? {} : { asOf: query.asOf }),
  ...(query.untilPosition === undefined ? {} : { untilPosition: BigInt(query.untilPosition) }),
  ...(query.roles === undefined ? {} : { roles: rolesIn(query.roles) as WorkshopRole[] }),
});

/**
 * One chain as before (`chainId`, people in), or the merged network of several chains or of all (`chains`). Validation
 * has made sure there is a chainId or scope=all.
 */
export const choiceOf = (query: NetworkCutQueryDto): NetworkChoice => {
  const people = query.people === undefined ? {} : { people: query.people === 'true' };
  if (query.scope === 'all') return { chains: { scope: 'all', ...people } };
  const chainIds = [...new Set(query.chainId ?? [])];
  return chainIds.length === 1 && query.people === undefined ? { chainId: chainIds[0]! } : { chains: { chainIds, ...people } };
};

/** Several chains (or all) cost a read per chain and a merge: an expensive read, like a replay by position or a file. */
export const readsSeveralChains = (query: Record<string, unknown>): boolean => Array.isArray(query.chainId) || query.scope !== undefined;
