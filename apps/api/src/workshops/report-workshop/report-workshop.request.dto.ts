import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { BusinessTimeDto } from '../../common/http/business-time';

export class ReportWorkshopRequestDto extends BusinessTimeDto {
  @ApiProperty({
    example: 'Futures workshop held with the City of Rauma and Valo-Valmennusyhdistys; participants questioned the speakers; feedback collected. Local follow-up network started.',
    maxLength: 4000,
  })
  @IsString()
  @Length(1, 4000)
  summary!: string;
}
