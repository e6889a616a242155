import type { WorkshopRole } from '@kuhina/domain';
import { NETWORK_EDGE_DIRECTED, type NetworkEdge, type NetworkEdgeType, type NetworkOrigin } from '@kuhina/read-model/projections/network/network.view';
import type { NetworkAnswer, NetworkAnswerNode } from '../network-graph';

/** Hand-built NetworkAnswer pieces for unit tests: small networks whose metrics can be worked out by reasoning. */

let position = 0;

export function origin(workshopId = 'w1', date = '2023-04-19T10:00:00.000Z', at?: number): NetworkOrigin {
  position += 1;
  return { workshopId, date, position: String(at ?? position) };
}

export function org(
  id: string,
  options: { label?: string; sector?: string | null; region?: string | null; by?: NetworkOrigin } = {},
): NetworkAnswerNode {
  return {
    id: `org:${id}`,
    type: 'organization',
    entityId: id,
    label: options.label ?? id,
    sector: options.sector ?? null,
    region: options.region ?? null,
    createdBy: options.by ?? origin(),
  };
}

export function person(pseudonym: string, by: NetworkOrigin = origin(), roles?: WorkshopRole[]): NetworkAnswerNode {
  return { id: `person:${pseudonym}`, type: 'person', entityId: pseudonym, label: pseudonym, ...(roles ? { roles } : {}), createdBy: by };
}

export function workshop(
  id: string,
  options: { title?: string; order?: number | null; startsAt?: string | null; by?: NetworkOrigin } = {},
): NetworkAnswerNode {
  return {
    id: `workshop:${id}`,
    type: 'workshop',
    entityId: id,
    label: options.title ?? `Workshop ${id}`,
    startsAt: options.startsAt === undefined ? '2023-04-19T10:00:00.000Z' : options.startsAt,
    order: options.order === undefined ? 0 : options.order,
    createdBy: options.by ?? origin(id),
  };
}

/** A typed edge between two node ids; undirected types keep `source < target` as the view does. */
export function edge(
  type: NetworkEdgeType,
  a: string,
  b: string,
  options: { weight?: number; by?: NetworkOrigin; workshops?: string[]; role?: WorkshopRole; sourceRoles?: WorkshopRole[]; targetRoles?: WorkshopRole[] } = {},
): NetworkEdge {
  const [source, target] = NETWORK_EDGE_DIRECTED[type] || a < b ? [a, b] : [b, a];
  const by = options.by ?? origin();
  return {
    id: `${type}:${source}|${target}`,
    type,
    source,
    target,
    weight: options.weight ?? 1,
    createdBy: by,
    workshops: options.workshops ?? [by.workshopId],
    // One join per unit of weight; the fixtures' metrics and exports read the weight, not when each join came.
    joins: Array.from({ length: options.weight ?? 1 }, () => by),
    ...(options.role ? { role: options.role } : {}),
    ...(options.sourceRoles ? { sourceRoles: options.sourceRoles } : {}),
    ...(options.targetRoles ? { targetRoles: options.targetRoles } : {}),
  };
}

export function networkFixture(nodes: NetworkAnswerNode[], edges: NetworkEdge[] = []): NetworkAnswer {
  return { chainId: 'chain-1', nodes, edges, lastPosition: String(position) };
}

/** Organisations only, joined by co-attendance ties: the shape of most SNA questions. */
export function orgGraph(ids: string[], pairs: Array<[string, string]>): NetworkAnswer {
  return networkFixture(
    ids.map((id) => org(id)),
    pairs.map(([a, b]) => edge('co-attendance', `org:${a}`, `org:${b}`)),
  );
}

/** A small network with every node and edge type, awkward labels (XML/CSV specials, ä/ö) and a missing sector. */
export function mixedNetworkFixture(): NetworkAnswer {
  const w1 = origin('w1', '2023-04-19T10:00:00.000Z', 10);
  const w2 = origin('w2', '2023-06-14T08:00:00.000Z', 20);
  return networkFixture(
    [
      workshop('w1', { title: 'Työpaja 1: Rauma', order: 0, startsAt: '2023-04-19T10:00:00.000Z', by: origin('w1', '2023-02-18T08:00:00.000Z', 1) }),
      workshop('w2', { title: 'Työpaja 2: Pori', order: 1, startsAt: '2023-06-14T08:00:00.000Z', by: origin('w2', '2023-04-22T08:00:00.000Z', 2) }),
      org('a', { label: 'Rauman kaupunki', sector: 'public-administration', region: 'Satakunta', by: origin('w1', '2023-02-18T08:00:00.000Z', 3) }),
      org('b', { label: `Tom & Jerry's <"Säätiö"> ö`, sector: 'ngo', region: 'Satakunta', by: w1 }),
      org('c', { label: 'Kävelykadun Paahtimo Oy', sector: null, region: 'Uusimaa', by: w2 }),
      person('p-1', w1, ['participant']),
      person('p-2', w2, ['participant', 'speaker']),
    ],
    [
      edge('co-organised', 'org:a', 'workshop:w1', { by: origin('w1', '2023-02-18T08:00:00.000Z', 4) }),
      edge('pledged', 'org:a', 'workshop:w1', { weight: 2, by: origin('w1', '2023-03-10T10:00:00.000Z', 5) }),
      edge('participated', 'person:p-1', 'workshop:w1', { by: w1, role: 'participant' }),
      edge('co-attendance', 'org:a', 'org:b', { weight: 2, by: w1, workshops: ['w1', 'w2'], sourceRoles: ['organiser'], targetRoles: ['participant', 'speaker'] }),
      edge('participated', 'person:p-1', 'workshop:w2', { by: w2, role: 'participant' }),
      edge('participated', 'person:p-2', 'workshop:w2', { by: w2, role: 'speaker' }),
      edge('collaboration', 'org:b', 'org:c', { by: origin('w2', '2023-08-01T12:00:00.000Z', 30) }),
    ],
  );
}
