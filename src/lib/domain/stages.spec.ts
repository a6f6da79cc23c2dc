import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as sut from './stages';
import type { GuardCard, GuardSettings, Stage } from './stages';
import { completeCard, emptyCard, openStageArb, settingsArb, cardArb } from './stages-fixtures.spec-helpers';

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
