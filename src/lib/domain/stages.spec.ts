import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as sut from './stages';
import type { GuardCard, GuardSettings, Role, Stage } from './stages';

const ALL_FILES = ['ine_frontal', 'ine_atras', 'comprobante_domicilio', 'confirmacion_12_meses'];
const EQUIPMENT_FIELDS = ['cpeMac', 'onuSerial', 'routerModel', 'dni'];

/** A card that meets every requirement of every stage under any settings. */
function completeCard(overrides: Partial<GuardCard> = {}): GuardCard {
	return {
		id: 'card-1',
		stage: 'preinstalacion',
		fullName: 'Juan Cocom Chan',
		email: 'juan@example.mx',
		phone: '9981234567',
		phoneAlt: '9987654321',
		addrSm: '12',
		addrMz: '3',
		addrLt: '4',
		addrExt: '10',
		addrInt: null,
		addrBuilding: null,
		addrStreet: 'Calle Y',
		addrColonia: 'Z',
		addrCity: 'Cancún',
		lat: 21.1619,
		lng: -86.8515,
		zoneId: 'zone-1',
		zoneHasCoverage: true,
		serviceType: 'inalambrico',
		planId: 'plan-60',
		contractType: '12_meses',
		customerAcceptedAt: '2025-07-18T12:00:00Z',
		installationDate: '2025-07-25',
		billingComputed: true,
		technicianId: 'tech-1',
		pppoeUser: '9981234567',
		pppoePassword: '9981234567M',
		ip: '10.0.0.10',
		contractSignedAt: '2025-07-25T10:00:00Z',
		sheetSignedAt: '2025-07-25T10:00:00Z',
		completedAt: '2025-07-25T12:00:00Z',
		cancelReason: 'declino',
		cancelNote: null,
		equipment: { cpeMac: 'AA:BB:CC:DD:EE:FF', onuSerial: 'ZTEG1234', routerModel: 'Archer C6', dni: '123' },
		fileCategories: ALL_FILES,
		...overrides
	};
}
const emptyCard = (stage: Stage = 'preinstalacion'): GuardCard => ({ id: 'empty', stage });

const stageArb = fc.constantFrom(...sut.STAGES);
const openStageArb = fc.constantFrom(...sut.OPEN_STAGES);
const roleArb = fc.constantFrom(...sut.ROLES);
const settingsArb: fc.Arbitrary<GuardSettings> = fc.record({
	contractRequiredFor: fc.subarray([...sut.CONTRACT_TYPES]),
	requiredEquipmentFields: fc.subarray(EQUIPMENT_FIELDS),
	cancelReasons: fc.constant(sut.DEFAULT_GUARD_SETTINGS.cancelReasons)
});
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 3 });
/** Any mix of present, missing and malformed fields. */
const cardArb: fc.Arbitrary<GuardCard> = fc
	.record({
		stage: stageArb,
		fullName: maybe(fc.constantFrom('Juan Cocom', '  ')),
		email: maybe(fc.constantFrom('a@b.mx', 'sin-arroba')),
		phone: maybe(fc.constantFrom('9981234567', '123')),
		phoneAlt: maybe(fc.constantFrom('9987654321', '9981234567')),
		addrStreet: maybe(fc.constant('Calle Y')),
		addrExt: maybe(fc.constant('10')),
		addrColonia: maybe(fc.constant('Z')),
		addrCity: maybe(fc.constant('Cancún')),
		lat: maybe(fc.constantFrom(21.16, 123)),
		lng: maybe(fc.constant(-86.85)),
		zoneId: maybe(fc.constant('zone-1')),
		zoneHasCoverage: fc.constantFrom(true, false, undefined),
		serviceType: maybe(fc.constantFrom('inalambrico' as const, 'fibra' as const)),
		planId: maybe(fc.constant('plan')),
		contractType: maybe(fc.constantFrom(...sut.CONTRACT_TYPES)),
		customerAcceptedAt: maybe(fc.constant('2025-07-18')),
		installationDate: maybe(fc.constantFrom('2025-07-25', '2025-02-30')),
		billingComputed: fc.boolean(),
		technicianId: maybe(fc.constantFrom('tech-1', 'tech-2')),
		pppoeUser: maybe(fc.constant('9981234567')),
		pppoePassword: maybe(fc.constant('9981234567M')),
		ip: maybe(fc.constant('10.0.0.2')),
		contractSignedAt: maybe(fc.constant('2025-07-25')),
		sheetSignedAt: maybe(fc.constant('2025-07-25')),
		completedAt: maybe(fc.constant('2025-07-25')),
		cancelReason: maybe(fc.constantFrom('sin_cobertura', 'otro', 'inventado')),
		cancelNote: maybe(fc.constant('Se mudó')),
		equipment: fc.dictionary(fc.constantFrom(...EQUIPMENT_FIELDS), maybe(fc.constant('x'))),
		fileCategories: fc.subarray(ALL_FILES)
	})
	.map((c) => ({ id: 'c', ...c }));
