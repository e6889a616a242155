// GET /ui/network?chainId=<uuid>: the network a chain grew, drawn with cytoscape (canvas 2D: no WebGL needed).
// The page calls the API from its own origin with the user's key; everything it shows is in the GET /network answer.
import cytoscape from 'cytoscape';
import type { NetworkAnswer } from '@kuhina/analytics';
import { adviceFor, ApiProblem, getJson, networkRequestOf, storedKey, type Fetch, type NetworkRequest } from './network-api.client';
import { renderLegend, renderNodeDetails } from './network-panel';
import { STYLE } from './network.style';
import { foldPeople } from './organization-view.model';
import { highlightNeighbours, spreadLabels } from './organization-view.page';
import { showProblemIn, wireKeyForm } from './page-parts';
import {
  colourOf,
  degreesOf,
  displayName,
  EDGE_COLOURS,
  initialPositions,
  matchingNodes,
  nodeSize,
  seededRandom,
  tiesOf,
  timelineOf,
  visibleOn,
  type GraphNode,
  type TimelineStep,
  type Visible,
} from './network-graph.model';

/** What the page exposes on `window` for browser tests and for analysts poking at the console. */
export interface NetworkPageHandle {
  cy: cytoscape.Core;
  answer: NetworkAnswer;
  steps: TimelineStep[];
  /** Opens the side panel of a node, as a click on it does. */
  select(nodeId: string | null): void;
}

declare global {
  interface Window {
    kuhinaNetwork?: NetworkPageHandle;
  }
}

const LAYOUT_SEED = 20230420;

const element = <T extends HTMLElement>(id: string): T => {
  const found = document.getElementById(id);
  if (!found) throw new Error(`network page: #${id} is missing from the HTML`);
  return found as T;
};

const ui = {
  body: document.body,
  chainName: element<HTMLElement>('chain-name'),
  keyForm: element<HTMLFormElement>('key-form'),
  keyInput: element<HTMLInputElement>('api-key'),
  forgetKey: element<HTMLButtonElement>('forget-key'),
  keyStatus: element<HTMLElement>('key-status'),
  problem: element<HTMLElement>('problem'),
  picker: element<HTMLElement>('chain-picker'),
  chainSelect: element<HTMLSelectElement>('chain-select'),
  time: element<HTMLInputElement>('time'),
  timeLabel: element<HTMLOutputElement>('time-label'),
  search: element<HTMLInputElement>('search'),
  searchCount: element<HTMLOutputElement>('search-count'),
  graph: element<HTMLElement>('graph'),
  details: element<HTMLElement>('details'),
  legend: element<HTMLUListElement>('legend'),
  viewPeople: element<HTMLInputElement>('view-people'),
  viewOrganizations: element<HTMLInputElement>('view-organizations'),
};

/** People as nodes, or folded into their organisations (the organisation view: what analysts compare). */
type View = 'people' | 'organizations';
let view: View = 'people';
/** The API's answer as loaded: the organisation view is folded from it on the page, with no second request. */
let loaded: NetworkAnswer | null = null;

const browserFetch: Fetch = (url, init) => fetch(url, init);
// Relative to the page (/ui/network): the API is the page's own origin, also behind a path prefix.
const apiUrl = (path: string): string => new URL(`../${path}`, window.location.href).toString();

interface Drawn {
  cy: cytoscape.Core;
  answer: NetworkAnswer;
  steps: TimelineStep[];
  byId: Map<string, GraphNode>;
  visible: Visible;
  selected: string | null;
}
let drawn: Drawn | null = null;

function setState(state: 'starting' | 'needs-key' | 'loading' | 'ready' | 'error'): void {
  ui.body.dataset.state = state;
}

function showProblem(title: string, detail: string, advice: string | null = null): void {
  showProblemIn(ui.problem, title, detail, advice);
}

