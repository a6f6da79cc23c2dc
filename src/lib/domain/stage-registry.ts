/**
 * The one table of stages. Every other stage list (the zod enums, the settings' SLA and WIP
 * defaults, the board's columns, the UI's titles, the SQL CHECKs and functions) is derived from it
 * or compared with it by a test (tests/integration/registries-sql.test.ts). Adding a stage: a row
 * here, its `stage_<key>` messages, its rules in stages.ts, and one migration for the SQL lists.
 */

export const ROLES = ['admin', 'coordinator', 'agent', 'technician'] as const;
export type Role = (typeof ROLES)[number];

/** Coordinators and admins may move any card anywhere; the guard still asks for a reason. */
const OFFICE = ['admin', 'coordinator'] as const;

export interface StageRow {
	key: string;
	/** Spanish title for server messages and exports; the UI's title is the `stage_<key>` message. */
	label: string;
	/** In the main flow (ordered by the table's order); false for the side column. */
	open: boolean;
	/** Roles that may move a card into this stage (what each may do is refined in stages.ts). */
	enter: readonly Role[];
	/** Roles that may move a card out of this stage. */
	leave: readonly Role[];
	/** Default hours before a card here is "late soon" / "late" (open stages only). */
	sla: { warnHours: number; lateHours: number } | null;
	/** Default WIP limit of the column; null = no limit. */
	wip: number | null;
	/** The board shows only the cards that reached it in the last days (organizations' activeVisibleDays). */
	recentOnly: boolean;
}

/** The main flow in order, then the side column. */
export const STAGE_TABLE = [
	{
		key: 'preinstalacion',
		label: 'Preinstalación',
		open: true,
		enter: [...OFFICE, 'agent'],
		leave: [...OFFICE, 'agent'],
		sla: { warnHours: 24, lateHours: 48 },
		wip: null,
		recentOnly: false
	},
	{
		key: 'cobertura_confirmada',
		label: 'Cobertura confirmada',
		open: true,
		enter: [...OFFICE, 'agent'],
		leave: [...OFFICE, 'agent'],
		sla: { warnHours: 24, lateHours: 72 },
		wip: null,
		recentOnly: false
	},
	{
		key: 'documentos_pendientes',
		label: 'Documentos pendientes',
		open: true,
		enter: [...OFFICE, 'agent'],
		leave: [...OFFICE, 'agent'],
		sla: { warnHours: 48, lateHours: 120 },
		wip: 25,
		recentOnly: false
	},
	{
		key: 'agendada',
		label: 'Agendada',
		open: true,
		enter: [...OFFICE, 'agent'],
		leave: [...OFFICE, 'agent'],
		sla: { warnHours: 72, lateHours: 168 },
		wip: 30,
		recentOnly: false
	},
	{
		key: 'asignada',
		label: 'Asignada',
		open: true,
		enter: OFFICE,
		leave: [...OFFICE, 'technician'],
		sla: { warnHours: 24, lateHours: 72 },
		wip: 20,
		recentOnly: false
	},
	{
		key: 'firmada',
		label: 'Firmada',
		open: true,
		enter: [...OFFICE, 'technician'],
		leave: [...OFFICE, 'technician'],
		sla: { warnHours: 24, lateHours: 48 },
		wip: null,
		recentOnly: false
	},
	{
		key: 'activa',
		label: 'Activa',
		open: true,
		enter: [...OFFICE, 'technician'],
		leave: OFFICE,
		sla: { warnHours: 24 * 30, lateHours: 24 * 60 },
		wip: null,
		recentOnly: true
	},
	{
		key: 'cancelada',
		label: 'Cancelada',
		open: false,
		enter: [...OFFICE, 'agent'],
		leave: OFFICE,
		sla: null,
		wip: null,
		recentOnly: true
	}
] as const satisfies readonly StageRow[];

type Row = (typeof STAGE_TABLE)[number];
export type Stage = Row['key'];
export type OpenStage = Extract<Row, { open: true }>['key'];
type KeysOf<T extends readonly unknown[]> = { readonly [I in keyof T]: T[I] extends { key: infer K } ? K : never };

export const STAGES = STAGE_TABLE.map((s) => s.key) as unknown as KeysOf<typeof STAGE_TABLE>;
export const OPEN_STAGES = STAGE_TABLE.filter((s) => s.open).map((s) => s.key as OpenStage);
/** Stages the board shows in full; the others only for their recent cards. */
export const ALWAYS_SHOWN_STAGES: readonly Stage[] = STAGE_TABLE.filter((s) => !s.recentOnly).map((s) => s.key);
/** The closed columns the board shows only while recent (the recent-closed index covers exactly these). */
export const RECENT_ONLY_STAGES: readonly Stage[] = STAGE_TABLE.filter((s) => s.recentOnly).map((s) => s.key);
export const STAGE_LABELS = Object.fromEntries(STAGE_TABLE.map((s) => [s.key, s.label])) as Record<Stage, string>;

const BY_KEY = new Map<string, StageRow>(STAGE_TABLE.map((s) => [s.key, s]));
export const stageRow = (stage: Stage): StageRow => BY_KEY.get(stage)!;
export const mayEnter = (role: Role, stage: Stage): boolean => BY_KEY.get(stage)?.enter.includes(role) ?? false;
export const mayLeave = (role: Role, stage: Stage): boolean => BY_KEY.get(stage)?.leave.includes(role) ?? false;
/** The open stages a role may both enter and leave, in order: where that role works the flow. */
export const stagesOf = (role: Role): OpenStage[] => OPEN_STAGES.filter((s) => mayEnter(role, s) && mayLeave(role, s));

export const DEFAULT_SLA = Object.fromEntries(STAGE_TABLE.flatMap((s) => (s.open ? [[s.key, s.sla]] : []))) as Record<
	OpenStage,
	{ warnHours: number; lateHours: number }
>;
export const DEFAULT_WIP = Object.fromEntries(STAGE_TABLE.flatMap((s) => (s.open ? [[s.key, s.wip]] : []))) as Record<
	OpenStage,
	number | null
>;

export const isStage = (value: unknown): value is Stage => BY_KEY.has(value as string);
/** In the main flow, i.e. not the side column. */
export const isOpenStage = (stage: Stage): stage is OpenStage => BY_KEY.get(stage)?.open === true;
/** Position in STAGES; only the open stages are ordered (the side column sits last). */
export const stageIndex = (stage: Stage): number => STAGES.indexOf(stage);
export const stageLabel = (stage: Stage): string => STAGE_LABELS[stage] ?? String(stage);

export function nextStage(stage: Stage): Stage | null {
	if (!isOpenStage(stage)) return null;
	return OPEN_STAGES[OPEN_STAGES.indexOf(stage) + 1] ?? null;
}