const userArb = fc.constantFrom('tech-1', 'tech-2', undefined);
const overrideArb = fc.constantFrom(null, '', 'ok', '  abc  ', 'El cliente ya pagó en efectivo');

describe('stage catalogue', () => {
	it('orders the main flow and keeps cancelada as the side column', () => {
		expect(sut.STAGES).toEqual([
			'preinstalacion',
			'cobertura_confirmada',
			'documentos_pendientes',
			'agendada',
			'asignada',
			'firmada',
			'activa',
			'cancelada'
		]);
		expect(sut.STAGES.map(sut.stageLabel)).toEqual([
			'Preinstalación',
			'Cobertura confirmada',
			'Documentos pendientes',
			'Agendada',
			'Asignada',
			'Firmada',
			'Activa',
			'Cancelada'
		]);
	});

	it.each<[Stage, Stage | null, number, boolean]>([
		['preinstalacion', 'cobertura_confirmada', 0, true],
		['agendada', 'asignada', 3, true],
		['firmada', 'activa', 5, true],
		['activa', null, 6, true],
		['cancelada', null, 7, false]
	])('%s: next %s, index %s, open %s', (stage, next, index, open) => {
		expect(sut.nextStage(stage)).toBe(next);
		expect(sut.stageIndex(stage)).toBe(index);
		expect(sut.isOpenStage(stage)).toBe(open);
	});

	it('isStage tells real stages from anything else', () => {
		expect(sut.isStage('agendada')).toBe(true);
		expect(sut.isStage('Agendada')).toBe(false);
		expect(sut.isStage(null)).toBe(false);
	});
});

