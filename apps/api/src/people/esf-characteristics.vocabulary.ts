import type { EsfCharacteristics } from '@kuhina/privacy';

// libs/privacy declares these vocabularies as types only; the lists below are checked against them at
// compile time (both ways), so a value added there fails the build here until the API accepts it too.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Vocabulary<K extends keyof EsfCharacteristics> = NonNullable<EsfCharacteristics[K]>;

export const ESF_GENDERS = ['female', 'male', 'other', 'undisclosed'] as const;
export const ESF_LABOUR_MARKET_STATUSES = ['employed', 'self-employed', 'unemployed', 'long-term-unemployed', 'inactive', 'in-education', 'retired', 'undisclosed'] as const;
export const ESF_EDUCATION_LEVELS = ['isced-0-2', 'isced-3-4', 'isced-5-8', 'undisclosed'] as const;
/** Disability and migrant background: yes, no, or the participant chose not to say (GDPR Art. 9 data). */
export const ESF_YES_NO_UNDISCLOSED = [true, false, 'undisclosed'] as const;

const _gendersMatch: Same<(typeof ESF_GENDERS)[number], Vocabulary<'gender'>> = true;
const _statusesMatch: Same<(typeof ESF_LABOUR_MARKET_STATUSES)[number], Vocabulary<'labourMarketStatus'>> = true;
const _levelsMatch: Same<(typeof ESF_EDUCATION_LEVELS)[number], Vocabulary<'educationLevel'>> = true;
const _disabilityMatches: Same<(typeof ESF_YES_NO_UNDISCLOSED)[number], Vocabulary<'disability'>> = true;
const _migrantBackgroundMatches: Same<(typeof ESF_YES_NO_UNDISCLOSED)[number], Vocabulary<'migrantBackground'>> = true;
