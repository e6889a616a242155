import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { EXPENSE_CATEGORIES, FUNDING_SOURCES, TEXT, type ExpenseCategory, type FundingSource } from '@kuhina/domain';
import { BusinessTimeDto } from '../../common/http/business-time';
import { IsCents, TextOf } from '../../common/validation/rules.decorators';

/** The corrected figures replace all four of the old ones; the event keeps the previous figures for the audit trail. */
export class CorrectExpenseRequestDto extends BusinessTimeDto {
  @ApiProperty({ description: 'Corrected amount in integer cents', example: 4400 })
  @IsCents()
  amountCents!: number;

  @ApiProperty({ enum: EXPENSE_CATEGORIES, example: 'materials' })
  @IsIn(EXPENSE_CATEGORIES)
  category!: ExpenseCategory;

  @ApiProperty({ enum: FUNDING_SOURCES, example: 'esf' })
  @IsIn(FUNDING_SOURCES)
  fundingSource!: FundingSource;

  @ApiProperty({ example: 'RCPT-2023-04-17-0032' })
  @TextOf(TEXT.REFERENCE)
  receiptReference!: string;

  @ApiProperty({ example: 'Receipt misread: 44,00 € not 64,00 €' })
  @TextOf(TEXT.LONG)
  reason!: string;
}
