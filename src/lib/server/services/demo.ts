/**
 * Demo data: a realistic Cancún provider (zones RB1–RB4, plans, staff and ~40 cards spread over
 * every column) loaded into an existing organization, so a fresh install can be shown and tried
 * at once. Used by `npm run seed:demo`, `npm run org:create -- --demo` and first-run setup.
 *
 * Everything is written in one transaction: a half-loaded demo would be worse than none.
 * The content is deterministic (seeded PRNG) apart from the dates, which follow "now", so the
 * board always looks alive: SLA ages vary, some installations are today.
 *
 * Known gaps, on purpose: the files table stays empty (no real INE or proof of address exists),
 * there are no signature/document rows behind `contract_signed_at`/`sheet_signed_at`, and the
 * `billing` snapshot is left null for the billing service to compute. Cards past
 * documentos_pendientes therefore show "faltan documentos" badges, as a real board would.
 */
import type { Database } from '../db';
import * as demo from '../db/demo';
import * as organizations from '../db/organizations';
import type { CancelReason, ContractType, Role, Stage } from '$lib/domain/stages';
import type { ServiceType } from '$lib/domain/geo';
import { hashPassword } from '../auth';
import { ServiceError } from './errors';
import { normalizeName, surname } from '$lib/domain/names';
import { POSITION_GAP } from '$lib/domain/positions';
import { addDays, todayIn } from '$lib/domain/dates';
import { recomputeBilling } from './billing';
import { getStorage, type Storage } from '../storage';
import { attachDemoDocuments } from './demo-files';

/**
 * The documented password of every demo login (technicians, coordinator, agent). Documented on
 * purpose so a demo works out of the box; an admin should change or deactivate these accounts
 * before the provider goes live.
 */
export const DEMO_PASSWORD = 'demo-tecnico-2026';

export interface DemoLogin {
	role: Role;
	name: string;
	email: string;
}

export interface DemoSeedResult {
	zones: number;
	plans: number;
	technicians: number;
	installations: number;
	/** Empty when nothing was loaded (the organization already had installations). */
	logins: DemoLogin[];
	password: string;
}

export interface SeedDemoOptions {
	/** The clock the dates are computed from; tests pin it. */
	now?: Date;
	/** Where the customers' demo documents go (the app's store unless a test gives its own). */
	storage?: Storage;
}

// ───────────────────────────── static content ─────────────────────────────

type ZoneKey = 'rb1' | 'rb2' | 'rb3' | 'rb4';
type PlanKey = 'basico' | 'intermedio' | 'alto' | 'triple' | 'telefonia' | 'television';
type StaffKey = 't1' | 't2' | 't3' | 't4' | 'coord' | 'agent';

/** [south, north] latitude and [west, east] longitude of an approximate rectangle. */
interface Box {
	lat: [number, number];
	lng: [number, number];
}

interface ZoneSpec {
	key: ZoneKey;
	name: string;
	routerName: string;
	routerHost: string;
	paymentDay: number;
	cutoffDay: number | null;
	graceDays: number | null;
	invoiceDay: number;
	cidr: string;
	gateway: string;
	areas: { name: string; serviceType: ServiceType; box: Box }[];
}

// Rectangles around real neighbourhoods; within a zone they never overlap, so a point's service
// type is unambiguous. Pools are private /24s with the gateway (.1) reserved.
const ZONES: ZoneSpec[] = [
	{
		key: 'rb1',
		name: 'RB1 ZONA CENTRO DÍA 5',
		routerName: 'RB1-CENTRO',
		routerHost: '10.255.0.1',
		paymentDay: 5,
		cutoffDay: 10,
		graceDays: null,
		invoiceDay: 1,
		cidr: '10.30.1.0/24',
		gateway: '10.30.1.1',
		areas: [
			{ name: 'Centro (SM 22 a SM 28)', serviceType: 'fibra', box: { lat: [21.152, 21.168], lng: [-86.835, -86.818] } },
			{ name: 'SM 64 y Región 94', serviceType: 'inalambrico', box: { lat: [21.168, 21.182], lng: [-86.858, -86.835] } }
		]
	},
	{
		key: 'rb2',
		name: 'RB2 ZONA NORTE DÍA 14',
		routerName: 'RB2-NORTE',
		routerHost: '10.255.0.2',
		paymentDay: 14,
		cutoffDay: null,
		graceDays: 5,
		invoiceDay: 10,
		cidr: '10.30.2.0/24',
		gateway: '10.30.2.1',
		areas: [
			{ name: 'Villas Otoch Paraíso', serviceType: 'inalambrico', box: { lat: [21.185, 21.2], lng: [-86.88, -86.855] } },
			{ name: 'Fracc. Paseos Kabah', serviceType: 'fibra', box: { lat: [21.17, 21.184], lng: [-86.88, -86.862] } }
		]
	},
	{
		key: 'rb3',
		name: 'RB3 ZONA SUR DÍA 28',
		routerName: 'RB3-SUR',
		routerHost: '10.255.0.3',
		paymentDay: 28,
		cutoffDay: 3,
		graceDays: null,
		invoiceDay: 24,
		cidr: '10.30.3.0/24',
		gateway: '10.30.3.1',
		areas: [
			{ name: 'Av. Huayacán y Residencial Cumbres', serviceType: 'fibra', box: { lat: [21.105, 21.124], lng: [-86.872, -86.85] } },
			{ name: 'Jardines del Sur', serviceType: 'inalambrico', box: { lat: [21.126, 21.14], lng: [-86.89, -86.866] } }
		]
	},
	{
		key: 'rb4',
		name: 'RB4 PUERTO MORELOS DÍA 20',
		routerName: 'RB4-PTO-MORELOS',
		routerHost: '10.255.0.4',
		paymentDay: 20,
		cutoffDay: null,
		graceDays: 3,
		invoiceDay: 16,
		cidr: '10.30.4.0/24',
		gateway: '10.30.4.1',
		areas: [
			{ name: 'Puerto Morelos Centro', serviceType: 'inalambrico', box: { lat: [20.84, 20.856], lng: [-86.88, -86.868] } },
			{ name: 'Col. Joaquín Zetina Gasca', serviceType: 'fibra', box: { lat: [20.852, 20.864], lng: [-86.905, -86.886] } }
		]
	}
];

