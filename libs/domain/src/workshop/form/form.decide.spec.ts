import { DeciderSpecification } from '@kuhina/testing';
import { workshopDecider } from '../workshop.decider';
import { WorkshopErrors as E } from '../workshop.errors';
import { at, command, event, heldWithAnna, open, planned, register, registered } from '../workshop.spec-helper';
import { FormErrors, MAX_FORM_QUESTIONS, type FormQuestionSpec } from './form';

const sut = DeciderSpecification.for(workshopDecider);

const expectations: FormQuestionSpec = { questionId: 'expectations', kind: 'text', label: { fi: 'Odotuksesi työpajalle', en: 'Your expectations' }, help: null, required: false };
const advance: FormQuestionSpec = { questionId: 'advance', kind: 'advance-questions', label: { fi: 'Ennakkokysymykset puhujille', en: 'Questions for the speakers' }, help: { fi: 'Yksi kysymys riville', en: '' }, required: true };
const setForm = (questions: unknown[] = [expectations, advance]) => command('SetRegistrationForm', { questions: questions as FormQuestionSpec[] });
const formSet = (version: number, questions: FormQuestionSpec[] = [expectations, advance]) => event('RegistrationFormSet', { questions, version, setAt: at });
const linkCreated = (linkId = 'l-1') => event('RegistrationLinkCreated', { linkId, createdAt: at });
const linkRevoked = (linkId = 'l-1') => event('RegistrationLinkRevoked', { linkId, reason: 'Shared on the wrong list', revokedAt: at });
const sealed = { alg: 'A256GCM' as const, keyId: 'k-anna', iv: 'aXY=', tag: 'dGFn', ciphertext: 'Y2lwaGVy' };
const viaForm = (linkId = 'l-1') => {
  const c = register('r-anna', 'anna');
  return { ...c, data: { ...c.data, form: { linkId, answers: sealed } } };
};

describe('Workshop decider: the public registration form', () => {
  it('sets the questions as version 1; another set replaces them (version 2); the same again is a retry', () => {
    sut.given(planned()).when(setForm()).then([formSet(1)]);
    sut.given([...planned(), formSet(1)]).when(setForm([advance])).then([formSet(2, [advance])]);
    sut.given([...planned(), formSet(1)]).when(setForm()).then([]);
  });

  it('refuses to change the form of a workshop held (409)', () => {
    sut.given(heldWithAnna()).when(setForm()).thenThrows(E.ALREADY_HELD);
  });

  it.each<[string, unknown[]]>([
    ['a question id twice', [expectations, { ...advance, questionId: 'expectations' }]],
    ['an unknown kind', [{ ...expectations, kind: 'multiple-choice' }]],
    ['no Finnish label', [{ ...expectations, label: { fi: ' ', en: 'Expectations' } }]],
    ['a control character in a label', [{ ...expectations, label: { fi: 'Odotukset\u0007', en: '' } }]],
    ['required not a boolean', [{ ...expectations, required: 'yes' }]],
    ['an id with spaces', [{ ...expectations, questionId: 'my question' }]],
    ['too many questions', Array.from({ length: MAX_FORM_QUESTIONS + 1 }, (_, i) => ({ ...expectations, questionId: `q${i}` }))],
  ])('refuses %s (400 FORM.INVALID_FIELD)', (_what, questions) => {
    sut.given(planned()).when(setForm(questions)).thenThrows(FormErrors.INVALID_FIELD);
  });

  it('makes a link once (the same id again is a retry) and revokes it once', () => {
    sut.given(planned()).when(command('CreateRegistrationLink', { linkId: 'l-1' })).then([linkCreated()]);
    sut.given([...planned(), linkCreated()]).when(command('CreateRegistrationLink', { linkId: 'l-1' })).then([]);
    sut.given([...planned(), linkCreated()]).when(command('RevokeRegistrationLink', { linkId: 'l-1', reason: 'Shared on the wrong list' })).then([linkRevoked()]);
    sut.given([...planned(), linkCreated(), linkRevoked()]).when(command('RevokeRegistrationLink', { linkId: 'l-1', reason: 'again' })).then([]);
    sut.given(planned()).when(command('RevokeRegistrationLink', { linkId: 'l-9', reason: 'typo' })).thenThrows(FormErrors.LINK_NOT_FOUND);
  });

  it('registers through an active link with the sealed answers; a revoked or unknown link registers nobody', () => {
    const through = registered('r-anna', 'anna');
    sut.given([...open(), linkCreated()]).when(viaForm()).then([{ ...through, data: { ...through.data, form: { linkId: 'l-1', answers: sealed } } }]);
    sut.given([...open(), linkCreated(), linkRevoked()]).when(viaForm()).thenThrows(FormErrors.LINK_REVOKED);
    sut.given(open()).when(viaForm('l-9')).thenThrows(FormErrors.LINK_NOT_FOUND);
  });
});
