// What the organisation view does to the drawn graph (cytoscape), apart from the page's wiring: labels that do not
// overlap, and a click that highlights a node's neighbours.
import type cytoscape from 'cytoscape';
import { separateBoxes, type LabelBox } from './organization-view.model';

/** Space kept between two labels (model pixels, as the font size). */
const LABEL_GAP = 6;

/**
 * Moves nodes so that no node's label (with the node itself) overlaps another's: the force layout only keeps nodes
 * apart, while names like "Lapin ammattikorkeakoulu" are ten times wider than their dot. Hubs (most ties) stay where
 * the layout put them; the others move to the nearest free spot. Font sizes are model units, so what is apart at one
 * zoom is apart at every zoom.
 */
export function spreadLabels(cy: cytoscape.Core): void {
  const nodes: cytoscape.NodeSingular[] = cy.nodes().map((node) => node).filter((node) => String(node.data('caption') ?? '') !== '');
  const sorted = nodes.sort((a, b) => b.degree(false) - a.degree(false) || (a.id() < b.id() ? -1 : 1));
  const offsets = new Map<string, { x: number; y: number }>();
  const boxes: LabelBox[] = sorted.map((node) => {
    const box = node.boundingBox({ includeLabels: true, includeNodes: true, includeEdges: false, includeOverlays: false });
    const centre = { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 };
    offsets.set(node.id(), { x: node.position('x') - centre.x, y: node.position('y') - centre.y });
    return { id: node.id(), x: centre.x, y: centre.y, width: box.w, height: box.h };
  });
  const placed = separateBoxes(boxes, LABEL_GAP);
  cy.batch(() => {
    for (const [id, centre] of placed) {
      const offset = offsets.get(id)!;
      cy.getElementById(id).position({ x: centre.x + offset.x, y: centre.y + offset.y });
    }
  });
}

/** Highlights a node, its neighbours and the ties between them; dims everything else. `null` clears it. Returns how many nodes stay lit. */
export function highlightNeighbours(cy: cytoscape.Core, nodeId: string | null): number {
  let lit = 0;
  cy.batch(() => {
    cy.elements().removeClass('faded neighbour');
    if (nodeId === null) return;
    const node = cy.getElementById(nodeId);
    // Only what is drawn on the slider's day counts (a hidden tie leads to no neighbour).
    const ties = node.connectedEdges().filter((edge) => !edge.hasClass('hidden'));
    const around = ties.connectedNodes().union(node);
    around.difference(node).addClass('neighbour');
    cy.elements().difference(around.union(ties)).addClass('faded');
    lit = around.length;
  });
  return lit;
}
