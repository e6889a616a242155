import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { FORM_QUESTION_KINDS, LIST, MAX_FORM_QUESTIONS, TEXT, type FormQuestionKind } from '@kuhina/domain';
import { BusinessTimeDto } from '../../common/http/business-time';
import { ListOf, TextOf } from '../../common/validation/rules.decorators';

export class FormTextDto {
  @ApiProperty({ example: 'Mitä odotat työpajalta?' })
  @TextOf(TEXT.NAME)
  fi!: string;

  @ApiPropertyOptional({ example: 'What do you expect of the workshop?', description: 'Empty: the English page shows the Finnish' })
  @IsOptional()
  @TextOf(TEXT.NAME, { emptyAllowed: true })
  en?: string;
}

export class FormQuestionDto {
  @ApiProperty({ example: 'expectations', description: 'Letters, digits, _ or - (at most 40; else 400 FORM.INVALID_FIELD); unique within the form (answers are kept under it)' })
  @TextOf(TEXT.CODE)
  questionId!: string;

  @ApiProperty({ enum: FORM_QUESTION_KINDS, description: '`advance-questions`: questions for the speakers, one per line (the presenters\' digest lists them)' })
  @IsIn(FORM_QUESTION_KINDS)
  kind!: FormQuestionKind;

  @ApiProperty({ type: FormTextDto })
  @ValidateNested()
  @Type(() => FormTextDto)
  label!: FormTextDto;

  @ApiPropertyOptional({ type: FormTextDto, nullable: true, example: { fi: 'Yksi kysymys riville.', en: 'One question per line.' } })
  @IsOptional()
  @ValidateNested()
  @Type(() => FormTextDto)
  help?: FormTextDto | null;

  @ApiProperty({ example: false })
  @IsBoolean()
  required!: boolean;
}

export class SetRegistrationFormRequestDto extends BusinessTimeDto {
  @ApiProperty({ type: [FormQuestionDto], description: `At most ${MAX_FORM_QUESTIONS}; replaces the form's earlier questions` })
  @ListOf(LIST.FORM_QUESTIONS)
  @ValidateNested({ each: true })
  @Type(() => FormQuestionDto)
  questions!: FormQuestionDto[];
}

export class CreateRegistrationLinkRequestDto extends BusinessTimeDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Client-chosen link id; default: made by the server', example: '5b2f0c1e-8d3a-4e6f-9a7b-1c2d3e4f5a6b' })
  @IsOptional()
  @IsUUID()
  id?: string;
}

export class RevokeRegistrationLinkRequestDto extends BusinessTimeDto {
  @ApiProperty({ example: 'Shared on the wrong mailing list' })
  @TextOf(TEXT.LONG)
  reason!: string;
}
