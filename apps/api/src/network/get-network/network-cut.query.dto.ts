import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, Matches, ValidateBy } from 'class-validator';
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

/** Which chain, and optionally when and whose attendances: shared by the network, its metrics and its exports. */
export class NetworkCutQueryDto extends ViewQueryDto {
  @ApiProperty({ format: 'uuid', example: 'cd5bcce9-37e6-8ac0-9d1d-27d8a256df93' })
  @IsUUID('all')
  chainId!: string;

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
