import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { BusinessTimeDto, DATE_OR_DATE_TIME_WITH_OFFSET } from '../../common/http/business-time';

export class CollectCitizenInputRequestDto extends BusinessTimeDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Client-chosen input id; default: made by the server', example: '6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ example: 'What would make everyday life in Pori better, and who should do it?', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  topic!: string;

  @ApiProperty({
    example: 'Citizens asked for low-threshold meeting places, help with digital services for the elderly, and more say in how the welfare area spends money.',
    maxLength: 4000,
  })
  @IsString()
  @Length(1, 4000)
  summary!: string;

  @ApiProperty({ description: 'How many citizens were heard', example: 126, minimum: 0, maximum: 1_000_000 })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  citizensHeard!: number;

  @ApiPropertyOptional({ description: 'When the input was collected: a date or a date-time with offset; default: the business time of this write', example: '2023-06-14T17:00:00+03:00' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(DATE_OR_DATE_TIME_WITH_OFFSET, { message: 'collectedAt must be a date YYYY-MM-DD or a date-time with an offset' })
  collectedAt?: string;
}
