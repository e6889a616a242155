// Every text of the public registration pages, in Finnish and English. `{name}` placeholders are filled by `formText`.
// The English object is typed by the Finnish one's keys, so a key missing (or extra) in either language fails to compile.
import type { FormLanguage } from '../form-model';

const fi = {
  languageName: 'Suomeksi',
  languageSwitch: 'Kieli',
  siteName: 'Työpajan ilmoittautuminen',

  // The workshop
  when: 'Aika',
  where: 'Paikka',
  seats: 'Paikkoja',
  dateTimeSameDay: '{date} klo {start}–{end} (Suomen aikaa)',
  dateTimeSpan: '{start} – {end} (Suomen aikaa)',
  dateTimeAt: '{date} klo {time}',
  online: 'Verkossa',
  placeAndOnline: '{place} tai verkossa',
  seatsLeft: 'Vapaita paikkoja: {count}',
  seatsUnlimited: 'Mukaan mahtuu',
  seatsFull: 'Paikat ovat täynnä, joten uudet ilmoittautumiset menevät jonotuslistalle. Jonossa nyt: {waiting}.',

  // The form
  formTitle: 'Ilmoittaudu: {title}',
  formHeading: 'Ilmoittaudu',
  requiredIntro: 'Pakolliset kohdat on merkitty sanalla (pakollinen).',
  required: '(pakollinen)',
  optional: '(vapaaehtoinen)',
  errorTitlePrefix: 'Virhe: {title}',
  errorSummaryHeading: 'Korjaa nämä kohdat',
  aboutYou: 'Tietosi',
  name: 'Nimi',
  email: 'Sähköposti',
  emailHint: 'Jos olet ilmoittautunut aiemmin, käytä samaa osoitetta.',
  organization: 'Organisaatio',
  organizationHint: 'Esimerkiksi työpaikka, yhdistys tai oppilaitos.',
  attendanceMode: 'Osallistumistapa',
  attendanceOnSite: 'Paikan päällä',
  attendanceRemote: 'Etänä',
  practical: 'Käytännön asiat',
  dietary: 'Ruokavalio',
  dietaryHint: 'Esimerkiksi kasvisruoka, gluteeniton tai allergiat.',
  accessibility: 'Saavutettavuustarpeet',
  accessibilityHint: 'Esimerkiksi esteetön kulku, induktiosilmukka tai tulkkaus.',
  questions: 'Kysymykset',
  advanceQuestionsHint: 'Kirjoita kukin kysymys omalle rivilleen.',
  submit: 'Ilmoittaudu',
  submitWaitlist: 'Ilmoittaudu jonotuslistalle',

  // ESF+
  esfHeading: 'Tilastotiedot (vapaaehtoisia)',
  esfPurpose:
    'Työpajat rahoittaa Euroopan sosiaalirahasto plus (ESR+). Se edellyttää tilastoja osallistujista: sukupuoli, ikäryhmä, asema työmarkkinoilla ja koulutustaso.',
  esfVoluntary: 'Vastaaminen on vapaaehtoista, eikä se vaikuta osallistumiseesi.',
  esfStorage: 'Vastaukset tallennetaan salattuina, ja niistä raportoidaan vain yhteenlaskettuina lukuina.',
  esfNotAnswered: '– Ei vastausta –',
  esfUndisclosed: 'En halua kertoa',
  esfGender: 'Sukupuoli',
  genderFemale: 'Nainen',
  genderMale: 'Mies',
  genderOther: 'Muu',
  esfBirthYear: 'Syntymävuosi',
  esfLabourMarketStatus: 'Asema työmarkkinoilla',
  statusEmployed: 'Palkkatyössä',
  statusSelfEmployed: 'Yrittäjä tai itsensä työllistäjä',
  statusUnemployed: 'Työtön',
  statusLongTermUnemployed: 'Pitkäaikaistyötön (yhtäjaksoisesti yli 12 kk, alle 25-vuotiaana yli 6 kk)',
  statusInactive: 'Muu työvoiman ulkopuolella (esimerkiksi hoitovapaalla)',
  statusInEducation: 'Opiskelija',
  statusRetired: 'Eläkkeellä',
  esfEducationLevel: 'Korkein suoritettu koulutus',
  educationIsced02: 'Perusaste tai vähemmän (esimerkiksi peruskoulu)',
  educationIsced34: 'Toinen aste (lukio tai ammatillinen tutkinto)',
  educationIsced58: 'Korkea-aste (ammattikorkeakoulu tai yliopisto)',

  // Consent
  consentHeading: 'Suostumukset (vapaaehtoisia)',
  consentFutureWorkshops: 'Minulle saa kertoa tulevista työpajoista.',
  consentNamedInReports: 'Nimeni saa mainita raporteissa, esimerkiksi työpajan raportin osallistujaluettelossa.',
  consentHint: 'Vapaaehtoinen. Voit perua suostumuksesi milloin tahansa.',

  // The honeypot (people never see it; screen readers skip it)
  honeypot: 'Jätä tämä kenttä tyhjäksi',

  // Error messages (the controller puts them into FieldError.message)
  errorNameRequired: 'Kirjoita nimesi',
  errorEmailRequired: 'Kirjoita sähköpostiosoitteesi',
  errorEmailInvalid: 'Tarkista sähköpostiosoite',
  errorAttendanceModeRequired: 'Valitse, osallistutko paikan päällä vai etänä',
  errorAnswerRequired: 'Vastaa tähän kysymykseen',
  errorTooLong: 'Teksti on liian pitkä: enintään {max} merkkiä',
  errorInvalidChoice: 'Valitse jokin vaihtoehdoista',
  errorBirthYear: 'Valitse syntymävuosi listalta',

  // The answer
  registeredTitle: 'Ilmoittautuminen vastaanotettu',
  registeredText: 'Tervetuloa! Olet ilmoittautunut työpajaan.',
  waitlistedTitle: 'Olet jonotuslistalla',
  waitlistedText: 'Työpaja on täynnä. Olet jonotuslistalla, sijasi jonossa: {place}',
  waitlistedNext: 'Jos joku peruu, vapautuneet paikat annetaan jonotusjärjestyksessä.',
  cancelHeading: 'Jos et pääsekään',
  cancelLinkIntro: 'Voit perua ilmoittautumisesi tästä linkistä:',
  cancelLink: 'Peru ilmoittautuminen',
  cancelKeep: 'Tallenna tämä linkki: se on ainoa tapa perua ilmoittautuminen ottamatta yhteyttä meihin.',

  // Cancelling
  cancelConfirmTitle: 'Perutaanko ilmoittautumisesi?',
  cancelConfirmText: 'Ilmoittautumisesi tähän työpajaan perutaan, ja paikkasi annetaan seuraavalle jonossa olevalle.',
  cancelConfirmButton: 'Peru ilmoittautuminen',
  cancelledTitle: 'Ilmoittautumisesi on peruttu',
  cancelledText: 'Kiitos, että ilmoitit. Paikkasi annetaan seuraavalle jonossa olevalle.',

  // Unavailable
  unavailableTitle: 'Ilmoittautuminen ei onnistu',
  unavailableUnknownLink: 'Tätä ilmoittautumislinkkiä ei löydy. Se voi olla kirjoitettu väärin tai poistettu käytöstä. Tarkista linkki tai ota yhteyttä järjestäjään.',
  unavailableClosed: 'Ilmoittautuminen tähän työpajaan on päättynyt.',
  unavailableNotOpenYet: 'Ilmoittautuminen tähän työpajaan ei ole vielä alkanut. Tule myöhemmin uudelleen.',
  unavailableOver: 'Tämä työpaja on jo pidetty.',
  unavailableInvitationRequired: 'Tähän työpajaan osallistutaan kutsusta. Käytä henkilökohtaista kutsulinkkiäsi.',
  unavailableTooManyRequests: 'Yrityksiä tuli liian monta lyhyessä ajassa. Odota hetki ja yritä uudelleen.',
};

