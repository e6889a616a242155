import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { EXPENSE_CATEGORIES, FUNDING_SOURCES, TEXT, type ExpenseCategory, type FundingSource } from '@kuhina/domain';
import { BusinessTimeDto } from '../../common/http/business-time';
import { IsCents, IsIsoDate, TextOf } from '../../common/validation/rules.decorators';

export class RecordExpenseRequestDto extends BusinessTimeDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Client-chosen expense id; default: made by the server', example: '4c2a8e1f-6d3b-4a9e-b5c7-1f0e2d3c4b5a' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ enum: EXPENSE_CATEGORIES, example: 'catering' })
  @IsIn(EXPENSE_CATEGORIES)
  category!: ExpenseCategory;

  @ApiProperty({ description: 'Amount in integer cents (salaries excluded)', example: 64000 })
  @IsCents()
  amountCents!: number;

  @ApiProperty({ enum: FUNDING_SOURCES, example: 'esf' })
  @IsIn(FUNDING_SOURCES)
  fundingSource!: FundingSource;

  @ApiProperty({ description: 'Invoice or receipt number: ESF audits trace every euro to its evidence', example: 'INV-2023-0419-RAU-01' })
  @TextOf(TEXT.REFERENCE)
  receiptReference!: string;

  @ApiProperty({ example: 'Vegetarian lunch and coffee, 40 persons, local caterer' })
  @TextOf(TEXT.LONG)
  description!: string;

  @ApiProperty({ description: 'Date the cost was incurred (YYYY-MM-DD)', example: '2023-04-19' })
  @IsIsoDate()
  incurredOn!: string;
}
