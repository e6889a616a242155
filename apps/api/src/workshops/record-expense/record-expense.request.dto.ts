import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { EXPENSE_CATEGORIES, FUNDING_SOURCES, type ExpenseCategory, type FundingSource } from '@kuhina/domain';
import { BusinessTimeDto } from '../../common/http/business-time';

export class RecordExpenseRequestDto extends BusinessTimeDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Client-chosen expense id; default: made by the server', example: '4c2a8e1f-6d3b-4a9e-b5c7-1f0e2d3c4b5a' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ enum: EXPENSE_CATEGORIES, example: 'catering' })
  @IsIn(EXPENSE_CATEGORIES)
  category!: ExpenseCategory;

  @ApiProperty({ description: 'Amount in integer cents (salaries excluded)', example: 64000, minimum: 0, maximum: 100_000_000 })
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  amountCents!: number;

  @ApiProperty({ enum: FUNDING_SOURCES, example: 'esf' })
  @IsIn(FUNDING_SOURCES)
  fundingSource!: FundingSource;

  @ApiProperty({ description: 'Invoice or receipt number: ESF audits trace every euro to its evidence', example: 'INV-2023-0419-RAU-01', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  receiptReference!: string;

  @ApiProperty({ example: 'Vegetarian lunch and coffee, 40 persons, local caterer', maxLength: 4000 })
  @IsString()
  @Length(1, 4000)
  description!: string;

  @ApiProperty({ format: 'date', description: 'Date the cost was incurred (YYYY-MM-DD)', example: '2023-04-19' })
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'incurredOn must be a date YYYY-MM-DD' })
  incurredOn!: string;
}
