/** How a coverage area is outlined on the day map, and in its legend: fibre solid, wireless dashed. */
export const FIBRE_LINE = '#5b3a8c';
export const WIRELESS_LINE = '#1f6f8b';
