/**
 * How each history format reads, in Spanish or English: money in MXN, dates written out, names
 * instead of ids, yes/no, coordinates. Pure: ids arrive already resolved in `names`.
 */
import { isStage, type Stage } from '$lib/domain/stages';
import { stageName } from '$lib/i18n/stages';
import { ADDON_KINDS } from '$lib/domain/addon-kinds';
import { isCivilDate } from '$lib/domain/dates';
import { CALL_OUTCOMES, isCallOutcome } from '$lib/domain/follow-up';
import { historyField, type HistoryFormat, type HistoryLang } from '$lib/domain/history-fields';

export interface FormatContext {
	lang: HistoryLang;
	/** id → name of the plans, zones and people the entries mention. */
	names: Record<string, string>;
	/** The provider's time zone, for moments (a call's next contact); America/Cancun when not given. */
	timeZone?: string;
}

const T = {
	yes: { es: 'Sí', en: 'Yes' },
	no: { es: 'No', en: 'No' },
	done: { es: 'Hecho', en: 'Done' },
	pending: { es: 'Pendiente', en: 'Pending' },
	removed: { es: '(ya no existe)', en: '(no longer exists)' },
	replaced: { es: 'versión anterior', en: 'previous version' },
	'12_meses': { es: '12 meses', en: '12 months' },
	indefinido: { es: 'Indefinido', en: 'Open-ended' },
	propia: { es: 'Propia', en: 'Owned' },
	rentada: { es: 'Rentada', en: 'Rented' },
	inalambrico: { es: 'Inalámbrico', en: 'Wireless' },
	fibra: { es: 'Fibra', en: 'Fiber' },
	link: { es: 'por enlace', en: 'by link' },
	en_persona: { es: 'en persona', en: 'in person' },
	telefono_tecnico: { es: 'en el teléfono del técnico', en: "on the technician's phone" },
	signedBy: { es: 'firmó', en: 'signed by' },
	from: { es: 'del', en: 'from' },
	to: { es: 'al', en: 'to' }
} as const;

const INTL = { es: 'es-MX', en: 'en-US' } as const;
const t = (key: keyof typeof T, lang: HistoryLang) => T[key][lang];
const word = (v: unknown, lang: HistoryLang) => (typeof v === 'string' && v in T ? T[v as keyof typeof T][lang] : String(v));

const isUuid = (v: unknown): v is string =>
	typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);

export function formatMoney(v: unknown, lang: HistoryLang): string {
	const n = typeof v === 'number' ? v / 100 : Number(String(v).replace(/[$,\s]/g, ''));
	return Number.isFinite(n) ? new Intl.NumberFormat(INTL[lang], { style: 'currency', currency: 'MXN' }).format(n) : String(v);
}

/** «4 de diciembre de 2026» / «December 4, 2026»: a civil date, so no time zone shifts it. */
export function formatCivilDate(v: unknown, lang: HistoryLang): string {
	if (!isCivilDate(v)) return String(v);
	const [y, m, d] = v.split('-').map(Number);
	return new Intl.DateTimeFormat(INTL[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

const phone = (v: unknown) => (typeof v === 'string' && /^\d{10}$/.test(v) ? `${v.slice(0, 3)} ${v.slice(3, 6)} ${v.slice(6)}` : String(v));
const coord = (n: unknown) => (typeof n === 'number' ? n.toFixed(5) : null);
const nameOf = (id: unknown, ctx: FormatContext) => (isUuid(id) ? (ctx.names[id] ?? t('removed', ctx.lang)) : String(id));

function kb(size: unknown): string {
	if (typeof size !== 'number') return '';
	return size >= 1024 * 1024 ? ` (${(size / 1024 / 1024).toFixed(1)} MB)` : ` (${Math.max(1, Math.round(size / 1024))} KB)`;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : null);

const FORMATS: Record<HistoryFormat, (v: unknown, ctx: FormatContext) => string | null> = {
	text: (v) => String(v),
	phone,
	money: (v, c) => formatMoney(v, c.lang),
	date: (v, c) => formatCivilDate(v, c.lang),
	yesno: (v, c) => t(v === true || v === 'true' ? 'yes' : 'no', c.lang),
	done: (v, c) => t(v === true ? 'done' : 'pending', c.lang),
	plan: nameOf,
	zone: nameOf,
	user: nameOf,
	planList: (v, c) => (Array.isArray(v) ? (v.length ? v.map((id) => nameOf(id, c)).join(', ') : null) : nameOf(v, c)),
	stage: (v, c) => (isStage(v) ? stageName(v as Stage, c.lang) : String(v)),
	contractType: (v, c) => word(v, c.lang),
	houseOwnership: (v, c) => word(v, c.lang),
	coverage: (v, c) => {
		const o = obj(v);
		if (!o) return String(v);
		const lat = coord(o.lat);
		const lng = coord(o.lng);
		const parts = [
			o.zoneId ? nameOf(o.zoneId, c) : null,
			o.serviceType ? word(o.serviceType, c.lang) : null,
			lat && lng ? `${lat}, ${lng}` : null
		];
		return parts.filter(Boolean).join(' · ') || null;
	},
	file: (v, c) => {
		const o = obj(v);
		if (!o) return String(v);
		if (Array.isArray(o.replaced)) return t('replaced', c.lang);
		return `${String(o.name ?? '')}${kb(o.size)}`;
	},
	signature: (v, c) => {
		const o = obj(v);
		if (!o) return String(v);
		const how = typeof o.method === 'string' && o.method in T ? ` (${word(o.method, c.lang)})` : '';
		return `${t('signedBy', c.lang)} ${String(o.signer ?? '')}${how}`;
	},
	contractDates: (v, c) => {
		const o = obj(v);
		if (!o) return String(v);
		if (!o.startDate && !o.endDate) return null;
		return [
			o.startDate ? `${t('from', c.lang)} ${formatCivilDate(o.startDate, c.lang)}` : '',
			o.endDate ? `${t('to', c.lang)} ${formatCivilDate(o.endDate, c.lang)}` : ''
		]
			.filter(Boolean)
			.join(' ');
	},
	addon: (v) => ADDON_KINDS.find((a) => a.key === v)?.label ?? String(v),
	callOutcome: (v, c) => (isCallOutcome(v) ? CALL_OUTCOMES[v][c.lang] : String(v)),
	dateTime: (v, c) => {
		const at = typeof v === 'string' ? new Date(v) : null;
		if (!at || Number.isNaN(at.getTime())) return String(v);
		return new Intl.DateTimeFormat(INTL[c.lang], {
			dateStyle: 'long',
			timeStyle: 'short',
			timeZone: c.timeZone ?? 'America/Cancun'
		}).format(at);
	},
	secret: (v) => String(v)
};

/** One value as it reads; null for «empty» (the panel shows a dash). */
export function formatHistoryValue(kind: string, field: string | null, value: unknown, ctx: FormatContext): string | null {
	if (value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length)) return null;
	const entry = historyField(kind, field);
	return FORMATS[entry?.format ?? 'text'](value, ctx);
}

/** The ids a value mentions, for the service to resolve to names in one query. */
export function idsIn(kind: string, field: string | null, value: unknown): string[] {
	const format = historyField(kind, field)?.format;
	if (format === 'plan' || format === 'zone' || format === 'user') return isUuid(value) ? [value] : [];
	if (format === 'planList' && Array.isArray(value)) return value.filter(isUuid);
	if (format === 'coverage') return isUuid(obj(value)?.zoneId) ? [obj(value)!.zoneId as string] : [];
	return [];
}
