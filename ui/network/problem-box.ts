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
