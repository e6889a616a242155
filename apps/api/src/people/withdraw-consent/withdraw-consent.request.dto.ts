import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CONSENT_PURPOSES, CONSENT_SOURCES, TEXT, type ConsentPurpose, type ConsentSource } from '@kuhina/domain';
import { BusinessTimeDto } from '../../common/http/business-time';
import { IsIsoDate, TextOf } from '../../common/validation/rules.decorators';

export class WithdrawConsentRequestDto extends BusinessTimeDto {
  @ApiProperty({ enum: CONSENT_PURPOSES, example: 'future-workshops' })
  @IsIn(CONSENT_PURPOSES)
  purpose!: ConsentPurpose;

  // Required for the same reason as a consent's day: a withdrawal typed in later must still beat what came before it.
  @ApiProperty({ description: 'The day the person withdrew the consent (YYYY-MM-DD), not the day it is typed in', example: '2023-06-01' })
  @IsIsoDate()
  withdrawnOn!: string;

  @ApiProperty({ enum: CONSENT_SOURCES, description: 'How the withdrawal reached the back office', example: 'e-mail' })
  @IsIn(CONSENT_SOURCES)
  source!: ConsentSource;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'The wording of the form used to withdraw, if any; null or left out: none (a withdrawal covers every wording)', example: null })
  @IsOptional()
  @TextOf(TEXT.CODE)
  wordingVersion?: string | null;
}
