/**
 * Okabe–Ito: eight colours that stay distinct for the common colour-vision deficiencies and in
 * greyscale print (black first is left for text). Series also differ by decal pattern, line dash
 * and marker shape, and carry direct labels, so none is told apart by colour alone.
 */
export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'] as const;

/** Marker shapes for line series, in series order. */
export const SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'pin', 'arrow', 'roundRect', 'emptyCircle'] as const;

/** Line dashes for line series, in series order. */
export const DASHES = ['solid', 'dashed', 'dotted', [8, 3, 2, 3], [2, 2], [12, 4]] as const;

/** Decal patterns (hatching) for bars and bands, in series order; the first stays plain. */
export const DECALS = [
	{ symbol: 'none' },
	{ symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 5], rotation: Math.PI / 4 },
	{ symbol: 'circle', symbolSize: 0.6, dashArrayX: [[3, 3]], dashArrayY: [3, 3] },
	{ symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 5], rotation: -Math.PI / 4 },
	{ symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [1, 4], rotation: 0 },
	{ symbol: 'triangle', symbolSize: 0.7, dashArrayX: [[4, 4]], dashArrayY: [4, 4] },
	{ symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [1, 4], rotation: Math.PI / 2 },
	{ symbol: 'diamond', symbolSize: 0.6, dashArrayX: [[3, 3]], dashArrayY: [3, 3] }
] as const;
