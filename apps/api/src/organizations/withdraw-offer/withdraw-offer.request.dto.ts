import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { TEXT } from '@kuhina/domain';
import { BusinessTimeDto } from '../../common/http/business-time';
import { TextOf } from '../../common/validation/rules.decorators';

export class WithdrawOfferRequestDto extends BusinessTimeDto {
  @ApiProperty({ format: 'uuid', description: 'The offer (its id as `POST /organizations/:id/offers` answered)', example: '2c9e4b7a-1d3f-4a6b-8c5e-7f0a1b2c3d4e' })
  @IsUUID()
  offerId!: string;

  @ApiProperty({ example: 'The tent was sold' })
  @TextOf(TEXT.LONG)
  reason!: string;
}
