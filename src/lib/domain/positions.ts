/**
 * Card order inside a column: floats with wide gaps (as Planka and Vikunja do), so a move writes
 * one row. Where a moved card lands, and when a column is renumbered, is decided in one place only:
 * the database's board_move (with board_position_between), under the column's lock. These are the
 * numbers it is given; new cards go one gap after the column's last.
 * Positions are `double precision`; `real` would run out of gap after a handful of moves.
 */
export const POSITION_GAP = 65536;
/** Below this the next midpoint would be too close to its neighbours to survive a round trip. */
export const MIN_POSITION_GAP = 1e-6;
