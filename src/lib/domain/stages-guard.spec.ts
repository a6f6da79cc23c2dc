// The stage guard (canEnter) and the board badges; stages.spec.ts has the catalogue and the requirements.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as sut from './stages';
import type { GuardCard, Role, Stage } from './stages';
import {
	ALL_FILES,
	completeCard,
	emptyCard,
	stageArb,
	openStageArb,
	roleArb,
	settingsArb,
	cardArb,
	userArb,
	overrideArb
} from './stages-fixtures.spec-helpers';

describe('canEnter', () => {
	it('a same-stage drop is a reorder and always allowed', () => {
		for (const role of sut.ROLES) {
			expect(sut.canEnter(emptyCard('asignada'), 'asignada', role)).toEqual({ ok: true, overridden: false });
		}
	});

	it.each<[Role, Stage, Stage, Partial<GuardCard>, string | undefined, boolean]>([
		['agent', 'preinstalacion', 'cobertura_confirmada', {}, undefined, true],
		['agent', 'documentos_pendientes', 'agendada', {}, undefined, true],
		['agent', 'agendada', 'preinstalacion', {}, undefined, true],
		['agent', 'agendada', 'cancelada', {}, undefined, true],
		['agent', 'agendada', 'asignada', {}, undefined, false],
		['agent', 'asignada', 'agendada', {}, undefined, false],
		['agent', 'asignada', 'cancelada', {}, undefined, false],
		['agent', 'cancelada', 'preinstalacion', {}, undefined, false],
		['technician', 'asignada', 'firmada', {}, 'tech-1', true],
		['technician', 'asignada', 'activa', {}, 'tech-1', true],
		['technician', 'firmada', 'activa', {}, 'tech-1', true],
		['technician', 'asignada', 'firmada', {}, 'tech-2', false],
		['technician', 'asignada', 'firmada', {}, undefined, false],
		['technician', 'asignada', 'firmada', { technicianId: null }, undefined, false],
		['technician', 'activa', 'firmada', {}, 'tech-1', false],
		['technician', 'agendada', 'asignada', {}, 'tech-1', false],
		['technician', 'asignada', 'cancelada', {}, 'tech-1', false],
		['coordinator', 'activa', 'preinstalacion', {}, undefined, true],
		['coordinator', 'cancelada', 'agendada', {}, undefined, true],
		['admin', 'preinstalacion', 'activa', {}, undefined, true]
	])('%s moving %s → %s (%j, user %s): %s', (role, from, to, patch, userId, ok) => {
		const r = sut.canEnter(completeCard({ stage: from, ...patch }), to, role, { userId });
		expect(r.ok).toBe(ok);
	});

	it('explains role refusals in Spanish', () => {
		const refuse = (card: GuardCard, to: Stage, role: Role, userId?: string) => {
			const r = sut.canEnter(card, to, role, { userId });
			return r.ok ? null : r.reasons;
		};
		expect(refuse(completeCard({ stage: 'agendada' }), 'asignada', 'agent')).toEqual([
			'Como agente puedes mover tarjetas de «Preinstalación» a «Agendada» o cancelarlas: pide a un coordinador que la pase a «Asignada».'
		]);
		expect(refuse(completeCard({ stage: 'firmada' }), 'agendada', 'agent')).toEqual([
			'Esta tarjeta ya está en «Firmada»: solo un coordinador puede moverla.'
		]);
		expect(refuse(completeCard({ stage: 'asignada' }), 'firmada', 'technician', 'tech-9')).toEqual([
			'Esta instalación no está asignada a ti: pide al coordinador que te la asigne.'
		]);
		expect(refuse(completeCard({ stage: 'cancelada' }), 'agendada', 'agent')).toEqual([
			'Solo un coordinador puede reabrir una tarjeta cancelada: pídeselo.'
		]);
		expect(refuse(completeCard(), 'cobertura_confirmada', 'display' as Role)).toEqual([
			'Tu usuario no puede mover tarjetas: pide acceso a un coordinador.'
		]);
		expect(refuse(completeCard(), 'nada' as Stage, 'admin')).toEqual(['La columna «nada» no existe: recarga el tablero.']);
	});

	it('lists the unmet data and lets a coordinator override it with a written reason', () => {
		const card = completeCard({ stage: 'documentos_pendientes', fileCategories: ['ine_frontal'] });
		expect(sut.canEnter(card, 'agendada', 'coordinator')).toMatchObject({
			ok: false,
			overridable: true,
			reasons: [
				'Falta el INE atrás: súbelo en Archivos.',
				'Falta el comprobante de domicilio: súbelo en Archivos.',
				'Falta la «Confirmación contrato a 12 meses»: sube la captura de WhatsApp donde el cliente la acepta.'
			]
		});
		expect(sut.canEnter(card, 'agendada', 'coordinator', { overrideReason: 'ok' })).toMatchObject({
			ok: false,
			reasons: expect.arrayContaining(['Para mover sin cumplir los requisitos escribe un motivo de al menos 5 letras.'])
		});
		expect(sut.canEnter(card, 'agendada', 'coordinator', { overrideReason: 'Documentos llegan mañana' })).toEqual({
			ok: true,
			overridden: true
		});
		expect(sut.canEnter(card, 'agendada', 'admin', { overrideReason: '  abcde ' })).toEqual({ ok: true, overridden: true });
	});

	it('agents cannot override, and are told so when they try', () => {
		const card = completeCard({ stage: 'documentos_pendientes', email: null });
		const r = sut.canEnter(card, 'agendada', 'agent', { overrideReason: 'El cliente lo manda luego' });
		expect(r).toMatchObject({
			ok: false,
			overridable: false,
			reasons: [
				'Falta el correo electrónico: escríbelo, ahí le llegan sus facturas.',
				'Solo un coordinador o un administrador puede mover una tarjeta sin cumplir los requisitos.'
			]
		});
	});

	it('nobody skips the cancellation reason', () => {
		const card = completeCard({ stage: 'agendada', cancelReason: null });
		expect(sut.canEnter(card, 'cancelada', 'admin', { overrideReason: 'Lo cancelo yo' })).toMatchObject({
			ok: false,
			overridable: false,
			reasons: ['Falta el motivo de cancelación: elige sin cobertura, declinó, no localizable, duplicado u otro.']
		});
	});

	it('takes partial settings and falls back to the defaults', () => {
		const card = completeCard({ stage: 'firmada', equipment: {}, completedAt: 'x' });
		expect(sut.canEnter(card, 'activa', 'coordinator').ok).toBe(false);
		expect(sut.canEnter(card, 'activa', 'coordinator', { settings: { requiredEquipmentFields: [] } }).ok).toBe(true);
		expect(sut.canEnter(card, 'activa', 'coordinator', { settings: null }).ok).toBe(false);
	});

	it('property: a card meeting every requirement can enter every stage as coordinator or admin', () => {
		fc.assert(
			fc.property(
				settingsArb,
				stageArb,
				stageArb,
				fc.constantFrom<Role>('coordinator', 'admin'),
				fc.constantFrom(...sut.CONTRACT_TYPES),
				(settings, from, to, role, contractType) => {
					const card = completeCard({ stage: from, contractType });
					expect(sut.canEnter(card, to, role, { settings })).toEqual({ ok: true, overridden: false });
				}
			)
		);
	});

	it('property: refused iff there are reasons, and every reason is a sentence', () => {
		fc.assert(
			fc.property(cardArb, stageArb, roleArb, overrideArb, userArb, settingsArb, (card, stage, role, overrideReason, userId, settings) => {
				const r = sut.canEnter(card, stage, role, { overrideReason, userId, settings });
				if (r.ok) {
					expect(r).not.toHaveProperty('reasons');
					return;
				}
				expect(r.reasons.length).toBeGreaterThan(0);
				for (const reason of r.reasons) expect(reason).toMatch(/^[A-ZÁÉÍÓÚÑ«].+\.$/);
			})
		);
	});

	it('property: for a coordinator without override, ok exactly when nothing is missing', () => {
		fc.assert(
			fc.property(cardArb, stageArb, settingsArb, (card, stage, settings) => {
				const r = sut.canEnter(card, stage, 'coordinator', { settings });
				const nothingMissing = card.stage === stage || sut.requirementsFor(card, stage, settings).length === 0;
				expect(r.ok).toBe(nothingMissing);
			})
		);
	});

	it('property: only admins and coordinators override, and only with a reason of 5+ characters', () => {
		fc.assert(
			fc.property(cardArb, stageArb, roleArb, overrideArb, userArb, (card, stage, role, overrideReason, userId) => {
				const r = sut.canEnter(card, stage, role, { overrideReason, userId });
				if (r.ok && r.overridden) {
					expect(['admin', 'coordinator']).toContain(role);
					expect((overrideReason ?? '').trim().length).toBeGreaterThanOrEqual(5);
				}
				if (!r.ok && r.overridable) expect(['admin', 'coordinator']).toContain(role);
			})
		);
	});

	it('property: agents never move a card beyond agendada', () => {
		const agentStages: Stage[] = ['preinstalacion', 'cobertura_confirmada', 'documentos_pendientes', 'agendada'];
		fc.assert(
			fc.property(cardArb, stageArb, overrideArb, (card, stage, overrideReason) => {
				const r = sut.canEnter(card, stage, 'agent', { overrideReason });
				const allowedMove = agentStages.includes(card.stage) && (agentStages.includes(stage) || stage === 'cancelada');
				expect(!r.ok || card.stage === stage || (allowedMove && !r.overridden)).toBe(true);
			})
		);
	});

	const technicianMove = (from: Stage, to: Stage) =>
		(from === 'asignada' && (to === 'firmada' || to === 'activa')) || (from === 'firmada' && to === 'activa');

	it('property: technicians only move their own cards from asignada/firmada forward', () => {
		fc.assert(
			fc.property(cardArb, stageArb, overrideArb, userArb, (card, stage, overrideReason, userId) => {
				const r = sut.canEnter(card, stage, 'technician', { overrideReason, userId });
				const own = !!userId && card.technicianId === userId;
				expect(!r.ok || card.stage === stage || (own && technicianMove(card.stage, stage) && !r.overridden)).toBe(true);
			})
		);
	});

	it('property: with complete data a technician may make exactly the allowed moves on own cards', () => {
		fc.assert(
			fc.property(stageArb, stageArb, fc.constantFrom('tech-1', 'tech-2'), userArb, (from, to, technicianId, userId) => {
				const r = sut.canEnter(completeCard({ stage: from, technicianId }), to, 'technician', { userId });
				expect(r.ok).toBe(from === to || (technicianId === userId && technicianMove(from, to)));
			})
		);
	});

	it('property: monotone; if a card may enter stage k it may enter every earlier stage j going forward', () => {
		fc.assert(
			fc.property(cardArb, settingsArb, openStageArb, openStageArb, roleArb, (card, settings, a, b, role) => {
				const fresh = { ...card, stage: 'preinstalacion' as const };
				const [j, k] = sut.stageIndex(a) <= sut.stageIndex(b) ? [a, b] : [b, a];
				// Asserted on every run (not only when k is allowed), so no run ends without an assertion.
				const later = sut.canEnter(fresh, k, role, { settings }).ok;
				expect(!later || sut.canEnter(fresh, j, role, { settings }).ok).toBe(true);
			})
		);
	});
});

