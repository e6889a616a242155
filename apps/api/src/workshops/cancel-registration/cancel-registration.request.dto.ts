import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { BusinessTimeDto } from '../../common/http/business-time';

export class CancelRegistrationRequestDto extends BusinessTimeDto {
  @ApiPropertyOptional({ example: 'Sairastuminen; ilmoitti puhelimitse', maxLength: 4000, description: 'Default: none given' })
  @IsOptional()
  @IsString()
  @Length(0, 4000)
  reason?: string;
}
