import { Module } from '@nestjs/common';
import { RegistrationFormHttpController } from './backoffice/registration-form.http.controller';
import { FORM_TOKENS_PROVIDER } from './form-tokens.provider';
import { GetQuestionsHandler } from './get-questions/get-questions.handler';
import { GetQuestionsHttpController } from './get-questions/get-questions.http.controller';
import { PublicFormHttpController } from './public-form.http.controller';
import { PublicFormService } from './public-form.service';
import { SubmissionLimiter } from './submission-limiter';

/** The public registration form (/r/...), its set-up by the back office, and the presenters' digest of questions. */
@Module({
  controllers: [PublicFormHttpController, RegistrationFormHttpController, GetQuestionsHttpController],
  providers: [FORM_TOKENS_PROVIDER, PublicFormService, { provide: SubmissionLimiter, useFactory: () => new SubmissionLimiter() }, GetQuestionsHandler],
})
export class PublicFormModule {}