interface PlanSpec {
	key: PlanKey;
	kind: 'internet' | 'telefonia' | 'television';
	name: string;
	speedMbps: number | null;
	priceCents: number;
	routerosProfile: string | null;
	usageTier: 'basico' | 'intermedio' | 'alto' | null;
	description: string;
}

const PLANS: PlanSpec[] = [
	{
		key: 'basico',
		kind: 'internet',
		name: 'Básico 60 Mbps',
		speedMbps: 60,
		priceCents: 35_000,
		routerosProfile: '60M',
		usageTier: 'basico',
		description: 'Navegación y redes sociales.'
	},
	{
		key: 'intermedio',
		kind: 'internet',
		name: 'Intermedio 120 Mbps',
		speedMbps: 120,
		priceCents: 45_000,
		routerosProfile: '120M',
		usageTier: 'intermedio',
		description: 'Videollamadas y Netflix.'
	},
	{
		key: 'alto',
		kind: 'internet',
		name: 'Alto rendimiento 300 Mbps',
		speedMbps: 300,
		priceCents: 65_000,
		routerosProfile: '300M',
		usageTier: 'alto',
		description: '4K y gaming.'
	},
	{
		key: 'triple',
		kind: 'internet',
		name: 'Triple Play 120 Mbps + TV + Telefonía',
		speedMbps: 120,
		priceCents: 79_900,
		routerosProfile: 'TP120M',
		usageTier: 'intermedio',
		description: 'Internet de 120 Mbps, televisión y línea telefónica.'
	},
	{
		key: 'telefonia',
		kind: 'telefonia',
		name: 'Renta telefónica 300 minutos',
		speedMbps: null,
		priceCents: 14_900,
		routerosProfile: null,
		usageTier: null,
		description: 'Línea fija con 300 minutos al mes.'
	},
	{
		key: 'television',
		kind: 'television',
		name: 'Paquete hasta 60 canales',
		speedMbps: null,
		priceCents: 19_900,
		routerosProfile: null,
		usageTier: null,
		description: 'Televisión CATV o IPTV, hasta 60 canales.'
	}
];

const PRODUCTS = [
	{ key: 'promo', name: 'Promoción 3 meses', kind: 'promocion', priceCents: 90_000, paymentType: 'mensualidades', installments: 3 },
	{ key: 'deposito', name: 'Depósito en garantía', kind: 'deposito', priceCents: 50_000, paymentType: 'unico', installments: 1 },
	{ key: 'onu', name: 'Módem ONU', kind: 'equipo', priceCents: 120_000, paymentType: 'unico', installments: 1 }
] as const;

interface StaffSpec {
	key: StaffKey;
	role: Role;
	name: string;
	/** Local part; the domain is chosen at seed time (emails are unique across providers). */
	local: string;
	color: string;
	dailyCapacity: number | null;
	zones: ZoneKey[];
}

const STAFF: StaffSpec[] = [
	{
		key: 't1',
		role: 'technician',
		name: 'Pedro Canché Dzib',
		local: 'tecnico1',
		color: '#2563eb',
		dailyCapacity: 4,
		zones: ['rb1', 'rb2']
	},
	{
		key: 't2',
		role: 'technician',
		name: 'Luis Enrique Chan May',
		local: 'tecnico2',
		color: '#059669',
		dailyCapacity: 4,
		zones: ['rb2', 'rb1']
	},
	{ key: 't3', role: 'technician', name: 'Marco Antonio Pech Euán', local: 'tecnico3', color: '#d97706', dailyCapacity: 4, zones: ['rb3'] },
	{ key: 't4', role: 'technician', name: 'Jesús Ek Tamay', local: 'tecnico4', color: '#dc2626', dailyCapacity: 4, zones: ['rb3', 'rb4'] },
	{
		key: 'coord',
		role: 'coordinator',
		name: 'Laura Méndez Ortega',
		local: 'coordinador',
		color: '#7c3aed',
		dailyCapacity: null,
		zones: []
	},
	{ key: 'agent', role: 'agent', name: 'Karen Sánchez Pool', local: 'agente', color: '#0891b2', dailyCapacity: null, zones: [] }
];

type PlaceKey = 'centro' | 'sm64' | 'region94' | 'otoch' | 'kabah' | 'huayacan' | 'cumbres' | 'jardines' | 'pmorelos' | 'zetina' | 'bonfil';

interface PlaceSpec {
	/** Null: outside every coverage area (the "sin cobertura" lead). */
	zone: ZoneKey | null;
	area: number;
	colonia: string;
	sm: string[] | null;
	streets: string[];
	/** Only for a place outside coverage. */
	box?: Box;
}

