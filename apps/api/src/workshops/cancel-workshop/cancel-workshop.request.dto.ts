import { ApiProperty } from '@nestjs/swagger';
import { TEXT } from '@kuhina/domain';
import { BusinessTimeDto } from '../../common/http/business-time';
import { TextOf } from '../../common/validation/rules.decorators';

export class CancelWorkshopRequestDto extends BusinessTimeDto {
  @ApiProperty({ example: 'Puhujat estyneitä; työpaja siirretään syksyyn' })
  @TextOf(TEXT.LONG)
  reason!: string;
}