describe('requirementsFor', () => {
	const messages = (card: GuardCard, stage: Stage, settings?: Partial<GuardSettings>) =>
		sut.requirementsFor(card, stage, settings).map((r) => r.message);

	it('preinstalación needs a name and a phone', () => {
		expect(messages(emptyCard(), 'preinstalacion')).toEqual([
			'Falta el nombre completo del cliente: escríbelo en la tarjeta.',
			'Falta el teléfono principal: escribe los 10 dígitos, por ejemplo 998 123 4567.'
		]);
		expect(messages(completeCard({ phone: '12345' }), 'preinstalacion')).toEqual([
			'El teléfono principal no es válido. Escribe un teléfono de 10 dígitos, por ejemplo 998 123 4567.'
		]);
	});

	it('cobertura confirmada accepts coordinates or a full address, and needs zone and service type', () => {
		const base = completeCard();
		expect(sut.requirementsFor({ ...base, addrStreet: null, addrSm: null }, 'cobertura_confirmada')).toEqual([]);
		expect(sut.requirementsFor({ ...base, lat: null, lng: null }, 'cobertura_confirmada')).toEqual([]);
		const keys = sut
			.requirementsFor({ ...base, lat: null, addrColonia: null, zoneId: null, serviceType: null }, 'cobertura_confirmada')
			.map((r) => r.key);
		expect(keys).toEqual(['location', 'zoneId', 'serviceType']);
	});

	it('a zone known not to cover the location is refused, an unchecked one is accepted', () => {
		expect(messages(completeCard({ zoneHasCoverage: false }), 'cobertura_confirmada')).toEqual([
			'La zona elegida no cubre la ubicación del cliente: elige otra zona o cancela la tarjeta por «Sin cobertura».'
		]);
		expect(messages(completeCard({ zoneHasCoverage: undefined }), 'cobertura_confirmada')).toEqual([]);
	});

	it('documentos pendientes needs plan, contract type and the acceptance', () => {
		const keys = sut
			.requirementsFor(completeCard({ planId: null, contractType: null, customerAcceptedAt: '' }), 'documentos_pendientes')
			.map((r) => r.key);
		expect(keys).toEqual(['planId', 'contractType', 'customerAcceptedAt']);
	});

	it('agendada needs the documents, contact data, address, date and billing', () => {
		const card = completeCard({
			fileCategories: [],
			email: null,
			phoneAlt: null,
			addrColonia: null,
			installationDate: null,
			billingComputed: false
		});
		expect(messages(card, 'agendada')).toEqual([
			'Falta el INE frontal: súbelo en Archivos.',
			'Falta el INE atrás: súbelo en Archivos.',
			'Falta el comprobante de domicilio: súbelo en Archivos.',
			'Falta la «Confirmación contrato a 12 meses»: sube la captura de WhatsApp donde el cliente la acepta.',
			'Falta el correo electrónico: escríbelo, ahí le llegan sus facturas.',
			'Falta el teléfono adicional: pide otro número de contacto, de preferencia de un familiar.',
			'Falta el fraccionamiento o la colonia: escríbelo.',
			'Falta la fecha de instalación acordada con el cliente: elígela en la tarjeta.',
			'Faltan las fechas de cobro: revisa la fecha de pago, el corte y el prorrateo en la tarjeta.'
		]);
	});

	it('the WhatsApp confirmation is needed only for 12-month contracts', () => {
		const indefinido = completeCard({ contractType: 'indefinido', fileCategories: ['ine_frontal', 'ine_atras', 'comprobante_domicilio'] });
		expect(sut.requirementsFor(indefinido, 'agendada')).toEqual([]);
		expect(sut.requirementsFor({ ...indefinido, contractType: '12_meses' }, 'agendada').map((r) => r.key)).toEqual([
			'file:confirmacion_12_meses'
		]);
	});

	it.each<[Partial<GuardCard>, string]>([
		[{ email: 'juan@' }, 'El correo electrónico no es válido: revísalo, por ejemplo nombre@gmail.com.'],
		[
			{ phoneAlt: '998 123 4567' },
			'El teléfono adicional es igual al principal: pide otro número de contacto, de preferencia de un familiar.'
		],
		[{ installationDate: '2025-02-30' }, 'La fecha de instalación no es válida: elígela de nuevo en el calendario.'],
		[{ installationDate: '25/07/2025' }, 'La fecha de instalación no es válida: elígela de nuevo en el calendario.']
	])('agendada refuses malformed data: %j', (patch, message) => {
		expect(messages(completeCard(patch), 'agendada')).toEqual([message]);
	});

	it('asignada needs technician, PPPoE and IP', () => {
		const keys = sut
			.requirementsFor(completeCard({ technicianId: null, pppoeUser: null, pppoePassword: ' ', ip: null }), 'asignada')
			.map((r) => r.key);
		expect(keys).toEqual(['technicianId', 'pppoeUser', 'pppoePassword', 'ip']);
	});

	it('firmada needs the signed sheet, and the signed contract only where settings ask for it', () => {
		const unsigned = completeCard({ sheetSignedAt: null, contractSignedAt: null });
		expect(sut.requirementsFor(unsigned, 'firmada').map((r) => r.key)).toEqual(['sheetSignedAt', 'contractSignedAt']);
		expect(sut.requirementsFor({ ...unsigned, contractType: 'indefinido' }, 'firmada').map((r) => r.key)).toEqual(['sheetSignedAt']);
		const everyone = { contractRequiredFor: ['12_meses', 'indefinido'] as sut.ContractType[] };
		expect(sut.requirementsFor({ ...unsigned, contractType: 'indefinido' }, 'firmada', everyone).map((r) => r.key)).toEqual([
			'sheetSignedAt',
			'contractSignedAt'
		]);
	});

	it('activa needs the completion and the equipment fields from settings', () => {
		const card = completeCard({ completedAt: null, equipment: { cpeMac: '', onuSerial: null } });
		expect(messages(card, 'activa')).toEqual([
			'Falta que el técnico marque la instalación como terminada.',
			'Falta la MAC del CPE: lo captura el técnico al instalar.'
		]);
		expect(messages(card, 'activa', { requiredEquipmentFields: ['onuSerial', 'serieAntena'] })).toEqual([
			'Falta que el técnico marque la instalación como terminada.',
			'Falta el número de serie de la ONU: lo captura el técnico al instalar.',
			'Falta el dato de equipo «serieAntena»: lo captura el técnico al instalar.'
		]);
		expect(messages({ ...card, equipment: undefined, completedAt: 'x' }, 'activa', { requiredEquipmentFields: [] })).toEqual([]);
	});

	it.each<[Partial<GuardCard>, string[]]>([
		[{ cancelReason: null }, ['Falta el motivo de cancelación: elige sin cobertura, declinó, no localizable, duplicado u otro.']],
		[{ cancelReason: 'porque sí' }, ['Falta el motivo de cancelación: elige sin cobertura, declinó, no localizable, duplicado u otro.']],
		[{ cancelReason: 'otro', cancelNote: '  ' }, ['Escribe el motivo de la cancelación: elegiste «Otro».']],
		[{ cancelReason: 'otro', cancelNote: 'Se mudó de ciudad' }, []],
		[{ cancelReason: 'sin_cobertura' }, []]
	])('cancelada needs a reason: %j', (patch, expected) => {
		expect(messages({ ...emptyCard('agendada'), ...patch }, 'cancelada')).toEqual(expected);
	});

	it('moving back along the flow needs nothing; reopening a cancelled card does', () => {
		expect(sut.requirementsFor(emptyCard('activa'), 'preinstalacion')).toEqual([]);
		expect(sut.requirementsFor(emptyCard('firmada'), 'agendada')).toEqual([]);
		expect(sut.requirementsFor(emptyCard('cancelada'), 'preinstalacion').map((r) => r.key)).toEqual(['fullName', 'phone']);
	});

	it('every requirement has a key, a short label and a Spanish sentence', () => {
		for (const stage of sut.STAGES) {
			for (const r of sut.requirementsFor(emptyCard(), stage)) {
				expect(r.key).not.toBe('');
				expect(r.short).not.toBe('');
				expect(r.message).toMatch(/^[A-ZÁÉÍÓÚÑ].+[.]$/);
			}
		}
	});

	it('property: cumulative; the keys a stage needs include those of every earlier stage', () => {
		fc.assert(
			fc.property(cardArb, settingsArb, openStageArb, openStageArb, (card, settings, a, b) => {
				const fresh = { ...card, stage: 'preinstalacion' as const };
				const [j, k] = sut.stageIndex(a) <= sut.stageIndex(b) ? [a, b] : [b, a];
				const needK = new Set(sut.requirementsFor(fresh, k, settings).map((r) => r.key));
				for (const r of sut.requirementsFor(fresh, j, settings)) expect(needK.has(r.key)).toBe(true);
			})
		);
	});

	it('property: backward moves along the flow never need anything', () => {
		fc.assert(
			fc.property(cardArb, settingsArb, openStageArb, openStageArb, (card, settings, a, b) => {
				fc.pre(sut.stageIndex(a) > sut.stageIndex(b));
				expect(sut.requirementsFor({ ...card, stage: a }, b, settings)).toEqual([]);
			})
		);
	});
});

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
		expect(sut.canEnter(card, 'agendada', 'coordinator')).toEqual({
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
		expect(r).toEqual({
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
		expect(sut.canEnter(card, 'cancelada', 'admin', { overrideReason: 'Lo cancelo yo' })).toEqual({
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
		expect(sut.missingForNext(completeCard({ stage: 'activa' }))).toEqual({ next: null, missing: [], badge: null });
		expect(sut.missingForNext(emptyCard('cancelada'))).toEqual({ next: null, missing: [], badge: null });
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