function showError(error: unknown): void {
  if (error instanceof ApiProblem) showProblem(`${error.status} · ${error.title}`, error.detail, adviceFor(error));
  else showProblem('The page could not load the network', error instanceof Error ? error.message : String(error));
  setState('error');
}

function clearProblem(): void {
  ui.problem.hidden = true;
  ui.problem.replaceChildren();
}

function describeKey(): string | null {
  const stored = storedKey(window.localStorage);
  ui.keyStatus.textContent = stored ? (stored.source === 'page' ? 'key stored in this browser' : 'using the key authorised on /docs') : 'no key yet';
  return stored?.key ?? null;
}

// ---------------------------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------------------------

async function start(): Promise<void> {
  const key = describeKey();
  const request = networkRequestOf(window.location.search);
  if (!key) {
    setState('needs-key');
    showProblem('An API key is needed', ' The network is read through the API. Enter a key above (any role: analyst, auditor or backoffice).');
    ui.keyInput.focus();
    return;
  }
  clearProblem();
  if (request.kind === 'pick') return pickChain(key);
  if (request.kind === 'invalid') {
    setState('error');
    showProblem('Not a chain id', ` "${request.value}" is not a UUID. Open /ui/network without chainId to pick a chain.`);
    return;
  }
  await load(key, request);
}

async function pickChain(key: string): Promise<void> {
  setState('loading');
  try {
    const chains = await getJson<{ items: Array<{ chainId: string; name?: string }> }>(browserFetch, apiUrl('chains?limit=100'), key);
    ui.chainSelect.replaceChildren(new Option('Choose a chain…', ''), ...chains.items.map((c) => new Option(c.name ?? c.chainId, c.chainId)));
    ui.picker.hidden = false;
    setState('ready');
  } catch (error) {
    showError(error);
  }
}

async function load(key: string, request: Extract<NetworkRequest, { kind: 'network' }>): Promise<void> {
  setState('loading');
  const chainId = request.chainIds.length === 1 ? request.chainIds[0]! : null;
  try {
    const [answer, chain] = await Promise.all([
      getJson<NetworkAnswer>(browserFetch, apiUrl(request.path), key),
      // The chain's name is a nicety: the page works without it.
      chainId === null ? null : getJson<{ name?: string }>(browserFetch, apiUrl(`chains/${encodeURIComponent(chainId)}`), key).catch(() => null),
    ]);
    ui.chainName.textContent = chainId === null ? `network of ${request.all ? 'all' : request.chainIds.length} chains` : chain?.name ? `network of ${chain.name}` : `network of chain ${chainId.slice(0, 8)}`;
    document.title = `Kuhina · ${ui.chainName.textContent}`;
    loaded = answer;
    draw(answer);
    setState('ready');
  } catch (error) {
    showError(error);
  }
}

// ---------------------------------------------------------------------------------------------
// Drawing
// ---------------------------------------------------------------------------------------------

/** Switches between the person view and the organisation view, redrawing from the loaded answer. */
function showView(next: View): void {
  view = next;
  ui.viewPeople.checked = view === 'people';
  ui.viewOrganizations.checked = view === 'organizations';
  if (loaded) draw(loaded);
}

