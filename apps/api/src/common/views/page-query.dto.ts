import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { LOG_POSITION } from '@kuhina/domain';

/** Query of every view read: read-your-writes and cursor pagination. */
export class ViewQueryDto {
  @ApiPropertyOptional({ description: 'Wait until the views include this log position (the `position` a write answered)', example: '1013' })
  @IsOptional()
  @Matches(LOG_POSITION.pattern, { message: `consistentWith must be ${LOG_POSITION.expected}` })
  consistentWith?: string;
}

export class PageQueryDto extends ViewQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50, example: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'The `next` cursor of the previous page', example: 'eyJzIjoi...' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  cursor?: string;
}

export interface PageAnswer<T> {
  items: T[];
  /** Cursor of the next page, or null on the last one. */
  next: string | null;
}
