/**
 * The ESF+ reporting categories of a participant (Regulation (EU) 2021/1057, Annex I): gender, age band,
 * labour-market status and educational attainment — bucketed, never a name, a date of birth or a contact.
 *
 * Why they sit outside the sealed personal data: the ESF indicators are counts the programme must keep
 * reporting after a person's data has been erased (crypto-shredding destroys everything sealed). Kept as
 * categories only, tied to a person id that no longer leads to anyone, they are statistics, not identity.
 * Disability and foreign background (special categories, GDPR Art. 9) stay sealed and are not kept here.
 */
export const ESF_GENDERS = ['female', 'male', 'other', 'unknown'] as const;
export type EsfGender = (typeof ESF_GENDERS)[number];

export const ESF_AGE_BANDS = ['under-18', '18-29', '30-54', '55-plus', 'unknown'] as const;
export type EsfAgeBand = (typeof ESF_AGE_BANDS)[number];

export const ESF_LABOUR_MARKET_STATUSES = ['employed', 'self-employed', 'unemployed', 'long-term-unemployed', 'inactive', 'in-education', 'retired', 'unknown'] as const;
export type EsfLabourMarketStatus = (typeof ESF_LABOUR_MARKET_STATUSES)[number];

export const ESF_EDUCATION_LEVELS = ['isced-0-2', 'isced-3-4', 'isced-5-8', 'unknown'] as const;
export type EsfEducationLevel = (typeof ESF_EDUCATION_LEVELS)[number];

export interface EsfProfile {
  gender: EsfGender;
  /** Age at registration (the year of birth is all that is asked, so the band may be a year off at its edges). */
  ageBand: EsfAgeBand;
  labourMarketStatus: EsfLabourMarketStatus;
  educationLevel: EsfEducationLevel;
}

/** What a person told us, as the back-office records it (sealed elsewhere); any field may be missing or 'undisclosed'. */
export interface EsfAnswers {
  gender?: string;
  birthYear?: number;
  labourMarketStatus?: string;
  educationLevel?: string;
}

const known = <T extends string>(values: readonly T[], value: string | undefined): T => (value !== undefined && (values as readonly string[]).includes(value) ? (value as T) : ('unknown' as T));

/** Age band on a date (ISO) from a year of birth. */
export function ageBandOn(birthYear: number | undefined, on: string): EsfAgeBand {
  if (birthYear === undefined || !Number.isInteger(birthYear)) return 'unknown';
  const age = Number(on.slice(0, 4)) - birthYear;
  if (!Number.isFinite(age) || age < 0 || age > 130) return 'unknown';
  if (age < 18) return 'under-18';
  if (age < 30) return '18-29';
  if (age < 55) return '30-54';
  return '55-plus';
}

/** The reporting categories of a person's answers on a date; null when nothing was asked (all unknown in the indicators). */
export function esfProfileOf(answers: EsfAnswers | undefined | null, on: string): EsfProfile | null {
  if (!answers) return null;
  return {
    gender: known(ESF_GENDERS, answers.gender),
    ageBand: ageBandOn(answers.birthYear, on),
    labourMarketStatus: known(ESF_LABOUR_MARKET_STATUSES, answers.labourMarketStatus),
    educationLevel: known(ESF_EDUCATION_LEVELS, answers.educationLevel),
  };
}
