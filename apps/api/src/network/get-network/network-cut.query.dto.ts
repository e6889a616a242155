import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, Matches, ValidateBy } from 'class-validator';
import { asOfLimit, type NetworkCut } from '@kuhina/read-model';
import { ViewQueryDto } from '../../common/views/page-query.dto';
import { LOG_POSITION } from '@kuhina/domain';

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

/** Which chain, and optionally when: shared by the network, its metrics and its exports. */
export class NetworkCutQueryDto extends ViewQueryDto {
  @ApiProperty({ format: 'uuid', example: 'cd5bcce9-37e6-8ac0-9d1d-27d8a256df93' })
  @IsUUID('all')
  chainId!: string;

  @ApiPropertyOptional({
    description: 'Time travel by business date: the network as it stood at the end of this day (UTC), or at this instant for a date-time.',
    example: '2023-05-31',
  })
  @IsOptional()
  @IsAsOf()
  asOf?: string;

  @ApiPropertyOptional({ description: 'Time travel by log position: the network as it stood once this position was recorded.', example: '420' })
  @IsOptional()
  @Matches(LOG_POSITION.pattern, { message: `untilPosition must be ${LOG_POSITION.expected}` })
  untilPosition?: string;
}

export const cutOf = (query: NetworkCutQueryDto): NetworkCut => ({
  ...(query.asOf === undefined ? {} : { asOf: query.asOf }),
  ...(query.untilPosition === undefined ? {} : { untilPosition: BigInt(query.untilPosition) }),
});
