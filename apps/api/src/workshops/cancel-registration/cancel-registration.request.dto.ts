import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { TEXT } from '@kuhina/domain';
import { BusinessTimeDto } from '../../common/http/business-time';
import { TextOf } from '../../common/validation/rules.decorators';

export class CancelRegistrationRequestDto extends BusinessTimeDto {
  @ApiPropertyOptional({ example: 'Sairastuminen; ilmoitti puhelimitse', description: 'Default: none given' })
  @IsOptional()
  @TextOf(TEXT.LONG, { emptyAllowed: true })
  reason?: string;
}
