// The look of the network page's graph (cytoscape stylesheet), kept apart from the page's logic.
import type cytoscape from 'cytoscape';

export const STYLE: cytoscape.StylesheetStyle[] = [
  {
    selector: 'node',
    style: {
      'background-color': 'data(colour)',
      width: 'data(size)',
      height: 'data(size)',
      label: 'data(caption)',
      'font-size': 11,
      color: '#1f2430',
      'text-valign': 'bottom',
      'text-margin-y': 3,
      'text-outline-color': '#ffffff',
      'text-outline-width': 2,
      'min-zoomed-font-size': 7,
      // Long names ("… (fictitious unit)") would cover their neighbours: cut them; the side panel has them whole.
      'text-wrap': 'ellipsis',
      'text-max-width': '150px',
      'border-width': 1,
      'border-color': 'rgba(0,0,0,0.25)',
    },
  },
  { selector: 'node[type = "workshop"]', style: { shape: 'round-rectangle', 'font-weight': 'bold', 'font-size': 12, 'text-max-width': '320px' } },
  { selector: 'node[type = "person"]', style: { 'border-width': 0 } },
  {
    selector: 'edge',
    style: {
      'line-color': 'data(colour)',
      width: 'mapData(weight, 1, 5, 1, 5)',
      opacity: 0.55,
      'curve-style': 'haystack',
    },
  },
  { selector: 'edge[type = "collaboration"]', style: { 'line-style': 'dashed', opacity: 0.9, 'curve-style': 'straight' } },
  { selector: '.hidden', style: { display: 'none' } },
  { selector: '.dimmed', style: { opacity: 0.15 } },
  { selector: 'node.match', style: { 'border-width': 4, 'border-color': '#d62728', 'z-index': 10 } },
  { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#0b5cad', 'z-index': 11 } },
  { selector: 'edge.tie', style: { opacity: 1, 'z-index': 9 } },
  // A click highlights the node's neighbours (organisation view and person view alike): the rest steps back.
  { selector: '.faded', style: { opacity: 0.12 } },
  { selector: 'node.neighbour', style: { 'border-width': 3, 'border-color': '#0b5cad' } },
];
