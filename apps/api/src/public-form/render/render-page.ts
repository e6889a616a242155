// The public registration pages as pure functions: a page model in, a complete HTML5 document out (issue 19).
import type { AnswerPage, CancelConfirmPage, CancelledPage, PublicPage, UnavailablePage } from '../form-model';
import { renderFormPage } from './form-page';
import { attrs, escapeHtml, t, withLang } from './html';
import { renderDocument, workshopFacts } from './layout';
import { formText, type FormTextKey } from './texts';

export { escapeHtml } from './html';

export function renderPage(page: PublicPage): string {
  switch (page.kind) {
    case 'form':
      return renderFormPage(page);
    case 'answer':
      return renderAnswerPage(page);
    case 'cancel-confirm':
      return renderCancelConfirmPage(page);
    case 'cancelled':
      return renderCancelledPage(page);
    case 'unavailable':
      return renderUnavailablePage(page);
  }
}

function renderAnswerPage(page: AnswerPage): string {
  const { lang, outcome } = page;
  const heading: FormTextKey = outcome.status === 'registered' ? 'registeredTitle' : 'waitlistedTitle';
  const status =
    outcome.status === 'registered'
      ? `<p>${t(lang, 'registeredText')}</p>`
      : `<p class="notice">${escapeHtml(formText(lang, 'waitlistedText', { place: outcome.place }))}</p><p>${t(lang, 'waitlistedNext')}</p>`;
  const cancel =
    `<h2>${t(lang, 'cancelHeading')}</h2>` +
    `<p>${t(lang, 'cancelLinkIntro')} <a${attrs({ href: page.cancelUrl })}>${t(lang, 'cancelLink')}</a></p>` +
    `<p><strong>${t(lang, 'cancelKeep')}</strong></p>` +
    `<code class="copy">${escapeHtml(page.cancelUrl)}</code>`;
  const main = `<h1>${t(lang, heading)}</h1>${status}${workshopFacts(lang, page.workshop, { heading: 'h2', seats: false })}${cancel}`;
  // No language switch here: this page answers a POST, and following a link away would lose the cancel link it shows.
  return renderDocument({ lang, title: `${formText(lang, heading)} – ${page.workshop.title}`, address: false, main });
}

function renderCancelConfirmPage(page: CancelConfirmPage): string {
  const { lang } = page;
  // A GET only asks; the cancellation is this form's POST (link previews and scanners follow links, they do not submit).
  const form = `<form method="post"${attrs({ action: withLang(page.action, lang) })}><button type="submit">${t(lang, 'cancelConfirmButton')}</button></form>`;
  const main = `<h1>${t(lang, 'cancelConfirmTitle')}</h1>${workshopFacts(lang, page.workshop, { heading: 'h2', seats: false })}<p>${t(lang, 'cancelConfirmText')}</p>${form}`;
  return renderDocument({ lang, title: `${formText(lang, 'cancelConfirmTitle')} – ${page.workshop.title}`, address: page.action, main });
}

function renderCancelledPage(page: CancelledPage): string {
  const { lang } = page;
  const main = `<h1>${t(lang, 'cancelledTitle')}</h1>${workshopFacts(lang, page.workshop, { heading: 'h2', seats: false })}<p>${t(lang, 'cancelledText')}</p>`;
  return renderDocument({ lang, title: `${formText(lang, 'cancelledTitle')} – ${page.workshop.title}`, address: null, main });
}

const REASONS: Record<UnavailablePage['reason'], FormTextKey> = {
  'unknown-link': 'unavailableUnknownLink',
  closed: 'unavailableClosed',
  'not-open-yet': 'unavailableNotOpenYet',
  over: 'unavailableOver',
  'invitation-required': 'unavailableInvitationRequired',
  'too-many-requests': 'unavailableTooManyRequests',
};

function renderUnavailablePage(page: UnavailablePage): string {
  const { lang } = page;
  const facts = page.workshop === null ? '' : workshopFacts(lang, page.workshop, { heading: 'h2', seats: false });
  const main = `<h1>${t(lang, 'unavailableTitle')}</h1><p class="notice">${t(lang, REASONS[page.reason])}</p>${facts}`;
  return renderDocument({ lang, title: formText(lang, 'unavailableTitle'), address: null, main });
}
