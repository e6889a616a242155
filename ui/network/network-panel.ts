// The network page's side panel and legend, built with textContent (names come from user input).
import type { NetworkAnswer } from '@kuhina/analytics';
import { displayName, legendOf, type GraphNode, type Tie, type TimelineStep } from './network-graph.model';

export function make<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (text !== undefined) el.textContent = text;
  if (className) el.className = className;
  return el;
}

/** The side panel of a node (`null`: the hint to click one): its facts, then its ties and the workshops behind them. */
export function renderNodeDetails(details: HTMLElement, node: GraphNode | null, ties: readonly Tie[], origin: TimelineStep | undefined): void {
  if (!node) {
    details.replaceChildren(make('p', 'Click a node to see its ties and the workshops that made them.', 'muted'));
    details.dataset.node = '';
    return;
  }

  const facts = make('dl');
  const fact = (label: string, value: string | null | undefined): void => {
    if (value) facts.append(make('dt', label), make('dd', value));
  };
  fact('Type', node.type);
  fact('Sector', node.sector);
  fact('Region', node.region);
  fact('Starts', node.startsAt?.slice(0, 10));
  fact('Held', node.heldOn);
  fact('Roles', node.roles?.join(', '));
  if ((node.chains?.length ?? 0) > 1) fact('Chains', String(node.chains!.length));
  fact('In the network since', `${node.createdBy.date.slice(0, 10)}${origin ? ` (${origin.title})` : ''}`);

  const list = make('ul', undefined, 'ties');
  for (const tie of ties) {
    const item = make('li');
    item.dataset.neighbour = tie.neighbourId;
    item.dataset.weight = String(tie.weight);
    const via = make('ul', undefined, 'via');
    for (const title of tie.workshops) via.append(make('li', title));
    item.append(make('span', tie.neighbour, 'who'), document.createTextNode(' '), make('span', `${tie.type} · weight ${tie.weight}`, 'how'), via);
    list.append(item);
  }

  details.replaceChildren(make('h2', displayName(node)), facts, make('h2', `${ties.length} ${ties.length === 1 ? 'tie' : 'ties'} shown, and the workshops behind them`), list);
  details.dataset.node = node.id;
}

export function renderLegend(legend: HTMLUListElement, answer: Pick<NetworkAnswer, 'nodes' | 'edges'>): void {
  legend.replaceChildren(
    ...legendOf(answer).map((entry) => {
      const item = make('li');
      const swatch = make('span', undefined, entry.kind === 'edge' ? 'swatch edge' : 'swatch');
      swatch.style.background = entry.colour;
      item.append(swatch, document.createTextNode(entry.label));
      return item;
    }),
  );
}