function draw(full: NetworkAnswer): void {
  drawn?.cy.destroy();
  const answer = view === 'organizations' ? foldPeople(full) : full;
  ui.graph.dataset.view = view;
  const steps = timelineOf(answer.nodes);
  const positions = initialPositions(answer, steps);
  const elements: cytoscape.ElementDefinition[] = [
    ...answer.nodes.map((node) => ({
      group: 'nodes' as const,
      data: {
        id: node.id,
        type: node.type,
        colour: colourOf(node),
        // Hundreds of pseudonyms would only be noise on the canvas; people are named in the side panel.
        caption: node.type === 'person' ? '' : displayName(node),
        size: nodeSize(0),
      },
      position: positions.get(node.id) ?? { x: 0, y: 0 },
    })),
    ...answer.edges.map((edge) => ({
      group: 'edges' as const,
      data: { id: edge.id, source: edge.source, target: edge.target, type: edge.type, weight: edge.weight, colour: EDGE_COLOURS[edge.type] ?? '#999999' },
    })),
  ];
  const cy = cytoscape({ container: ui.graph, elements, style: STYLE, layout: { name: 'preset' }, minZoom: 0.1, maxZoom: 4, wheelSensitivity: 0.3 });
  const byId = new Map(answer.nodes.map((node) => [node.id, node]));
  drawn = { cy, answer, steps, byId, visible: visibleOn(answer, null), selected: null };

  sizeNodes(drawn);
  runLayout(cy, answer.nodes.length);
  if (view === 'organizations') {
    // A few dozen labelled nodes: every name readable, none over another (the person view labels no people).
    spreadLabels(cy);
    cy.fit(undefined, 30);
  }

  cy.on('tap', 'node', (event) => select(String(event.target.id())));
  cy.on('tap', (event) => {
    if (event.target === cy) select(null);
  });

  renderLegend(ui.legend, answer);
  ui.time.min = '0';
  ui.time.max = String(steps.length);
  ui.time.value = String(steps.length);
  ui.time.disabled = false;
  ui.search.disabled = false;
  redraw();

  window.kuhinaNetwork = { cy, answer, steps, select: (nodeId) => select(nodeId) };
}

/**
 * cytoscape's `cose` with a seeded random source: cose draws random numbers when nodes overlap, so without a
 * seed the same network could look different on every load. Runs synchronously (no animation).
 */
function runLayout(cy: cytoscape.Core, nodeCount: number): void {
  const original = Math.random;
  Math.random = seededRandom(LAYOUT_SEED);
  try {
    cy.layout({
      name: 'cose',
      animate: false,
      randomize: false,
      fit: true,
      padding: 30,
      nodeDimensionsIncludeLabels: false,
      // Organisations push harder and their ties are longer: they are what analysts read, so they get the room;
      // people sit close around their workshops.
      nodeRepulsion: (node: cytoscape.NodeSingular) => (node.data('type') === 'person' ? 6000 : 70000),
      idealEdgeLength: (edge: cytoscape.EdgeSingular) => (edge.data('type') === 'participated' ? 40 : 130),
      edgeElasticity: (edge: cytoscape.EdgeSingular) => (edge.data('type') === 'participated' ? 60 : 150),
      gravity: 0.6,
      numIter: nodeCount > 600 ? 500 : 1000,
      componentSpacing: 60,
    }).run();
  } finally {
    Math.random = original;
  }
}

function sizeNodes(state: Drawn): void {
  const degrees = degreesOf(state.answer.edges, state.visible.edges);
  state.cy.batch(() => {
    state.cy.nodes().forEach((node) => {
      node.data('size', nodeSize(degrees.get(node.id()) ?? 0));
    });
  });
}

/** The day of the slider's position; null is "all". */
function currentDay(state: Drawn): { day: string | null; step: TimelineStep | null } {
  const position = Number(ui.time.value);
  const step = position < state.steps.length ? (state.steps[position] ?? null) : null;
  return { day: step?.day ?? null, step };
}

/** Applies the slider, then the search and the selection, and reports the drawn counts on the container. */
function redraw(): void {
  if (!drawn) return;
  const state = drawn;
  const { day, step } = currentDay(state);
  state.visible = visibleOn(state.answer, day);
  state.cy.batch(() => {
    state.cy.nodes().forEach((node) => {
      node.toggleClass('hidden', !state.visible.nodes.has(node.id()));
    });
    state.cy.edges().forEach((edge) => {
      edge.toggleClass('hidden', !state.visible.edges.has(edge.id()));
    });
  });
  sizeNodes(state);
  const position = Number(ui.time.value);
  ui.timeLabel.textContent = step
    ? `Workshop ${position + 1} of ${state.steps.length}: ${step.title} · ${step.day}`
    : `All (${state.steps.length} workshops and everything recorded since)`;
  ui.graph.dataset.visibleNodes = String(state.visible.nodes.size);
  ui.graph.dataset.visibleEdges = String(state.visible.edges.size);
  ui.graph.dataset.position = step ? String(position) : 'all';
  if (state.selected && !state.visible.nodes.has(state.selected)) select(null);
  else {
    highlight(state);
    renderDetails();
  }
  applySearch(false);
}

