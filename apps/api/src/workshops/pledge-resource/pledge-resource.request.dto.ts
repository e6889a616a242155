import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PLEDGE_KINDS, TEXT, type PledgeKind } from '@kuhina/domain';
import { BusinessTimeDto } from '../../common/http/business-time';
import { IsCents, TextOf } from '../../common/validation/rules.decorators';

export class PledgeResourceRequestDto extends BusinessTimeDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Client-chosen pledge id; default: made by the server', example: '0d5e6f2a-3b1c-4f8e-9a7d-2c4b6e8f1a30' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ format: 'uuid', description: 'The pledging organisation', example: '7a3e9c41-52d8-4b6f-8e1a-9c0d2f4b6a85' })
  @IsUUID()
  organizationId!: string;

  @ApiProperty({ enum: PLEDGE_KINDS, example: 'venue' })
  @IsIn(PLEDGE_KINDS)
  kind!: PledgeKind;

  @ApiProperty({ example: 'Tent space on the pedestrian street, free of charge' })
  @TextOf(TEXT.LONG)
  description!: string;

  @ApiProperty({ description: 'In-kind value in integer cents (ESF in-kind contribution)', example: 25000 })
  @IsCents()
  inKindValueCents!: number;

  @ApiProperty({ description: 'How the in-kind value was reckoned (audit evidence)', example: 'City of Pori event-site fee for a 3×3 m tent, one day' })
  @TextOf(TEXT.LONG)
  valuationBasis!: string;
}
