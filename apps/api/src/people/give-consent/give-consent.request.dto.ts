import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { CONSENT_PURPOSES, CONSENT_SOURCES, TEXT, type ConsentPurpose, type ConsentSource } from '@kuhina/domain';
import { BusinessTimeDto } from '../../common/http/business-time';
import { IsIsoDate, TextOf } from '../../common/validation/rules.decorators';

export class GiveConsentRequestDto extends BusinessTimeDto {
  @ApiProperty({ enum: CONSENT_PURPOSES, description: '`future-workshops`: being told about the coming workshops; `named-in-reports`: being named in reports', example: 'future-workshops' })
  @IsIn(CONSENT_PURPOSES)
  purpose!: ConsentPurpose;

  // Required: the proof of a consent is the day the person gave it, and forms are often typed in weeks later.
  @ApiProperty({ description: 'The day the person gave the consent (YYYY-MM-DD): the date on the form or e-mail, not the day it is typed in', example: '2023-04-19' })
  @IsIsoDate()
  givenOn!: string;

  @ApiProperty({ enum: CONSENT_SOURCES, description: 'How the consent reached the back office: a form (paper or web), an e-mail, or said in person', example: 'form' })
  @IsIn(CONSENT_SOURCES)
  source!: ConsentSource;

  @ApiProperty({ description: 'Which wording of the consent text the person agreed to (a version label kept with the texts, not the text itself)', example: 'registration-form-2023-v1' })
  @TextOf(TEXT.CODE)
  wordingVersion!: string;
}
