import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { WorkshopErrors, type FormAnswers, type FormQuestionSpec } from '@kuhina/domain';
import { PersonalDataCipher } from '@kuhina/privacy';
import { REGISTRATIONS_OF_INDEX, WORKSHOP_DETAIL_COLLECTION, WORKSHOP_REGISTRATIONS_COLLECTION, type RegistrationDocument, type WorkshopDetailView } from '@kuhina/read-model';
import { ViewReader } from '../../common/views/view-reader';
import { GetQuestionsQuery } from './get-questions.query';

export interface QuestionDigest {
  questionId: string;
  kind: FormQuestionSpec['kind'];
  label: FormQuestionSpec['label'];
  /** The answers, each once, sorted: no name, no order of registration, nothing of people erased since. */
  answers: string[];
}

export interface QuestionsAnswer {
  workshopId: string;
  title: string;
  /** Registrations (not cancelled) the digest was drawn from. */
  registrations: number;
  /** The form's questions with their answers. */
  questions: QuestionDigest[];
  /** Every advance question for the speakers, from the form and from registrations typed in by the back office. */
  advanceQuestions: string[];
  /** Expectations typed in by the back office with registrations (the form's are under their question). */
  expectations: string[];
}

const sorted = (texts: Iterable<string>): string[] => [...new Set([...texts].map((t) => t.trim()).filter((t) => t !== ''))].sort((a, b) => a.localeCompare(b, 'fi'));
const lines = (text: string): string[] => text.split(/\r?\n/);

/**
 * GET /workshops/:id/questions: what the presenters need before the day — the advance questions and the answers to the
 * form's questions, without names. The form's answers are sealed with each person's key: opened here, so an erased
 * person's answers are gone from the digest as from everything else.
 */
@QueryHandler(GetQuestionsQuery)
export class GetQuestionsHandler implements IQueryHandler<GetQuestionsQuery, QuestionsAnswer> {
  constructor(
    private readonly views: ViewReader,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async execute({ workshopId }: GetQuestionsQuery): Promise<QuestionsAnswer> {
    const detail = await this.views.one<WorkshopDetailView>(WORKSHOP_DETAIL_COLLECTION, workshopId, WorkshopErrors.NOT_FOUND, 'workshop', { workshopId });
    const registrations = (await this.views.all<RegistrationDocument>(WORKSHOP_REGISTRATIONS_COLLECTION, REGISTRATIONS_OF_INDEX, workshopId)).filter((r) => r.status !== 'cancelled');
    const questions = detail.form?.questions ?? [];
    const byQuestion = new Map<string, string[]>(questions.map((q) => [q.questionId, []]));
    const advance: string[] = [];
    const expectations: string[] = [];
    for (const registration of registrations) {
      advance.push(...registration.advanceQuestions);
      if (registration.expectations) expectations.push(registration.expectations);
      const sealed = registration.form?.answers;
      if (!sealed) continue;
      const opened = await this.cipher.decryptValue<FormAnswers>(sealed);
      if (opened === null) continue;
      for (const question of questions) {
        const answer = opened.answers[question.questionId];
        if (typeof answer !== 'string') continue;
        byQuestion.get(question.questionId)!.push(answer);
        if (question.kind === 'advance-questions') advance.push(...lines(answer));
      }
    }
    return {
      workshopId,
      title: detail.title,
      registrations: registrations.length,
      questions: questions.map(({ questionId, kind, label }) => ({ questionId, kind, label, answers: sorted(kind === 'advance-questions' ? byQuestion.get(questionId)!.flatMap(lines) : byQuestion.get(questionId)!) })),
      advanceQuestions: sorted(advance),
      expectations: sorted(expectations),
    };
  }
}