// Puerto Morelos was part of Benito Juárez until 2015 and the default city list (settings) only
// has Cancún and Benito Juárez; using it keeps those cards' addresses complete for the guard.
const PLACES: Record<PlaceKey, PlaceSpec> = {
	centro: {
		zone: 'rb1',
		area: 0,
		colonia: 'Centro',
		sm: ['22', '23', '24', '25', '28'],
		streets: ['Av. Tulum', 'Calle Margaritas', 'Calle Gladiolas', 'Av. Uxmal', 'Calle Claveles']
	},
	sm64: { zone: 'rb1', area: 1, colonia: 'SM 64', sm: ['64'], streets: ['Calle 10', 'Calle 16', 'Calle 22'] },
	region94: { zone: 'rb1', area: 1, colonia: 'Región 94', sm: null, streets: ['Calle 27', 'Calle 31', 'Calle 37'] },
	otoch: {
		zone: 'rb2',
		area: 0,
		colonia: 'Villas Otoch Paraíso',
		sm: ['259', '260'],
		streets: ['Calle Paraíso Maya', 'Calle Flamboyán', 'Calle Zacil-Ha']
	},
	kabah: {
		zone: 'rb2',
		area: 1,
		colonia: 'Fracc. Paseos Kabah',
		sm: ['248'],
		streets: ['Privada Ciricote', 'Privada Chechén', 'Privada Ramón']
	},
	huayacan: {
		zone: 'rb3',
		area: 0,
		colonia: 'Av. Huayacán',
		sm: ['313', '314'],
		streets: ['Calle Alcatraces', 'Calle Orquídeas', 'Calle Tulipanes']
	},
	cumbres: {
		zone: 'rb3',
		area: 0,
		colonia: 'Residencial Cumbres',
		sm: ['310'],
		streets: ['Av. Cumbres', 'Calle Cumbre Alta', 'Circuito Cumbres']
	},
	jardines: {
		zone: 'rb3',
		area: 1,
		colonia: 'Jardines del Sur',
		sm: ['50'],
		streets: ['Calle Almendros', 'Calle Framboyán', 'Calle Ceiba']
	},
	pmorelos: {
		zone: 'rb4',
		area: 0,
		colonia: 'Puerto Morelos Centro',
		sm: null,
		streets: ['Av. Javier Rojo Gómez', 'Calle Tulum', 'Av. Niños Héroes']
	},
	zetina: {
		zone: 'rb4',
		area: 1,
		colonia: 'Col. Joaquín Zetina Gasca',
		sm: null,
		streets: ['Calle Cedro', 'Calle Chechén', 'Av. Andrés Quintana Roo']
	},
	bonfil: {
		zone: null,
		area: 0,
		colonia: 'Alfredo V. Bonfil',
		sm: ['1'],
		streets: ['Calle Camarón', 'Av. Cancún'],
		box: { lat: [21.078, 21.09], lng: [-86.85, -86.835] }
	}
};

type LeadSource = 'ventas' | 'web' | 'cambaceo' | 'solicitud' | 'otro';

interface CardSpec {
	name: string;
	stage: Stage;
	place: PlaceKey;
	source: LeadSource;
	howHeard: string;
	/** Hours since the card entered its current stage: drives the SLA colours. */
	hours: number;
	plan?: PlanKey;
	contract?: ContractType;
	/** Installation date as days from today (agendada and asignada). */
	day?: number;
	cancel?: { reason: CancelReason; note: string; from: Stage };
	/** Same phone as another card (the duplicate lead). */
	phoneOf?: string;
	extras?: Partial<demo.DemoCard>;
	promo?: boolean;
	/** The job's technician when it must not depend on the day's load (which moves with the hour the demo is made). */
	technician?: StaffKey;
}

const OPEN_STAGES: readonly Stage[] = [
	'preinstalacion',
	'cobertura_confirmada',
	'documentos_pendientes',
	'agendada',
	'asignada',
	'firmada',
	'activa'
];

