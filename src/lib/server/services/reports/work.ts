/** Productividad, asesores y cobros (issue 21): who moves the cards and the money at the door. */
import { CALL_OUTCOME_KEYS, CALL_OUTCOMES } from '$lib/domain/follow-up';
import * as workDb from '../../db/reports-work';
import { NONE, col, oneDecimal, ratio, section, type SectionBuilder } from './shared';

export const productividad: SectionBuilder = async ({ db, scope }) => {
	const { weeks, zones, techs } = await workDb.activations(db, scope);
	return [
		section(
			'semanas',
			'Instalaciones activadas por semana',
			'Tarjetas que llegaron a activa por primera vez, por semana (lunes).',
			[col('semana', 'Semana', 'date'), col('activadas', 'Activadas', 'int')],
			weeks.map((w) => ({ semana: w.week, activadas: w.cards })),
			{ kind: 'bar', x: 'semana', series: ['activadas'] }
		),
		section(
			'zonas',
			'Activadas por zona',
			'Tarjetas activadas en el periodo según su zona.',
			[col('zona', 'Zona', 'text'), col('activadas', 'Activadas', 'int')],
			zones.map((z) => ({ zona: z.zone ?? NONE.zona, activadas: z.cards })),
			{ kind: 'bar', x: 'zona', series: ['activadas'], horizontal: true }
		),
		section(
			'tecnicos',
			'Activadas por técnico',
			'Tarjetas activadas en el periodo por técnico, los días en que activó alguna, su promedio por esos días y el tiempo promedio en sitio.',
			[
				col('tecnico', 'Técnico', 'text'),
				col('activadas', 'Activadas', 'int'),
				col('dias', 'Días con instalaciones', 'int'),
				col('por_dia', 'Por día', 'decimal'),
				col('en_sitio', 'Tiempo en sitio (horas, promedio)', 'hours')
			],
			techs.map((t) => ({
				tecnico: t.technician ?? NONE.tecnico,
				activadas: t.cards,
				dias: t.days,
				por_dia: t.days ? oneDecimal(t.cards / t.days) : null,
				en_sitio: t.onSite
			})),
			{ kind: 'bar', x: 'tecnico', series: ['activadas'], horizontal: true },
			'El tiempo en sitio va de «Llegué» a «Instalación completada» en la app del técnico, en las instalaciones donde quedaron registrados los dos; vacío si no hay ninguna.'
		)
	];
};

const REACHED = CALL_OUTCOME_KEYS.filter((k) => CALL_OUTCOMES[k].reached);

export const agentes: SectionBuilder = async ({ db, scope }) => {
	const rows = await workDb.agents(db, scope, REACHED);
	const calls = rows.reduce((sum, r) => sum + r.calls, 0);
	return [
		section(
			'asesores',
			'Asesores',
			'Por asesor: llamadas del periodo y cuántas lograron hablar con el cliente; sus leads que entraron en el periodo, cuántos aceptaron (documentos pendientes o más) y cuántos quedaron activos; y la mediana de horas hasta la primera llamada.',
			[
				col('asesor', 'Asesor', 'text'),
				col('llamadas', 'Llamadas', 'int'),
				col('contactadas', 'Contactadas', 'int'),
				col('tasa_contacto', 'Tasa de contacto', 'ratio'),
				col('leads', 'Leads', 'int'),
				col('convertidos', 'Aceptaron', 'int'),
				col('activados', 'Activados', 'int'),
				col('conversion', 'Conversión', 'ratio'),
				col('primera_llamada', 'Horas a la primera llamada (mediana)', 'hours')
			],
			rows.map((r) => ({
				asesor: r.name,
				llamadas: r.calls,
				contactadas: r.reached,
				tasa_contacto: ratio(r.reached, r.calls),
				leads: r.leads,
				convertidos: r.converted,
				activados: r.activated,
				conversion: ratio(r.converted, r.leads),
				primera_llamada: r.firstCallP50
			})),
			{ kind: 'bar', x: 'asesor', series: ['llamadas', 'contactadas'], horizontal: true },
			calls === 0 ? 'Aún no hay llamadas registradas en este periodo: se cuentan las que los asesores anotan en la tarjeta.' : undefined
		)
	];
};

export const cobros: SectionBuilder = async ({ db, scope }) => {
	const weeks = await workDb.money(db, scope);
	return [
		section(
			'semanas',
			'Primer cobro por semana',
			'Por semana de la fecha de instalación (lunes), tarjetas no canceladas con primer cobro calculado: lo cotizado, lo cobrado hasta el día de la instalación, lo cobrado en total y lo pendiente.',
			[
				col('semana', 'Semana', 'date'),
				col('instalaciones', 'Instalaciones', 'int'),
				col('cotizado', 'Cotizado', 'money'),
				col('cobrado_instalacion', 'Cobrado en la instalación', 'money'),
				col('cobrado', 'Cobrado en total', 'money'),
				col('pendiente', 'Pendiente', 'money')
			],
			weeks.map((w) => ({
				semana: w.week,
				instalaciones: w.cards,
				cotizado: w.quoted,
				cobrado_instalacion: w.paidAtInstall,
				cobrado: w.paid,
				pendiente: w.pending
			})),
			{ kind: 'bar', x: 'semana', series: ['cobrado', 'pendiente'], stacked: true }
		)
	];
};
