import { forgetKey, saveKey } from './network-api.client';

/** Parts of the network and resource pages alike. */

/** Shows a problem in the page's problem box: a heading, the detail, and the advice below it where there is one. */
export function showProblemIn(box: HTMLElement, heading: string, detail: string, advice: string | null = null): void {
  box.replaceChildren();
  const strong = document.createElement('strong');
  strong.textContent = heading;
  box.append(strong, document.createTextNode(detail));
  if (advice) {
    const hint = document.createElement('div');
    hint.textContent = advice;
    box.append(hint);
  }
  box.hidden = false;
}

/**
 * The API key form both pages share: a key typed in is kept in the browser's storage (and `onKey` loads with it), the
 * forget button drops it (and `onForget` says so).
 */
export function wireKeyForm(parts: { form: HTMLFormElement; input: HTMLInputElement; forget: HTMLButtonElement }, onKey: () => void, onForget: () => void): void {
  parts.form.addEventListener('submit', (event) => {
    event.preventDefault();
    const key = parts.input.value.trim();
    if (key === '') return;
    saveKey(window.localStorage, key);
    parts.input.value = '';
    onKey();
  });
  parts.forget.addEventListener('click', () => {
    forgetKey(window.localStorage);
    onForget();
  });
}
