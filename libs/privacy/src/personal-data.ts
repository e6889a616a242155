/**
 * The personal fields of a Person, in clear. This shape exists only in memory: the event log holds
 * `EncryptedPersonalData`, sealed with a key that belongs to that one person (see PersonalDataCipher).
 */
export interface PersonalData {
  name: string;
  email: string | null;
  phone: string | null;
  esf?: EsfCharacteristics;
}

/**
 * Participant characteristics behind the ESF+ common output indicators for participants:
 * Regulation (EU) 2021/1057 (ESF+), Annex I, points 1.1 and 1.2 — data broken down by gender
 * (women, men, non-binary); labour-market status (unemployed incl. long-term unemployed, inactive,
 * employed incl. self-employed); age bands (below 18, 18-29, 55 and above), hence the birth year;
 * educational attainment (ISCED 0-2, 3-4, 5-8); participants with disabilities; participants with a
 * foreign background, migrants, third-country nationals, minorities.
 * Disability and foreign background are special categories of data (GDPR Art. 9), so every field is
 * optional and can be `'undisclosed'`: a participant may refuse to answer and still take part.
 */
export interface EsfCharacteristics {
  /** 'other' covers the regulation's "non-binary" where national law recognises it. */
  gender?: 'female' | 'male' | 'other' | 'undisclosed';
  /** A year rather than a date of birth: the age bands need no more (data minimisation). */
  birthYear?: number;
  labourMarketStatus?:
    | 'employed'
    | 'self-employed'
    | 'unemployed'
    | 'long-term-unemployed'
    | 'inactive'
    | 'in-education'
    | 'retired'
    | 'undisclosed';
  educationLevel?: 'isced-0-2' | 'isced-3-4' | 'isced-5-8' | 'undisclosed';
  disability?: boolean | 'undisclosed';
  migrantBackground?: boolean | 'undisclosed';
}

/**
 * What the event log stores instead of PersonalData (all binary fields base64).
 * libs/domain declares the same structural type; keep the two identical.
 */
export interface EncryptedPersonalData {
  alg: 'A256GCM';
  /** The person's data key in the key store; also the AES-GCM additional authenticated data. */
  keyId: string;
  /** 96-bit random nonce, new for every encryption. */
  iv: string;
  /** 128-bit GCM authentication tag. */
  tag: string;
  ciphertext: string;
}