function applySearch(centre: boolean): void {
  if (!drawn) return;
  const state = drawn;
  const matches = matchingNodes(state.answer.nodes, ui.search.value, state.visible.nodes);
  const searching = ui.search.value.trim() !== '';
  const matched = new Set(matches);
  state.cy.batch(() => {
    state.cy.nodes().forEach((node) => {
      node.toggleClass('match', matched.has(node.id()));
      node.toggleClass('dimmed', searching && !matched.has(node.id()));
    });
    state.cy.edges().toggleClass('dimmed', searching);
  });
  ui.graph.dataset.matches = String(matches.length);
  ui.searchCount.textContent = searching ? `${matches.length} found` : '';
  if (centre && matches.length > 0) {
    const eles = matches.reduce((all, id) => all.union(state.cy.getElementById(id)), state.cy.collection());
    state.cy.fit(eles, 80);
    // One match would be fitted at an absurd zoom: stay readable.
    // After fit the matches are centred, so zooming about the container's centre keeps them there.
    if (state.cy.zoom() > 1.6) state.cy.zoom({ level: 1.6, renderedPosition: { x: ui.graph.clientWidth / 2, y: ui.graph.clientHeight / 2 } });
    if (matches.length === 1) select(matches[0]!);
  }
}

/** Lights the selected node and its neighbours as drawn on the slider's day; says how many on the container. */
const highlight = (state: Drawn): void => void (ui.graph.dataset.highlighted = String(highlightNeighbours(state.cy, state.selected)));

function select(nodeId: string | null): void {
  if (!drawn) return;
  const state = drawn;
  state.selected = nodeId && state.byId.has(nodeId) ? nodeId : null;
  state.cy.batch(() => {
    state.cy.elements(':selected').unselect();
    state.cy.edges().removeClass('tie');
    if (state.selected) {
      const node = state.cy.getElementById(state.selected);
      node.select();
      node.connectedEdges().addClass('tie');
    }
  });
  highlight(state);
  renderDetails();
}

// Side panel (network-panel.ts builds it with textContent: names come from user input)
function renderDetails(): void {
  const state = drawn;
  const node = state?.selected ? (state.byId.get(state.selected) ?? null) : null;
  if (!state || !node) return renderNodeDetails(ui.details, null, [], undefined);
  const ties = tiesOf(state.answer, node.id, state.visible.edges, currentDay(state).day);
  renderNodeDetails(ui.details, node, ties, state.steps.find((s) => s.workshopId === node.createdBy.workshopId));
}

// ---------------------------------------------------------------------------------------------
// Wiring
// ---------------------------------------------------------------------------------------------

wireKeyForm({ form: ui.keyForm, input: ui.keyInput, forget: ui.forgetKey }, () => void start(), () => describeKey());
ui.chainSelect.addEventListener('change', () => {
  if (ui.chainSelect.value) window.location.search = `?chainId=${encodeURIComponent(ui.chainSelect.value)}`;
});
ui.time.addEventListener('input', redraw);
ui.viewPeople.addEventListener('change', () => showView('people'));
ui.viewOrganizations.addEventListener('change', () => showView('organizations'));
ui.search.addEventListener('input', () => applySearch(false));
ui.search.addEventListener('keydown', (event) => {
  if (event.key === 'Enter') applySearch(true);
});

void start();
