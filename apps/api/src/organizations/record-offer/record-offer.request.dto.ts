import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsUUID, ValidateIf } from 'class-validator';
import { OFFER_KINDS, TEXT, type OfferKind } from '@kuhina/domain';
import { BusinessTimeDto } from '../../common/http/business-time';
import { IsCents, IsIsoDate, TextOf } from '../../common/validation/rules.decorators';

const givenValue = (_: object, value: unknown): boolean => value !== undefined && value !== null;

export class RecordOfferRequestDto extends BusinessTimeDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Client-chosen offer id; default: made by the server', example: '2c9e4b7a-1d3f-4a6b-8c5e-7f0a1b2c3d4e' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ enum: OFFER_KINDS, example: 'venue', description: 'The kinds a workshop pledge has' })
  @IsIn(OFFER_KINDS)
  kind!: OfferKind;

  @ApiProperty({ example: 'Tent space on the pedestrian street during Suomi Areena, free of charge' })
  @TextOf(TEXT.LONG)
  description!: string;

  @ApiPropertyOptional({ description: 'Offered online (a webinar speaker, a newsletter); default false', example: false })
  @IsOptional()
  @IsBoolean()
  online?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Pori', description: "Left out: the organisation's own (unless online); null: none" })
  @ValidateIf(givenValue)
  @TextOf(TEXT.PLACE)
  municipality?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Satakunta', description: "Left out: the organisation's own (unless online); null: none" })
  @ValidateIf(givenValue)
  @TextOf(TEXT.PLACE)
  region?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'one 6 x 3 m tent', description: "How much, in the kind's own unit (seats, m², portions); null or left out: unknown" })
  @ValidateIf(givenValue)
  @TextOf(TEXT.LABEL)
  capacity?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 50000, description: 'In-kind value in integer cents, when known' })
  @ValidateIf(givenValue)
  @IsCents()
  valueCents?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2023-07-01', description: 'First day it can be had; null or left out: no limit known' })
  @ValidateIf(givenValue)
  @IsIsoDate()
  availableFrom?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2023-07-31', description: 'Last day it can be had (not before availableFrom); null or left out: until further notice' })
  @ValidateIf(givenValue)
  @IsIsoDate()
  availableUntil?: string | null;
}
