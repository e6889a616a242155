import { ApiProperty } from '@nestjs/swagger';
import { TEXT } from '@kuhina/domain';
import { BusinessTimeDto } from '../../common/http/business-time';
import { TextOf } from '../../common/validation/rules.decorators';

export class ReportWorkshopRequestDto extends BusinessTimeDto {
  @ApiProperty({
    example: 'Futures workshop held with the City of Rauma and Valo-Valmennusyhdistys; participants questioned the speakers; feedback collected. Local follow-up network started.',
  })
  @TextOf(TEXT.LONG)
  summary!: string;
}
