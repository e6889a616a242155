import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { INTEGER, TEXT } from '@kuhina/domain';
import { BusinessTimeDto } from '../../common/http/business-time';
import { IntegerIn, TextOf } from '../../common/validation/rules.decorators';

export class SubmitFeedbackRequestDto extends BusinessTimeDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Client-chosen feedback id; default: made by the server', example: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    description: 'The registration giving feedback (once per registration); omit or null for an anonymous paper or online form',
    example: '2b7f4c1e-8a3d-4e6f-9b5c-0d1e2f3a4b5c',
  })
  @IsOptional()
  @IsUUID()
  registrationId?: string | null;

  @ApiPropertyOptional({
    description: 'With a registration: views never show who gave it; the link only enforces once per registration. Default: true for a form without a registration, false with one',
    example: false,
  })
  @IsOptional()
  @IsBoolean()
  anonymous?: boolean;

  @ApiProperty({ example: 4 })
  @IntegerIn(INTEGER.RATING)
  rating!: number;

  @ApiPropertyOptional({ nullable: true, example: 'Useful discussion and new contacts.' })
  @IsOptional()
  @TextOf(TEXT.LONG)
  comment?: string | null;
}
