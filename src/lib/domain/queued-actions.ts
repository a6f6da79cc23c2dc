/**
 * What a technician's phone may queue while it has no signal, replayed in this vocabulary when the
 * connection returns. The SQL CHECK on applied_actions.kind lists the same keys (a test compares).
 */
export const QUEUED_ACTION_KINDS = ['campos', 'llegada', 'completar', 'foto'] as const;
export type QueuedActionKind = (typeof QUEUED_ACTION_KINDS)[number];
