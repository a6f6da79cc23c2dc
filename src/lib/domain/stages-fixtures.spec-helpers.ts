// Cards, settings and arbitraries shared by the stage specs (stages.spec.ts, stages-guard.spec.ts).
import fc from 'fast-check';
import * as sut from './stages';
import type { GuardCard, GuardSettings, Stage } from './stages';

export const ALL_FILES = ['ine_frontal', 'ine_atras', 'comprobante_domicilio', 'confirmacion_12_meses'];
export const EQUIPMENT_FIELDS = ['cpeMac', 'onuSerial', 'routerModel', 'dni'];

/** A card that meets every requirement of every stage under any settings. */
export function completeCard(overrides: Partial<GuardCard> = {}): GuardCard {
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
export const emptyCard = (stage: Stage = 'preinstalacion'): GuardCard => ({ id: 'empty', stage });

export const stageArb = fc.constantFrom(...sut.STAGES);
export const openStageArb = fc.constantFrom(...sut.OPEN_STAGES);
export const roleArb = fc.constantFrom(...sut.ROLES);
export const settingsArb: fc.Arbitrary<GuardSettings> = fc.record({
	contractRequiredFor: fc.subarray([...sut.CONTRACT_TYPES]),
	requiredEquipmentFields: fc.subarray(EQUIPMENT_FIELDS),
	cancelReasons: fc.constant(sut.DEFAULT_GUARD_SETTINGS.cancelReasons)
});
export const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 3 });
/** Any mix of present, missing and malformed fields. */
export const cardArb: fc.Arbitrary<GuardCard> = fc
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
export const userArb = fc.constantFrom('tech-1', 'tech-2', undefined);
export const overrideArb = fc.constantFrom(null, '', 'ok', '  abc  ', 'El cliente ya pagó en efectivo');
