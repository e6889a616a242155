import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Length, Max, Min } from 'class-validator';
import { EXPENSE_CATEGORIES, FUNDING_SOURCES, type ExpenseCategory, type FundingSource } from '@kuhina/domain';
import { BusinessTimeDto } from '../../common/http/business-time';

/** The corrected figures replace all four of the old ones; the event keeps the previous figures for the audit trail. */
export class CorrectExpenseRequestDto extends BusinessTimeDto {
  @ApiProperty({ description: 'Corrected amount in integer cents', example: 4400, minimum: 0, maximum: 100_000_000 })
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  amountCents!: number;

  @ApiProperty({ enum: EXPENSE_CATEGORIES, example: 'materials' })
  @IsIn(EXPENSE_CATEGORIES)
  category!: ExpenseCategory;

  @ApiProperty({ enum: FUNDING_SOURCES, example: 'esf' })
  @IsIn(FUNDING_SOURCES)
  fundingSource!: FundingSource;

  @ApiProperty({ example: 'RCPT-2023-04-17-0032', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  receiptReference!: string;

  @ApiProperty({ example: 'Receipt misread: 44,00 € not 64,00 €', maxLength: 4000 })
  @IsString()
  @Length(1, 4000)
  reason!: string;
}
