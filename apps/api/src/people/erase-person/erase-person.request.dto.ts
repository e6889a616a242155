import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, registerDecorator, type ValidationOptions } from 'class-validator';
import { BusinessTimeDto } from '../../common/http/business-time';

// An e-mail address, or six or more digits in a row once spaces are ignored: phone numbers and
// identity codes (e.g. the Finnish henkilötunnus 010185-123A). Dates (2024-01-02) still pass.
const LOOKS_PERSONAL = [/\S@\S/, /\d(?: ?\d){5}/];

/** The reason stays in the log for good, so it must not carry what the erasure removes. */
export function HoldsNoPersonalData(options?: ValidationOptions) {
  return (target: object, propertyName: string): void =>
    registerDecorator({
      name: 'noPersonalData',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must not hold personal data (no e-mail address, phone number or identity code)`, ...options },
      validator: { validate: (value: unknown) => typeof value !== 'string' || !LOOKS_PERSONAL.some((pattern) => pattern.test(value)) },
    });
}

export class ErasePersonRequestDto extends BusinessTimeDto {
  @ApiProperty({
    minLength: 3,
    maxLength: 200,
    description: 'Why the personal data is erased, e.g. "data subject request (GDPR Art. 17)". Kept in the log for good: no names, e-mail addresses, phone numbers or identity codes.',
    example: 'data subject request (GDPR Art. 17)',
  })
  @IsString()
  @Length(3, 200)
  @HoldsNoPersonalData()
  reason!: string;
}