const CARDS: CardSpec[] = [
	// preinstalacion: only what sales or the web form captured
	{ name: 'José Luis Cocom Pech', stage: 'preinstalacion', place: 'region94', source: 'web', howHeard: 'Facebook', hours: 2 },
	{ name: 'Daniela Ortiz Peña', stage: 'preinstalacion', place: 'otoch', source: 'cambaceo', howHeard: 'Cambaceo', hours: 5 },
	{ name: 'Alondra Montiel Itzá', stage: 'preinstalacion', place: 'cumbres', source: 'web', howHeard: 'Página web', hours: 20 },
	{
		name: 'Emilio Sosa Puc',
		stage: 'preinstalacion',
		place: 'pmorelos',
		source: 'ventas',
		howHeard: 'Recomendación de un conocido',
		hours: 30
	},
	{ name: 'Silvia Orozco Koh', stage: 'preinstalacion', place: 'jardines', source: 'solicitud', howHeard: 'Volante', hours: 52 },
	{ name: 'Andrés Bautista Cupul', stage: 'preinstalacion', place: 'kabah', source: 'ventas', howHeard: 'Facebook', hours: 75 },

	// cobertura_confirmada
	{ name: 'María Fernanda López Ñeco', stage: 'cobertura_confirmada', place: 'centro', source: 'web', howHeard: 'Página web', hours: 3 },
	{ name: 'Luis Ángel Gómez Poot', stage: 'cobertura_confirmada', place: 'otoch', source: 'cambaceo', howHeard: 'Cambaceo', hours: 12 },
	{
		name: 'Fátima Aguilar Noh',
		stage: 'cobertura_confirmada',
		place: 'huayacan',
		source: 'ventas',
		howHeard: 'Recomendación de un conocido',
		hours: 26
	},
	{ name: 'Víctor Hugo Zapata Cab', stage: 'cobertura_confirmada', place: 'zetina', source: 'solicitud', howHeard: 'Volante', hours: 40 },
	{ name: 'Lucía Carrillo Xiu', stage: 'cobertura_confirmada', place: 'sm64', source: 'web', howHeard: 'Facebook', hours: 80 },

	// documentos_pendientes
	{
		name: 'Juan Carlos Hernández Chan',
		stage: 'documentos_pendientes',
		place: 'kabah',
		source: 'ventas',
		howHeard: 'Facebook',
		hours: 4,
		plan: 'intermedio',
		contract: '12_meses'
	},
	{
		name: 'Rosa María Pérez Uc',
		stage: 'documentos_pendientes',
		place: 'jardines',
		source: 'cambaceo',
		howHeard: 'Cambaceo',
		hours: 18,
		plan: 'basico',
		contract: 'indefinido'
	},
	{
		name: 'Karla Patricia Medina Dzul',
		stage: 'documentos_pendientes',
		place: 'centro',
		source: 'web',
		howHeard: 'Página web',
		hours: 36,
		plan: 'alto',
		contract: '12_meses',
		extras: {
			addrBuilding: 'Edificio Palmas',
			addrInt: '3B',
			rooftopAccess: true,
			rooftopKey: 'La llave de la azotea la tiene el administrador, Sr. Jiménez.'
		}
	},
	{
		name: 'Jorge Armando Domínguez Pool',
		stage: 'documentos_pendientes',
		place: 'cumbres',
		source: 'ventas',
		howHeard: 'Recomendación de un conocido',
		hours: 50,
		plan: 'triple',
		contract: '12_meses'
	},
	{
		name: 'Yesenia Salazar Ucán',
		stage: 'documentos_pendientes',
		place: 'region94',
		source: 'solicitud',
		howHeard: 'Volante',
		hours: 96,
		plan: 'basico',
		contract: 'indefinido'
	},
	{
		name: 'Sergio Iván Cetina Kantún',
		stage: 'documentos_pendientes',
		place: 'pmorelos',
		source: 'web',
		howHeard: 'Facebook',
		hours: 130,
		plan: 'intermedio',
		contract: 'indefinido'
	},

	// agendada
	{
		name: 'Guadalupe Martínez Canul',
		stage: 'agendada',
		place: 'otoch',
		source: 'cambaceo',
		howHeard: 'Cambaceo',
		hours: 6,
		plan: 'basico',
		contract: 'indefinido',
		day: 3,
		extras: { promotionFreeInstallation: true }
	},
	{
		name: 'Ana Sofía Ramírez Díaz',
		stage: 'agendada',
		place: 'centro',
		source: 'web',
		howHeard: 'Página web',
		hours: 20,
		plan: 'intermedio',
		contract: '12_meses',
		day: 0,
		promo: true,
		extras: {
			addrBuilding: 'Torre Nichupté',
			addrInt: '402',
			fiberCrossing: true,
			fiberCrossingNote: 'Cruce de fibra entre la torre A y la B: tiene costo extra y va anotado en la orden de trabajo.'
		}
	},
	{
		name: 'Miguel Ángel Torres Cauich',
		stage: 'agendada',
		place: 'huayacan',
		source: 'ventas',
		howHeard: 'Recomendación de un conocido',
		hours: 30,
		plan: 'alto',
		contract: '12_meses',
		day: 5
	},
	{
		name: 'Paola Jiménez Muñoz',
		stage: 'agendada',
		place: 'kabah',
		source: 'web',
		howHeard: 'Facebook',
		hours: 70,
		plan: 'intermedio',
		contract: 'indefinido',
		day: 7,
		extras: { comments: 'Prefiere que le llamen después de las 4 de la tarde.' }
	},
	{
		name: 'Héctor Manuel Ríos Moo',
		stage: 'agendada',
		place: 'pmorelos',
		source: 'solicitud',
		howHeard: 'Volante',
		hours: 90,
		plan: 'basico',
		contract: '12_meses',
		day: 10
	},
	{
		name: 'Diana Laura Peñaloza Can',
		stage: 'agendada',
		place: 'sm64',
		source: 'ventas',
		howHeard: 'Facebook',
		hours: 180,
		plan: 'triple',
		contract: '12_meses',
		day: 1
	},

	// asignada
	{
		name: 'Jesús Alberto Sánchez May',
		stage: 'asignada',
		place: 'sm64',
		source: 'ventas',
		howHeard: 'Recomendación de un conocido',
		hours: 2,
		plan: 'intermedio',
		contract: '12_meses',
		day: 0
	},
	{
		name: 'Verónica Castillo Ek',
		stage: 'asignada',
		place: 'jardines',
		source: 'cambaceo',
		howHeard: 'Cambaceo',
		hours: 8,
		plan: 'basico',
		contract: 'indefinido',
		day: 0,
		extras: { promotionFreeInstallation: true, comments: 'Hay un perro en el patio; llamar antes de llegar.' }
	},
	{
		name: 'Francisco Javier Ruiz Tun',
		stage: 'asignada',
		place: 'otoch',
		source: 'web',
		howHeard: 'Página web',
		hours: 15,
		plan: 'alto',
		contract: '12_meses',
		day: 1,
		promo: true
	},
	{
		name: 'Itzel Morales Yam',
		stage: 'asignada',
		place: 'cumbres',
		source: 'ventas',
		howHeard: 'Facebook',
		hours: 26,
		plan: 'triple',
		contract: '12_meses',
		day: 1
	},
	{
		name: 'Raúl Castañeda Chuc',
		stage: 'asignada',
		place: 'pmorelos',
		source: 'solicitud',
		howHeard: 'Volante',
		hours: 40,
		plan: 'intermedio',
		contract: 'indefinido',
		day: 2
	},
	{
		name: 'Adriana Mejía Tuz',
		stage: 'asignada',
		place: 'centro',
		source: 'web',
		howHeard: 'Página web',
		hours: 75,
		plan: 'intermedio',
		contract: '12_meses',
		day: 4
	},

	// firmada: installed and signed today or yesterday, waiting to be activated
	{
		name: 'Ricardo Núñez Balam',
		stage: 'firmada',
		place: 'kabah',
		source: 'ventas',
		howHeard: 'Recomendación de un conocido',
		hours: 1,
		plan: 'intermedio',
		contract: '12_meses',
		// Pedro (tecnico1) always has a signed job of today to finish, whatever the hour.
		technician: 't1'
	},
	{
		name: 'Mariana Gutiérrez Tzuc',
		stage: 'firmada',
		place: 'huayacan',
		source: 'web',
		howHeard: 'Facebook',
		hours: 5,
		plan: 'alto',
		contract: 'indefinido'
	},
	{
		name: 'Óscar Iván Herrera Couoh',
		stage: 'firmada',
		place: 'centro',
		source: 'cambaceo',
		howHeard: 'Cambaceo',
		hours: 20,
		plan: 'basico',
		contract: '12_meses'
	},
	{
		name: 'Claudia Estrada Catzín',
		stage: 'firmada',
		place: 'otoch',
		source: 'solicitud',
		howHeard: 'Volante',
		hours: 30,
		plan: 'intermedio',
		contract: 'indefinido'
	},

	// activa: live within the last two weeks
	{
		name: 'Brenda Yazmín Cruz Caamal',
		stage: 'activa',
		place: 'region94',
		source: 'web',
		howHeard: 'Página web',
		hours: 10,
		plan: 'intermedio',
		contract: '12_meses',
		promo: true
	},
	{
		name: 'Eduardo Flores Chi',
		stage: 'activa',
		place: 'jardines',
		source: 'ventas',
		howHeard: 'Recomendación de un conocido',
		hours: 50,
		plan: 'basico',
		contract: 'indefinido'
	},
	{
		name: 'Carlos Eduardo Reyes Cen',
		stage: 'activa',
		place: 'cumbres',
		source: 'web',
		howHeard: 'Facebook',
		hours: 120,
		plan: 'alto',
		contract: '12_meses'
	},
	{
		name: 'Gabriela de la Cruz Pat',
		stage: 'activa',
		place: 'zetina',
		source: 'cambaceo',
		howHeard: 'Cambaceo',
		hours: 200,
		plan: 'intermedio',
		contract: '12_meses'
	},
	{
		name: 'Manuel Antonio Rosado Chablé',
		stage: 'activa',
		place: 'kabah',
		source: 'ventas',
		howHeard: 'Facebook',
		hours: 310,
		plan: 'triple',
		contract: '12_meses'
	},

	// cancelada, each from the stage where it was lost
	{
		name: 'Alejandro Vázquez Kú',
		stage: 'cancelada',
		place: 'bonfil',
		source: 'web',
		howHeard: 'Facebook',
		hours: 100,
		cancel: {
			reason: 'sin_cobertura',
			from: 'preinstalacion',
			note: 'La ubicación en Alfredo V. Bonfil queda fuera de las zonas con cobertura.'
		}
	},
	{
		name: 'Leticia Ibáñez Cimé',
		stage: 'cancelada',
		place: 'jardines',
		source: 'ventas',
		howHeard: 'Volante',
		hours: 60,
		plan: 'basico',
		contract: 'indefinido',
		cancel: { reason: 'declino', from: 'documentos_pendientes', note: 'Decidió quedarse con su proveedor actual por el precio.' }
	},
	{
		name: 'Fernando Acosta Ku',
		stage: 'cancelada',
		place: 'otoch',
		source: 'cambaceo',
		howHeard: 'Cambaceo',
		hours: 150,
		cancel: { reason: 'no_localizable', from: 'cobertura_confirmada', note: 'Tres llamadas sin respuesta y el WhatsApp sin contestar.' }
	},
	{
		name: 'Jose Luis Cocom',
		stage: 'cancelada',
		place: 'region94',
		source: 'solicitud',
		howHeard: 'Facebook',
		hours: 24,
		phoneOf: 'José Luis Cocom Pech',
		cancel: { reason: 'duplicado', from: 'preinstalacion', note: 'Duplicado de la solicitud de José Luis Cocom Pech (mismo teléfono).' }
	}
];

