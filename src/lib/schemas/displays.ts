import { z } from 'zod';
import type { Coded } from '$lib/domain/coded';
import { uuidSchema } from './common';
import type { Stage } from '$lib/domain/stages';

/** Admin form: a name that says where the screen hangs ("TV oficina"). */
export const createDisplaySchema = z.object({
	name: z
		.string()
		.trim()
		.min(2, 'Escribe un nombre para la pantalla, por ejemplo «TV oficina».')
		.max(60, 'El nombre es demasiado largo (máximo 60 letras).')
});

export const revokeDisplaySchema = z.object({ id: uuidSchema });

/** The raw display token: 32 base32 characters (20 random bytes), as generateToken makes them. */
export const displayTokenSchema = z.string().regex(/^[a-z2-7]{32}$/, 'Enlace de pantalla no válido.');

export const displaySinceSchema = z.object({ lastSeq: z.number().int().min(0) });

/**
 * One card as the office TV sees it. A shared screen shows first name + colonia only: no phones,
 * emails, street/SM/MZ/LT, credentials, IPs or surnames ever travel on this shape.
 */
export interface DisplayCard {
	id: string;
	folio: number;
	stage: Stage;
	position: number;
	version: number;
	firstName: string;
	colonia: string | null;
	zoneName: string | null;
	planName: string | null;
	technicianId: string | null;
	technicianName: string | null;
	technicianColor: string | null;
	installationDate: string | null;
	installationTime: string | null;
	stageChangedAt: string;
	/** The board card's badge as a message code (i18n/translate.ts). */
	badge: Coded | null;
}

export interface DisplaySettings {
	wipLimits: Partial<Record<Stage, number | null>>;
	sla: Partial<Record<Stage, { warnHours: number; lateHours: number }>>;
}

export interface DisplaySnapshot {
	name: string;
	orgName: string;
	timeZone: string;
	cards: DisplayCard[];
	lastSeq: number;
	settings: DisplaySettings;
	serverTime: string;
}

/** Server → display: one card changed (`card` null when it left the board). */
export interface DisplayEvent {
	seq: number;
	cardId: string;
	version: number;
	card: DisplayCard | null;
}

export type DisplaySince = { events: DisplayEvent[]; lastSeq: number } | { snapshot: DisplaySnapshot } | { error: string };

/** Ajustes → Pantallas: how often the office TV shows its summary slide (issue 21); 0 = never. */
export const displaySummaryFormSchema = z.object({
	everyMinutes: z.coerce
		.number({ error: 'Escribe cada cuántos minutos, con un número entero (0 = nunca).' })
		.int('Escribe cada cuántos minutos, con un número entero (0 = nunca).')
		.min(0, 'Escribe 0 o más minutos (0 = nunca).')
		.max(240, 'Como máximo cada 240 minutos (4 horas).')
});

/**
 * The TV's summary slide: counts only, so nothing on it names or locates a customer. Today and this
 * week (Monday on) and this month's funnel, in the organisation's calendar.
 */
export interface DisplaySummary {
	/** Minutes between summary slides; 0 = the slide is off. */
	everyMinutes: number;
	today: { installed: number; scheduled: number };
	week: { installed: number; newLeads: number };
	month: { registered: number; coverage: number; scheduled: number; active: number };
	generatedAt: string;
}
