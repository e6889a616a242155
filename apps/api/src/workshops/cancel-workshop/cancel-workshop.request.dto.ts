import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { BusinessTimeDto } from '../../common/http/business-time';

export class CancelWorkshopRequestDto extends BusinessTimeDto {
  @ApiProperty({ example: 'Puhujat estyneitä; työpaja siirretään syksyyn', maxLength: 4000 })
  @IsString()
  @Length(1, 4000)
  reason!: string;
}
