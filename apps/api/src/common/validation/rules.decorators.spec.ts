import 'reflect-metadata';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { INTEGER, LIST, PHONE, TEXT, isPhoneNumber } from '@kuhina/domain';
import { RequestValidationError } from '../problem/http-problems';
import type { FieldError } from '../problem/problem-details';
import { BusinessTimeDto } from '../http/business-time';
import { RegisterOrganizationRequestDto } from '../../organizations/register-organization/register-organization.request.dto';
import { StartChainRequestDto } from '../../chains/start-chain/start-chain.request.dto';
import { RegisterPersonRequestDto } from '../../people/register-person/register-person.request.dto';
import { ErasePersonRequestDto } from '../../people/erase-person/erase-person.request.dto';
import { CollectCitizenInputRequestDto } from '../../workshops/collect-citizen-input/collect-citizen-input.request.dto';
import { ForwardCitizenInputSummaryRequestDto } from '../../workshops/forward-citizen-input-summary/forward-citizen-input-summary.request.dto';
import { PlanWorkshopRequestDto } from '../../workshops/plan-workshop/plan-workshop.request.dto';
import { RecordExpenseRequestDto } from '../../workshops/record-expense/record-expense.request.dto';
import { ParticipantPersonDto } from '../../workshops/register-participant/participant-person.request.dto';
import { RegisterParticipantRequestDto } from '../../workshops/register-participant/register-participant.request.dto';
import { createValidationPipe } from './validation.pipe';

const pipe = createValidationPipe();

/** The field errors the API would answer for this body (empty when it passes). */
async function errorsOf(metatype: new () => object, body: Record<string, unknown>): Promise<FieldError[]> {
  try {
    await pipe.transform(body, { type: 'body', metatype });
    return [];
  } catch (error) {
    if (error instanceof RequestValidationError) return error.errors;
    throw error;
  }
}
const rulesOf = async (metatype: new () => object, body: Record<string, unknown>): Promise<Array<[string, string]>> =>
  (await errorsOf(metatype, body)).map(({ field, rule }) => [field, rule]);

const chain = { name: 'Kehittämistyöpajat 2023', fundingProgramme: 'ESF+ 2021–2027', esfOperationId: 'DEMO-ESF-2023-001', periodStart: '2023-01-01', periodEnd: '2023-12-31' };
const expense = { category: 'catering', amountCents: 64_000, fundingSource: 'esf', receiptReference: 'INV-1', description: 'Lunch', incurredOn: '2023-04-19' };