export type FormTextKey = keyof typeof fi;

const en: Record<FormTextKey, string> = {
  languageName: 'In English',
  languageSwitch: 'Language',
  siteName: 'Workshop registration',

  when: 'When',
  where: 'Where',
  seats: 'Seats',
  dateTimeSameDay: '{date}, {start}–{end} (Finnish time)',
  dateTimeSpan: '{start} – {end} (Finnish time)',
  dateTimeAt: '{date}, {time}',
  online: 'Online',
  placeAndOnline: '{place}, or online',
  seatsLeft: 'Seats left: {count}',
  seatsUnlimited: 'There is room for everyone',
  seatsFull: 'All seats are taken, so new registrations go to the waitlist. Waiting now: {waiting}.',

  formTitle: 'Register: {title}',
  formHeading: 'Register',
  requiredIntro: 'Required fields are marked (required).',
  required: '(required)',
  optional: '(optional)',
  errorTitlePrefix: 'Error: {title}',
  errorSummaryHeading: 'Please fix the following',
  aboutYou: 'About you',
  name: 'Name',
  email: 'Email',
  emailHint: 'If you have registered before, please use the same address.',
  organization: 'Organisation',
  organizationHint: 'For example your workplace, association or school.',
  attendanceMode: 'How will you take part?',
  attendanceOnSite: 'On site',
  attendanceRemote: 'Online',
  practical: 'Practical matters',
  dietary: 'Dietary needs',
  dietaryHint: 'For example vegetarian, gluten-free or allergies.',
  accessibility: 'Accessibility needs',
  accessibilityHint: 'For example step-free access, a hearing loop or interpretation.',
  questions: 'Questions',
  advanceQuestionsHint: 'One question per line.',
  submit: 'Register',
  submitWaitlist: 'Join the waitlist',

  esfHeading: 'Statistics (optional)',
  esfPurpose:
    'The workshops are funded by the European Social Fund Plus (ESF+). It requires statistics on participants: gender, age band, labour-market status and education.',
  esfVoluntary: 'Answering is voluntary and does not affect your participation.',
  esfStorage: 'The answers are stored encrypted and reported only as aggregate figures.',
  esfNotAnswered: '— Not answered —',
  esfUndisclosed: 'Prefer not to say',
  esfGender: 'Gender',
  genderFemale: 'Female',
  genderMale: 'Male',
  genderOther: 'Other',
  esfBirthYear: 'Year of birth',
  esfLabourMarketStatus: 'Labour-market status',
  statusEmployed: 'Employed',
  statusSelfEmployed: 'Self-employed',
  statusUnemployed: 'Unemployed',
  statusLongTermUnemployed: 'Long-term unemployed (over 12 months in a row; under 25: over 6 months)',
  statusInactive: 'Otherwise outside the labour market (for example on parental leave)',
  statusInEducation: 'In education',
  statusRetired: 'Retired',
  esfEducationLevel: 'Highest completed education',
  educationIsced02: 'Primary or lower secondary (for example comprehensive school)',
  educationIsced34: 'Upper secondary (general or vocational)',
  educationIsced58: 'Higher education (university of applied sciences or university)',

  consentHeading: 'Consent (optional)',
  consentFutureWorkshops: 'You may tell me about future workshops.',
  consentNamedInReports: 'You may name me in reports, for example in the list of participants of a workshop report.',
  consentHint: 'Voluntary. You can withdraw your consent at any time.',

  honeypot: 'Leave this field empty',

  errorNameRequired: 'Enter your name',
  errorEmailRequired: 'Enter your email address',
  errorEmailInvalid: 'Check the email address',
  errorAttendanceModeRequired: 'Choose whether you take part on site or online',
  errorAnswerRequired: 'Answer this question',
  errorTooLong: 'The text is too long: at most {max} characters',
  errorInvalidChoice: 'Choose one of the options',
  errorBirthYear: 'Choose your year of birth from the list',

  registeredTitle: 'Registration received',
  registeredText: 'Welcome! You are registered for the workshop.',
  waitlistedTitle: 'You are on the waitlist',
  waitlistedText: 'The workshop is full. You are on the waitlist, your place in line: {place}',
  waitlistedNext: 'If someone cancels, the freed seats go to the people waiting, in order.',
  cancelHeading: 'If you cannot come',
  cancelLinkIntro: 'You can cancel your registration with this link:',
  cancelLink: 'Cancel registration',
  cancelKeep: 'Keep this link: it is the only way to cancel without contacting us.',

  cancelConfirmTitle: 'Cancel your registration?',
  cancelConfirmText: 'Your registration for this workshop will be cancelled, and your seat goes to the next person waiting.',
  cancelConfirmButton: 'Cancel registration',
  cancelledTitle: 'Your registration is cancelled',
  cancelledText: 'Thank you for letting us know. Your seat goes to the next person waiting.',

  unavailableTitle: 'Registration is not possible',
  unavailableUnknownLink: 'This registration link was not found. It may be mistyped or no longer in use. Check the link or contact the organiser.',
  unavailableClosed: 'Registration for this workshop has closed.',
  unavailableNotOpenYet: 'Registration for this workshop has not opened yet. Please come back later.',
  unavailableOver: 'This workshop has already taken place.',
  unavailableInvitationRequired: 'This workshop is by invitation. Please use your personal invitation link.',
  unavailableTooManyRequests: 'Too many attempts in a short time. Please wait a moment and try again.',
};

export const FORM_TEXTS: Record<FormLanguage, Record<FormTextKey, string>> = { fi, en };

/** A text in `lang` with its `{placeholders}` filled (values are plain text: the caller escapes the result). */
export function formText(lang: FormLanguage, key: FormTextKey, vars: Record<string, string | number> = {}): string {
  return FORM_TEXTS[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
