// The resource map page (GET /ui/resources): filters GET /resources with the user's key, shows its lines as a table
// and downloads the same filter as CSV. Everything it shows is in the API's answer.
import { adviceFor, ApiProblem, getJson, problemFrom, storedKey, type Fetch } from '../network/network-api.client';
import { describeHistory, describeOffer, describeWorkshop, filterFrom, KINDS, queryOf, type MapEntry, type ResourceFilter } from './resources.model';
import { showProblemIn, wireKeyForm } from '../network/page-parts';

const element = <T extends HTMLElement>(id: string): T => {
  const found = document.getElementById(id);
  if (!found) throw new Error(`The page lacks #${id}`);
  return found as T;
};

const ui = {
  body: document.body,
  problem: element<HTMLElement>('problem'),
  keyForm: element<HTMLFormElement>('key-form'),
  keyInput: element<HTMLInputElement>('api-key'),
  forgetKey: element<HTMLButtonElement>('forget-key'),
  keyStatus: element<HTMLElement>('key-status'),
  filter: element<HTMLFormElement>('filter'),
  kind: element<HTMLSelectElement>('kind'),
  region: element<HTMLInputElement>('region'),
  municipality: element<HTMLInputElement>('municipality'),
  availableOn: element<HTMLInputElement>('availableOn'),
  download: element<HTMLButtonElement>('download'),
  count: element<HTMLOutputElement>('count'),
  table: element<HTMLTableElement>('map'),
  rows: element<HTMLTableSectionElement>('rows'),
};

const browserFetch: Fetch = (url, init) => fetch(url, init);
// Relative to the page (/ui/resources): the API is the page's own origin, also behind a path prefix.
const apiUrl = (path: string): string => new URL(`../${path}`, window.location.href).toString();

const setState = (state: 'starting' | 'needs-key' | 'loading' | 'ready' | 'error'): void => {
  ui.body.dataset.state = state;
};

function showProblem(title: string, detail: string, advice: string | null = null): void {
  showProblemIn(ui.problem, `${title} `, detail, advice);
}

function showError(error: unknown): void {
  if (error instanceof ApiProblem) showProblem(`${error.status} · ${error.title}`, error.detail, adviceFor(error));
  else showProblem('The page could not load the map', error instanceof Error ? error.message : String(error));
  setState('error');
}

function currentKey(): string | null {
  const stored = storedKey(window.localStorage);
  ui.keyStatus.textContent = stored ? (stored.source === 'page' ? 'key stored in this browser' : 'using the key authorised on /docs') : 'no key yet';
  return stored?.key ?? null;
}

const formFilter = (): ResourceFilter => ({ kind: ui.kind.value, region: ui.region.value, municipality: ui.municipality.value, availableOn: ui.availableOn.value });

function fillForm(filter: ResourceFilter): void {
  ui.kind.value = filter.kind;
  ui.region.value = filter.region;
  ui.municipality.value = filter.municipality;
  ui.availableOn.value = filter.availableOn;
}

function list(items: string[], empty: string): HTMLElement {
  if (items.length === 0) {
    const none = document.createElement('span');
    none.className = 'muted';
    none.textContent = empty;
    return none;
  }
  const ul = document.createElement('ul');
  for (const text of items) {
    const li = document.createElement('li');
    li.textContent = text;
    ul.append(li);
  }
  return ul;
}

function render(items: MapEntry[]): void {
  ui.rows.replaceChildren(
    ...items.map((entry) => {
      const row = document.createElement('tr');
      row.dataset.organizationId = entry.organizationId;
      row.dataset.kind = entry.kind;
      if (entry.history.fulfilled > 0) row.className = 'fulfilled-before';
      const cells: Array<string | HTMLElement> = [
        String(entry.rank),
        entry.organizationName,
        entry.kind,
        list(entry.offers.map(describeOffer), 'no offer now'),
        describeHistory(entry.history),
        list(entry.workshops.map(describeWorkshop), '—'),
      ];
      for (const content of cells) {
        const cell = document.createElement('td');
        cell.append(content);
        row.append(cell);
      }
      return row;
    }),
  );
  ui.table.dataset.rows = String(items.length);
  // Counts the answers shown, so that a test (or a user script) can wait for the next one.
  ui.table.dataset.loads = String(Number(ui.table.dataset.loads ?? '0') + 1);
  ui.count.textContent = `${items.length} ${items.length === 1 ? 'line' : 'lines'}`;
}

async function load(): Promise<void> {
  const key = currentKey();
  if (!key) {
    setState('needs-key');
    showProblem('An API key is needed.', ' The map is read through the API: enter a key above (any role).');
    ui.keyInput.focus();
    return;
  }
  const filter = formFilter();
  // The address keeps the filter, so a view of the map can be bookmarked or sent on.
  window.history.replaceState(null, '', `${window.location.pathname}${queryOf(filter)}`);
  setState('loading');
  try {
    const answer = await getJson<{ items: MapEntry[] }>(browserFetch, apiUrl(`resources${queryOf(filter)}`), key);
    ui.problem.hidden = true;
    render(answer.items);
    setState('ready');
  } catch (error) {
    showError(error);
  }
}

/** The CSV needs the key too: fetched here and handed to the browser as a file. */
async function download(): Promise<void> {
  const key = currentKey();
  if (!key) return void load();
  const response = await fetch(apiUrl(`resources${queryOf(formFilter(), { format: 'csv' })}`), { headers: { authorization: `Bearer ${key}` } });
  if (!response.ok) return showError(problemFrom(response.status, response.headers.get('content-type'), await response.text()));
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = 'resources.csv';
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

for (const kind of KINDS) {
  const option = document.createElement('option');
  option.value = kind;
  option.textContent = kind;
  ui.kind.append(option);
}
fillForm(filterFrom(window.location.search));

wireKeyForm({ form: ui.keyForm, input: ui.keyInput, forget: ui.forgetKey }, () => void load(), () => currentKey());
ui.filter.addEventListener('submit', (event) => {
  event.preventDefault();
  void load();
});
ui.download.addEventListener('click', () => void download().catch(showError));

void load();