describe('validation decorators built from the shared rules', () => {
  describe('the phone rule, one for both ways of registering a person', () => {
    const phones = ['+358 40 123 4567', '040-123 4567', '12345', '1234', '1', `+${'1'.repeat(39)}`, '1'.repeat(41), '(09) 310 1691', '040 123 4567 ext. 5', ' 0401234567'];

    it.each(phones)('%j: POST /people and an inline participant agree with the domain rule', async (phone) => {
      const alone = await rulesOf(RegisterPersonRequestDto, { name: 'Aino Virtanen', phone });
      const inline = await rulesOf(ParticipantPersonDto, { name: 'Aino Virtanen', phone });

      expect(alone).toEqual(inline);
      expect(alone.length === 0).toBe(isPhoneNumber(phone));
    });

    it('names the field and the rule broken', async () => {
      expect(await rulesOf(RegisterPersonRequestDto, { name: 'Aino', phone: '1234' })).toEqual([['body.phone', 'isLength']]);
      expect(await rulesOf(RegisterPersonRequestDto, { name: 'Aino', phone: '040 123 4567 ext. 5' })).toEqual([['body.phone', 'matches']]);
      expect((await rulesOf(RegisterParticipantRequestDto, { attendanceMode: 'on-site', person: { name: 'Aino', phone: 40_123 } })).sort()).toEqual([
        ['body.person.phone', 'isLength'],
        ['body.person.phone', 'isString'],
        ['body.person.phone', 'matches'],
      ]);
      const [error] = await errorsOf(RegisterPersonRequestDto, { name: 'Aino', phone: 'call me' });
      expect(error?.message).toBe(`phone must be ${PHONE.expected}`);
    });
  });

  it('keeps the rule names the API has always answered with', async () => {
    expect(await rulesOf(StartChainRequestDto, { ...chain, name: '', periodStart: '2023-02-30', periodEnd: '31.12.2023', occurredAt: '2023-W35' })).toEqual(
      expect.arrayContaining([
        ['body.occurredAt', 'matches'],
        ['body.name', 'isLength'],
        ['body.periodStart', 'isIso8601'],
        ['body.periodEnd', 'matches'],
      ]),
    );
    expect(await rulesOf(RecordExpenseRequestDto, { ...expense, amountCents: -1 })).toEqual([['body.amountCents', 'min']]);
    expect(await rulesOf(RecordExpenseRequestDto, { ...expense, amountCents: 1.5 })).toEqual([['body.amountCents', 'isInt']]);
    expect(await rulesOf(ForwardCitizenInputSummaryRequestDto, { summary: 'Heard', recipients: [] })).toEqual([['body.recipients', 'arrayMinSize']]);
    expect(await rulesOf(RegisterOrganizationRequestDto, { name: 'Rauman kaupunki', sector: 'public-administration', businessId: '201256-6', website: 'www.rauma.fi' })).toEqual([
      ['body.businessId', 'matches'],
      ['body.website', 'isUrl'],
    ]);
    expect(await rulesOf(ErasePersonRequestDto, { reason: 'aino@example.org' })).toEqual([['body.reason', 'noPersonalData']]);
  });

  it('takes its limits from the rules: at the limit passes, one past it is refused', async () => {
    const name = (length: number) => rulesOf(StartChainRequestDto, { ...chain, name: 'x'.repeat(length) });
    expect(await name(TEXT.NAME.maxLength)).toEqual([]);
    expect(await name(TEXT.NAME.maxLength + 1)).toEqual([['body.name', 'isLength']]);

    const cents = (amountCents: number) => rulesOf(RecordExpenseRequestDto, { ...expense, amountCents });
    expect(await cents(INTEGER.CENTS.max)).toEqual([]);
    expect(await cents(INTEGER.CENTS.max + 1)).toEqual([['body.amountCents', 'max']]);

    const groups = (count: number) => rulesOf(PlanWorkshopRequestDto, { targetGroups: Array.from({ length: count }, () => 'NGO workers') });
    expect(await groups(LIST.TARGET_GROUPS.maxItems)).not.toContainEqual(['body.targetGroups', 'arrayMaxSize']);
    expect(await groups(LIST.TARGET_GROUPS.maxItems + 1)).toContainEqual(['body.targetGroups', 'arrayMaxSize']);
    expect(await groups(1)).not.toContainEqual(expect.arrayContaining(['body.targetGroups']));
    expect(await rulesOf(PlanWorkshopRequestDto, { targetGroups: [''] })).toContainEqual(['body.targetGroups', 'isLength']);
  });

  it('lets optional free text be empty only where it may be', async () => {
    expect(await rulesOf(StartChainRequestDto, { ...chain, description: '' })).toEqual([]);
    expect(await rulesOf(RegisterParticipantRequestDto, { attendanceMode: 'on-site', personId: '0d6c4f1a-2b3c-4d5e-8f90-a1b2c3d4e5f6', expectations: '' })).toEqual([
      ['body.expectations', 'isLength'],
    ]);
  });

  it('checks dates, date-times and days-or-instants by the shared patterns', async () => {
    const occurredAt = (value: string) => rulesOf(BusinessTimeDto, { occurredAt: value });
    expect(await occurredAt('2023-04-19T10:00:00+03:00')).toEqual([]);
    expect(await occurredAt('2023-04-19T10:00:00')).toEqual([['body.occurredAt', 'matches']]);
    // Strict ISO 8601, and JavaScript reads it (as the next day): the shared rule, like the domain, refuses it.
    expect(await occurredAt('2023-04-19T24:00Z')).toEqual([['body.occurredAt', 'matches']]);

    const input = { topic: 'Services', summary: 'More evening hours', citizensHeard: 42, countingMethod: 'tally' };
    expect(await rulesOf(CollectCitizenInputRequestDto, { ...input, collectedAt: '2023-06-14' })).toEqual([]);
    expect(await rulesOf(CollectCitizenInputRequestDto, { ...input, collectedAt: '2023-06-14T17:00:00+03:00' })).toEqual([]);
    expect(await rulesOf(CollectCitizenInputRequestDto, { ...input, collectedAt: '2023-06-14T17:00:00', citizensHeard: INTEGER.CITIZENS_HEARD.max + 1 })).toEqual([
      ['body.citizensHeard', 'max'],
      ['body.collectedAt', 'matches'],
    ]);
  });

  it('writes the limits into the OpenAPI schema, keeping what the DTO says itself', () => {
    const schema = (target: object, property: string): Record<string, unknown> => Reflect.getMetadata('swagger/apiModelProperties', target, property) as Record<string, unknown>;

    expect(schema(StartChainRequestDto.prototype, 'name')).toMatchObject({ minLength: 1, maxLength: TEXT.NAME.maxLength, example: expect.any(String) });
    expect(schema(StartChainRequestDto.prototype, 'description')).toMatchObject({ minLength: 0, maxLength: TEXT.LONG.maxLength, required: false });
    expect(schema(RecordExpenseRequestDto.prototype, 'amountCents')).toMatchObject({ type: 'integer', minimum: 0, maximum: INTEGER.CENTS.max, example: 64000 });
    expect(schema(RegisterPersonRequestDto.prototype, 'phone')).toMatchObject({ minLength: PHONE.minLength, maxLength: PHONE.maxLength, pattern: PHONE.pattern.source, nullable: true, required: false });
    expect(schema(ForwardCitizenInputSummaryRequestDto.prototype, 'recipients')).toMatchObject({ minItems: 1, maxItems: LIST.RECIPIENTS.maxItems });
    expect(schema(RecordExpenseRequestDto.prototype, 'incurredOn')).toMatchObject({ format: 'date' });
  });

  it('no request DTO spells a pattern or a limit of its own', () => {
    const root = join(__dirname, '..', '..');
    const dtos = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? dtos(join(dir, entry.name)) : entry.name.endsWith('.request.dto.ts') ? [join(dir, entry.name)] : [],
      );
    const literal = /@(Length|Matches|Min|Max|MinLength|MaxLength|ArrayMinSize|ArrayMaxSize)\(|\b(minLength|maxLength|minimum|maximum|minItems|maxItems|pattern):|\/\^/;

    const files = dtos(root);
    expect(files.length).toBeGreaterThan(30);
    const offenders = files.filter((file) => readFileSync(file, 'utf8').split('\n').some((line) => literal.test(line))).map((file) => relative(root, file));
    expect(offenders).toEqual([]);
  });

  describe('control characters (issue 16)', () => {
    it("refuses the issue's organisation name with a 400 naming the field and the rule", async () => {
      const errors = await errorsOf(RegisterOrganizationRequestDto, { name: "Harmless Oy\r=cmd|' /C calc'!A0", sector: 'sme' });

      expect(errors.map(({ field, rule }) => [field, rule])).toEqual([['body.name', 'noControlCharacters']]);
      expect(errors[0]?.message).toBe('name must be free of control characters');
    });

    it('refuses NUL, TAB and a line break in a name, a C1 control in a place', async () => {
      for (const name of ['a\u0000b', 'a\tb', 'a\nb']) expect(await rulesOf(StartChainRequestDto, { ...chain, name })).toEqual([['body.name', 'noControlCharacters']]);
      expect(await rulesOf(RegisterOrganizationRequestDto, { name: 'Oy', sector: 'sme', region: 'Sata\u0085kunta' })).toEqual([['body.region', 'noControlCharacters']]);
    });

    it('lets a long free text keep LF and CRLF line breaks, not a bare CR', async () => {
      expect(await rulesOf(RecordExpenseRequestDto, { ...expense, description: 'Lounas\r\nbuffet\nja kahvit' })).toEqual([]);
      const [error] = await errorsOf(RecordExpenseRequestDto, { ...expense, description: 'Lounas\r=cmd' });
      expect([error?.field, error?.rule, error?.message]).toEqual(['body.description', 'noControlCharacters', 'description must be free of control characters other than line breaks (LF or CRLF)']);
      expect(await rulesOf(RecordExpenseRequestDto, { ...expense, receiptReference: 'INV\n1' })).toEqual([['body.receiptReference', 'noControlCharacters']]);
    });
  });
});