const INSTALLATION_TIMES = ['09:00–11:00', '11:00–13:00', '13:00–15:00', '15:00–17:00', 'mañana', 'tarde'];
const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org'];
const WIRELESS_RADIOS = ['Ubiquiti LiteBeam 5AC Gen2', 'MikroTik SXTsq 5 ac', 'Ubiquiti NanoStation M5'];
const FIBER_ONUS = ['Huawei HG8145V5', 'ZTE F670L'];
const HOUR = 3_600_000;

// ───────────────────────────── small local helpers ─────────────────────────────

/** mulberry32: a tiny seeded PRNG, so every demo has the same people, phones and places. */
function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

function stripAccents(s: string): string {
	return s.normalize('NFD').replace(/\p{M}/gu, '');
}

/** Process 4 step 5: surname, lower-case, no accents or spaces, + the organization's suffix. */
function wifiPasswordFor(fullName: string, suffix: string): string {
	const base = stripAccents(surname(fullName) || fullName)
		.toLowerCase()
		.replace(/[^a-z0-9]/g, '');
	return `${base}${suffix}`;
}

function ipv4ToInt(ip: string): number {
	return ip.split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0);
}

function intToIpv4(n: number): string {
	return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

/** Host addresses of an IPv4 CIDR (network and broadcast excluded), minus the reserved ones. */
function usableHosts(cidr: string, reserved: readonly string[]): string[] {
	const [base, bits] = cidr.split('/');
	const size = 2 ** (32 - Number(bits));
	const network = ipv4ToInt(base) - (ipv4ToInt(base) % size);
	const skip = new Set(reserved);
	const out: string[] = [];
	for (let i = 1; i < size - 1; i++) {
		const ip = intToIpv4(network + i);
		if (!skip.has(ip)) out.push(ip);
	}
	return out;
}

/** A GeoJSON Polygon for a box: [lng, lat] pairs, closed, counter-clockwise (RFC 7946). */
function boxPolygon(box: Box): Record<string, unknown> {
	const [south, north] = box.lat;
	const [west, east] = box.lng;
	return {
		type: 'Polygon',
		coordinates: [
			[
				[west, south],
				[east, south],
				[east, north],
				[west, north],
				[west, south]
			]
		]
	};
}

const round = (n: number, digits: number) => Number(n.toFixed(digits));

function emailLocal(fullName: string): string {
	const words = stripAccents(fullName)
		.toLowerCase()
		.replace(/[^a-z\s]/g, '')
		.split(/\s+/)
		.filter(Boolean);
	const sur = stripAccents(surname(fullName))
		.toLowerCase()
		.replace(/[^a-z]/g, '');
	return `${words[0]}.${sur || words[words.length - 1]}`;
}

// ───────────────────────────── the seed ─────────────────────────────

const EMPTY = (): DemoSeedResult => ({
	zones: 0,
	plans: 0,
	technicians: 0,
	installations: 0,
	logins: [],
	password: DEMO_PASSWORD
});

/**
 * Loads the demo provider into `orgId`. Does nothing (and returns zeros) when the organization
 * already has installations, so running it twice is harmless.
 */
export async function seedDemo(db: Database, orgId: string, opts: SeedDemoOptions = {}): Promise<DemoSeedResult> {
	const now = opts.now ?? new Date();
	// Cheap check first: argon2 hashing is the slow part and is pointless when we'll skip.
	if ((await demo.installationCount(db, orgId)) > 0) return EMPTY();
	const hashes = new Map<StaffKey, string>();
	for (const s of STAFF) hashes.set(s.key, await hashPassword(DEMO_PASSWORD));

	const storage = opts.storage ?? getStorage();
	// Document bytes written before a failed transaction are removed again: no orphans in the store.
	const written: string[] = [];
	try {
		return await seedInTransaction(db, orgId, now, hashes, storage, written);
	} catch (err) {
		await storage.remove(written).catch(() => {});
		throw err;
	}
}

async function seedInTransaction(
	db: Database,
	orgId: string,
	now: Date,
	hashes: Map<StaffKey, string>,
	storage: Storage,
	written: string[]
): Promise<DemoSeedResult> {
	return db.orm.transaction(async (tx) => {
		// Locking the organization row serialises two concurrent seeds of the same provider, so
		// the second one sees the first one's cards and skips instead of colliding.
		const org = await organizations.lock(tx, orgId);
		if (!org) throw new ServiceError(404, 'No existe ese proveedor. Créalo primero con npm run org:create o en /setup.');
		if ((await demo.installationCount(tx, orgId)) > 0) return EMPTY();

		const taken = await demo.takenZoneNames(
			tx,
			orgId,
			ZONES.map((z) => z.name)
		);
		const takenPools = await demo.overlappingPools(
			tx,
			orgId,
			ZONES.map((z) => z.cidr)
		);
		if (taken.length || takenPools.length) {
			const what = taken.length ? `la zona «${taken[0]}»` : `el segmento ${takenPools[0]}`;
			throw new ServiceError(
				409,
				`El proveedor ya tiene ${what}. Los datos de demostración solo se cargan en un proveedor sin esas zonas ni segmentos.`
			);
		}

		const settings = (org.settings ?? {}) as Record<string, unknown>;
		const wifiSuffix = typeof settings.wifiSuffix === 'string' ? settings.wifiSuffix : '2024MB';
		const installationCost = typeof settings.installationCostCents === 'number' ? settings.installationCostCents : 120_000;
		const sipServer = typeof settings.sipServer === 'string' ? settings.sipServer : 'sip.proveedor.mx';
		const timeZone = org.timeZone || 'America/Cancun';
		const today = todayIn(timeZone, now);
		const rand = prng(20_261_121);
		const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
		const between = (lo: number, hi: number) => lo + rand() * (hi - lo);

		// ── zones, pools, coverage ──
		const zoneRows = await demo.insertZones(
			tx,
			ZONES.map((z) => ({
				orgId,
				name: z.name,
				routerName: z.routerName,
				routerHost: z.routerHost,
				paymentDay: z.paymentDay,
				cutoffDay: z.cutoffDay,
				graceDays: z.graceDays,
				invoiceDay: z.invoiceDay,
				billingMode: 'prepago' as const
			}))
		);
		const zoneId = new Map<ZoneKey, string>(ZONES.map((z) => [z.key, zoneRows.find((r) => r.name === z.name)!.id]));
		await demo.insertPools(
			tx,
			ZONES.map((z) => ({ orgId, zoneId: zoneId.get(z.key)!, cidr: z.cidr, reserved: [z.gateway] }))
		);
		await demo.insertAreas(
			tx,
			ZONES.flatMap((z) =>
				z.areas.map((a) => ({ orgId, zoneId: zoneId.get(z.key)!, name: a.name, serviceType: a.serviceType, geojson: boxPolygon(a.box) }))
			)
		);
		const freeIps = new Map<ZoneKey, string[]>(ZONES.map((z) => [z.key, usableHosts(z.cidr, [z.gateway])]));

		// ── catalog ──
		const planRows = await demo.insertPlans(
			tx,
			PLANS.map((p, i) => ({
				orgId,
				kind: p.kind,
				name: p.name,
				speedMbps: p.speedMbps,
				priceCents: p.priceCents,
				routerosProfile: p.routerosProfile,
				usageTier: p.usageTier,
				description: p.description,
				sortOrder: i
			}))
		);
		const planId = new Map<PlanKey, string>(PLANS.map((p) => [p.key, planRows.find((r) => r.name === p.name)!.id]));
		const productRows = await demo.insertProducts(
			tx,
			PRODUCTS.map(({ key: _key, ...p }) => ({ orgId, ...p }))
		);
		const product = (key: (typeof PRODUCTS)[number]['key']) => {
			const spec = PRODUCTS.find((p) => p.key === key)!;
			return { spec, id: productRows.find((r) => r.name === spec.name)!.id };
		};

		// ── staff ──
		// Login is by email alone, so emails are unique across providers: the short demo domain
		// goes to the first provider that loads the demo, later ones get their slug in it.
		const plainEmails = STAFF.map((s) => `${s.local}@demo.invalid`);
		const clash = (await demo.emailsInUse(tx, plainEmails)) > 0;
		let domain = clash ? `${org.slug}.demo.invalid` : 'demo.invalid';
		if (
			clash &&
			(await demo.emailsInUse(
				tx,
				STAFF.map((s) => `${s.local}@${domain}`)
			)) > 0
		) {
			domain = `${org.slug}-${Date.now().toString(36)}.demo.invalid`;
		}
		const userRows = await demo.insertUsers(
			tx,
			STAFF.map((s) => ({
				orgId,
				email: `${s.local}@${domain}`,
				name: s.name,
				role: s.role,
				passwordHash: hashes.get(s.key)!,
				color: s.color,
				dailyCapacity: s.dailyCapacity
			}))
		);
		const userId = new Map<StaffKey, string>(STAFF.map((s) => [s.key, userRows.find((r) => r.email === `${s.local}@${domain}`)!.id]));
		const technicians = STAFF.filter((s) => s.role === 'technician');
		await demo.insertZoneTechnicians(
			tx,
			technicians.flatMap((t) => t.zones.map((z) => ({ orgId, zoneId: zoneId.get(z)!, userId: userId.get(t.key)! })))
		);

		// ── cards ──
		const usedPhones = new Set<string>();
		const newPhone = () => {
			for (;;) {
				const phone = `998${String(Math.floor(rand() * 9_000_000) + 1_000_000)}`;
				if (!usedPhones.has(phone)) {
					usedPhones.add(phone);
					return phone;
				}
			}
		};
		const phoneByName = new Map<string, string>();
		const jobsPerTechDay = new Map<string, number>();
		const cards: { spec: CardSpec; row: demo.DemoCard; zone: ZoneKey | null; historyBy: StaffKey; fromStage: Stage | null }[] = [];
		const sequence = new Map<ZoneKey, number>();

		for (const spec of CARDS) {
			const fullName = normalizeName(spec.name);
			const place = PLACES[spec.place];
			// How far along the pipeline the card got (for a cancelled card, where it was lost).
			const reached = OPEN_STAGES.indexOf(spec.cancel?.from ?? spec.stage);
			const stageChangedAt = new Date(now.getTime() - spec.hours * HOUR - Math.floor(rand() * 50) * 60_000);
			// Walk back from the current stage: each earlier stage was entered some hours before.
			const entered: Date[] = [];
			const lastReached = spec.cancel ? reached + 1 : reached;
			entered[lastReached] = stageChangedAt;
			for (let i = lastReached - 1; i >= 0; i--) entered[i] = new Date(entered[i + 1].getTime() - between(3, 40) * HOUR);
			const createdAt = entered[0];

			const phone = spec.phoneOf ? phoneByName.get(normalizeName(spec.phoneOf))! : newPhone();
			phoneByName.set(fullName, phone);
			const email = `${emailLocal(fullName)}${Math.floor(rand() * 90) + 10}@${pick(EMAIL_DOMAINS)}`;

			const row: demo.DemoCard = {
				orgId,
				stage: spec.stage,
				position: 0,
				stageChangedAt,
				registeredOn: todayIn(timeZone, createdAt),
				fullName,
				phone,
				// Web forms ask for an email; other leads give it later, at the latest when scheduling.
				email: spec.source === 'web' || reached >= 3 ? email : null,
				source: spec.source,
				howHeard: spec.howHeard,
				addrColonia: place.colonia,
				addrCity: place.zone === 'rb4' ? 'Benito Juárez' : 'Cancún',
				createdAt,
				createdBy: spec.source === 'web' || spec.source === 'solicitud' ? null : userId.get('agent')!,
				...(spec.cancel ? { cancelReason: spec.cancel.reason, cancelNote: spec.cancel.note, cancelledAt: stageChangedAt } : {})
			};

			// Coordinates: inside the zone's area; for the "sin cobertura" lead, where the customer is.
			const box = place.zone ? ZONES.find((z) => z.key === place.zone)!.areas[place.area].box : place.box!;
			const lat = round(between(box.lat[0] + 0.001, box.lat[1] - 0.001), 5);
			const lng = round(between(box.lng[0] + 0.001, box.lng[1] - 0.001), 5);
			if (reached >= 1 || spec.cancel?.reason === 'sin_cobertura') {
				Object.assign(row, {
					addrSm: place.sm ? pick(place.sm) : null,
					addrMz: String(Math.floor(rand() * 60) + 1),
					addrLt: String(Math.floor(rand() * 40) + 1),
					addrExt: rand() < 0.6 ? String(Math.floor(rand() * 300) + 1) : null,
					addrStreet: pick(place.streets),
					lat,
					lng,
					coordinatesRaw: rand() < 0.5 ? `${lat}, ${lng}` : `https://maps.google.com/?q=${lat},${lng}`
				});
			}
			const zone = reached >= 1 ? place.zone : null;
			const zoneSpec = zone ? ZONES.find((z) => z.key === zone)! : null;
			if (zoneSpec) {
				Object.assign(row, {
					zoneId: zoneId.get(zoneSpec.key)!,
					serviceType: zoneSpec.areas[place.area].serviceType,
					coverageConfirmedAt: entered[1],
					coverageConfirmedBy: userId.get('agent')!
				});
			}
			if (reached >= 2 && spec.plan && spec.contract) {
				Object.assign(row, {
					planId: planId.get(spec.plan)!,
					contractType: spec.contract,
					customerAcceptedAt: entered[2],
					accepted12mAt: spec.contract === '12_meses' ? new Date(entered[2].getTime() + 5 * 60_000) : null
				});
			}

			// Installation date: agreed ahead for agendada/asignada; the signing day afterwards.
			let installationDate: string | null = null;
			if (reached >= 5) installationDate = todayIn(timeZone, entered[5]);
			else if (reached >= 3) installationDate = addDays(today, spec.day ?? 0);
			if (reached >= 3) {
				Object.assign(row, {
					email,
					phoneAlt: newPhone(),
					houseOwnership: rand() < 0.65 ? 'propia' : 'rentada',
					modemNearOutlet: true,
					installationDate,
					installationTime: pick(INSTALLATION_TIMES),
					installationCostCents: installationCost
				});
			}

			let technician: StaffKey | null = null;
			if (reached >= 4 && zoneSpec && installationDate) {
				// The zone's technician with the fewest jobs that day, within the daily capacity.
				const candidates = technicians.filter((t) => t.zones.includes(zoneSpec.key));
				const load = (t: StaffSpec) => jobsPerTechDay.get(`${t.key}|${installationDate}`) ?? 0;
				const pinned = candidates.find((t) => t.key === spec.technician);
				const chosen =
					pinned ?? candidates.filter((t) => load(t) < (t.dailyCapacity ?? 4)).sort((a, b) => load(a) - load(b))[0] ?? candidates[0];
				technician = chosen.key;
				jobsPerTechDay.set(`${chosen.key}|${installationDate}`, load(chosen) + 1);
				const n = (sequence.get(zoneSpec.key) ?? 0) + 1;
				sequence.set(zoneSpec.key, n);
				Object.assign(row, {
					technicianId: userId.get(chosen.key)!,
					routeOrder: load(chosen),
					pppoeUser: phone,
					pppoePassword: `${phone}M`,
					wifiPassword: wifiPasswordFor(fullName, wifiSuffix),
					ip: freeIps.get(zoneSpec.key)!.shift()!,
					externalId: `${zoneSpec.routerName}-${String(n).padStart(4, '0')}`
				});
			}
			if (reached >= 5) {
				Object.assign(row, { sheetSignedAt: entered[5], contractSignedAt: new Date(entered[5].getTime() - 10 * 60_000) });
			}
			if (reached >= 6 && zoneSpec && technician) {
				const fibre = row.serviceType === 'fibra';
				const mac = [
					'DC',
					'2C',
					'6E',
					...Array.from({ length: 3 }, () =>
						Math.floor(rand() * 256)
							.toString(16)
							.padStart(2, '0')
							.toUpperCase()
					)
				];
				Object.assign(row, {
					completedAt: entered[6],
					completedBy: userId.get(technician)!,
					cpeMac: mac.join(':'),
					routerModel: fibre ? pick(FIBER_ONUS) : pick(WIRELESS_RADIOS),
					onuSerial: fibre
						? `HWTC${Math.floor(rand() * 0xffffffff)
								.toString(16)
								.toUpperCase()
								.padStart(8, '0')}`
						: null,
					signalNotes: fibre
						? `Potencia óptica -${(18 + rand() * 6).toFixed(1)} dBm`
						: `Señal -${Math.floor(between(52, 64))} dBm, CCQ ${Math.floor(between(85, 99))} %`
				});
			}
			if (spec.extras) Object.assign(row, spec.extras);

			const stageIndex = OPEN_STAGES.indexOf(spec.stage);
			cards.push({
				spec,
				row,
				zone,
				historyBy: reached >= 5 && technician ? technician : reached >= 3 ? 'coord' : 'agent',
				fromStage: spec.cancel ? spec.cancel.from : stageIndex > 0 ? OPEN_STAGES[stageIndex - 1] : null
			});
		}

		// Column order: the next installation first, then the longest waiting.
		const byStage = new Map<Stage, typeof cards>();
		for (const c of cards) byStage.set(c.row.stage!, [...(byStage.get(c.row.stage!) ?? []), c]);
		for (const column of byStage.values()) {
			column
				.sort(
					(a, b) =>
						(a.row.installationDate ?? '9999').localeCompare(b.row.installationDate ?? '9999') ||
						a.row.stageChangedAt!.getTime() - b.row.stageChangedAt!.getTime()
				)
				.forEach((c, i) => (c.row.position = (i + 1) * POSITION_GAP));
		}

		// Inserted oldest first, so folios follow the registration order.
		cards.sort((a, b) => a.row.createdAt!.getTime() - b.row.createdAt!.getTime());
		const inserted = await demo.insertCards(
			tx,
			cards.map((c) => c.row)
		);
		const cardId = new Map(inserted.map((r) => [r.fullName, r.id]));
		const idOf = (c: (typeof cards)[number]) => cardId.get(c.row.fullName)!;

		await demo.insertStageHistory(
			tx,
			cards.map((c) => ({
				orgId,
				installationId: idOf(c),
				fromStage: c.fromStage,
				toStage: c.row.stage!,
				userId: userId.get(c.historyBy)!,
				createdAt: c.row.stageChangedAt!
			}))
		);

		const withIp = cards.filter((c) => c.row.ip && c.zone);
		if (withIp.length) {
			await demo.insertIpAllocations(
				tx,
				withIp.map((c) => ({
					orgId,
					zoneId: zoneId.get(c.zone!)!,
					installationId: idOf(c),
					ip: c.row.ip!,
					createdAt: c.row.stageChangedAt!
				}))
			);
		}

		// Triple play carries telephony and TV (process 4, steps 6–7) once the connection exists.
		const tripleCards = withIp.filter((c) => c.spec.plan === 'triple');
		if (tripleCards.length) {
			await demo.insertAddons(
				tx,
				tripleCards.flatMap((c) => {
					const router = ZONES.find((z) => z.key === c.zone)!.routerName;
					const common = {
						orgId,
						installationId: idOf(c),
						ip: c.row.ip!,
						externalId: c.row.externalId ?? null,
						username: c.row.phone ?? null,
						password: c.row.pppoePassword ?? null,
						cutService: true,
						router
					};
					return [
						{ ...common, kind: 'telefonia' as const, planId: planId.get('telefonia')!, phoneNumber: '0000000000', sipServer },
						{ ...common, kind: 'television' as const, planId: planId.get('television')!, tvType: 'IPTV' as const, phoneNumber: null }
					];
				})
			);
		}

		// Products: the guarantee deposit of 12-month contracts and the 3-month promotion.
		const deposit = product('deposito');
		const promo = product('promo');
		const attached = cards.flatMap((c) => {
			const start = c.row.installationDate ?? null;
			const out = [];
			if (c.row.contractType === '12_meses' && c.row.installationDate) {
				out.push({
					orgId,
					installationId: idOf(c),
					productId: deposit.id,
					paymentType: deposit.spec.paymentType,
					installments: deposit.spec.installments,
					priceCents: deposit.spec.priceCents,
					startDate: start
				});
			}
			if (c.spec.promo) {
				out.push({
					orgId,
					installationId: idOf(c),
					productId: promo.id,
					paymentType: promo.spec.paymentType,
					installments: promo.spec.installments,
					priceCents: promo.spec.priceCents,
					startDate: start
				});
			}
			return out;
		});
		if (attached.length) await demo.insertInstallationProducts(tx, attached);
		// Documents came in while the card was in «Documentos pendientes»: every card that got past it has them.
		await attachDemoDocuments(
			tx,
			storage,
			orgId,
			userId.get('agent')!,
			cards
				.filter((c) => OPEN_STAGES.indexOf(c.spec.cancel?.from ?? c.spec.stage) >= 3)
				.map((c) => ({ installationId: idOf(c), fullName: c.row.fullName!, contractType: c.row.contractType })),
			written
		);
		// Billing dates for every card with a zone and a date, as the scheduling screens would leave them.
		for (const c of cards) if (c.row.zoneId && c.row.installationDate) await recomputeBilling(tx, orgId, idOf(c));

		return {
			zones: ZONES.length,
			plans: PLANS.length,
			technicians: technicians.length,
			installations: cards.length,
			logins: STAFF.map((s) => ({ role: s.role, name: s.name, email: `${s.local}@${domain}` })),
			password: DEMO_PASSWORD
		};
	});
}