describe('missingForNext and badges', () => {
	it('says what the next column needs, grouping files as documentos', () => {
		const card = completeCard({
			stage: 'documentos_pendientes',
			fileCategories: ['ine_frontal', 'comprobante_domicilio'],
			contractType: 'indefinido'
		});
		expect(sut.missingForNext({ ...card, fileCategories: [] })).toMatchObject({ next: 'agendada', badge: 'faltan 3 documentos' });
		expect(sut.missingForNext(card)).toMatchObject({ next: 'agendada', badge: 'falta 1 documento' });
		expect(sut.missingForNext({ ...card, fileCategories: ALL_FILES, email: null })).toMatchObject({ badge: 'falta correo' });
		expect(sut.missingForNext({ ...card, fileCategories: ALL_FILES, email: null, phoneAlt: null, billingComputed: false })).toMatchObject({
			badge: 'faltan 3 datos'
		});
		expect(sut.missingForNext({ ...card, email: null })).toMatchObject({ badge: 'faltan 1 documento y correo' });
		expect(sut.missingForNext({ ...card, fileCategories: [], email: null, phoneAlt: null })).toMatchObject({
			badge: 'faltan 3 documentos y 2 datos'
		});
	});

	it('shows what the next column itself asks for, not every earlier gap', () => {
		// A card let into «Asignada» without its documents (a coordinator's override) waits for signatures now.
		const card = completeCard({ stage: 'asignada', fileCategories: [], sheetSignedAt: null, contractSignedAt: null });
		expect(sut.missingForNext(card)).toMatchObject({ next: 'firmada', badge: 'faltan 2 datos' });
		expect(sut.missingForNext(card).missing.map((r) => r.key)).toEqual(['sheetSignedAt', 'contractSignedAt']);
		expect(sut.missingForNext({ ...card, contractType: 'indefinido' }).badge).toBe('falta firma de la hoja');
	});

	it('still shows the earlier gaps when they are all that stops the next move', () => {
		const card = completeCard({ stage: 'asignada', fileCategories: ['ine_frontal'] });
		expect(sut.canEnter(card, 'firmada', 'coordinator').ok).toBe(false);
		expect(sut.missingForNext(card)).toMatchObject({ next: 'firmada', badge: 'faltan 3 documentos' });
	});

	it('property: a badge exactly when the next move would be refused for data', () => {
		fc.assert(
			fc.property(cardArb, settingsArb, (card, settings) => {
				const { next, badge } = sut.missingForNext(card, settings);
				expect(badge !== null).toBe(!!next && sut.requirementsFor(card, next, settings).length > 0);
			})
		);
	});

	it('has no badge when nothing is missing or there is no next column', () => {
		expect(sut.missingForNext(completeCard({ stage: 'agendada' }))).toMatchObject({ next: 'asignada', missing: [], badge: null });
		expect(sut.missingForNext(completeCard({ stage: 'activa' }))).toEqual({ next: null, missing: [], badge: null, badgeCode: null });
		expect(sut.missingForNext(emptyCard('cancelada'))).toEqual({ next: null, missing: [], badge: null, badgeCode: null });
	});

	it('uses the settings', () => {
		const card = completeCard({ stage: 'firmada', equipment: {} });
		expect(sut.missingForNext(card).badge).toBe('falta MAC del CPE');
		expect(sut.missingForNext(card, { requiredEquipmentFields: [] }).badge).toBeNull();
	});

	it('property: a badge exactly when something is missing, counting every item', () => {
		fc.assert(
			fc.property(cardArb, settingsArb, (card, settings) => {
				const { missing, badge } = sut.missingForNext(card, settings);
				expect(badge === null).toBe(missing.length === 0);
				if (!badge) return;
				expect(badge).toMatch(/^falta(n)? /);
				const docs = missing.filter((m) => m.kind === 'document').length;
				if (docs) expect(badge).toContain(`${docs} documento`);
			})
		);
	});
});
