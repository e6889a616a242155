import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, ValidateIf } from 'class-validator';
import { OFFER_KINDS, TEXT, type OfferKind } from '@kuhina/domain';
import { BusinessTimeDto } from '../../common/http/business-time';
import { IsCents, IsIsoDate, TextOf } from '../../common/validation/rules.decorators';

// A field left out stays as it is; required fields refuse null, optional ones take null to clear them.
const given = (_: object, value: unknown): boolean => value !== undefined;
const givenValue = (_: object, value: unknown): boolean => value !== undefined && value !== null;

/** A partial update of an offer: send only the fields that change. */
export class UpdateOfferRequestDto extends BusinessTimeDto {
  @ApiPropertyOptional({ enum: OFFER_KINDS, example: 'storage' })
  @ValidateIf(given)
  @IsIn(OFFER_KINDS)
  kind?: OfferKind;

  @ApiPropertyOptional({ example: 'Two tents on the pedestrian street' })
  @ValidateIf(given)
  @TextOf(TEXT.LONG)
  description?: string;

  @ApiPropertyOptional({ example: true })
  @ValidateIf(given)
  @IsBoolean()
  online?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Pori' })
  @ValidateIf(givenValue)
  @TextOf(TEXT.PLACE)
  municipality?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Satakunta' })
  @ValidateIf(givenValue)
  @TextOf(TEXT.PLACE)
  region?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'two 6 x 3 m tents' })
  @ValidateIf(givenValue)
  @TextOf(TEXT.LABEL)
  capacity?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 100000 })
  @ValidateIf(givenValue)
  @IsCents()
  valueCents?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2024-07-01' })
  @ValidateIf(givenValue)
  @IsIsoDate()
  availableFrom?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2024-07-31' })
  @ValidateIf(givenValue)
  @IsIsoDate()
  availableUntil?: string | null;
}
