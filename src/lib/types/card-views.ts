// What the card panel's sections fetch from /api/instalaciones/[id]/…: the services declare these as
// their return types, so the endpoints answer with exactly these shapes and the sections render them.
import type { BillingDates } from '$lib/domain/billing-dates';
import type { Coded } from '$lib/domain/coded';
import type { FirstCharge, Installment, REFUND_CONDITIONS } from '$lib/domain/billing';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The first charge as computed when the card last changed what it depends on. */
export interface BillingSnapshot {
	computedAt: string;
	zoneName: string;
	planName: string;
	monthlyPriceCents: number;
	dates: BillingDates;
	charge: FirstCharge;
}

/** A product attached to the installation, with its instalment plan when paid monthly. */
export interface ProductLine {
	id: string;
	name: string;
	kind: string;
	paymentType: 'unico' | 'mensualidades';
	installments: number;
	priceCents: number;
	startDate: string | null;
	schedule: Installment[];
}

/** GET …/cobros: the live breakdown, what is missing to compute it, and the attached products. */
export interface BillingView {
	missing: string[];
	/** `missing` as codes, for the screen. */
	saidMissing: Coded[];
	snapshot: BillingSnapshot | null;
	storedAt: string | null;
	products: ProductLine[];
	refundConditions: Mutable<(typeof REFUND_CONDITIONS)[number]>[];
	zoneName: string | null;
	registeredOn: string;
	installationDate: string | null;
}

/** GET …/conexion: the card's network data, suggested credentials, internet plans and free IPs. */
export interface ConnectionView {
	card: {
		id: string;
		folio: number;
		fullName: string;
		phone: string | null;
		stage: string;
		zoneId: string | null;
		zoneName: string | null;
		routerName: string | null;
		planId: string | null;
		pppoeUser: string | null;
		pppoePassword: string | null;
		wifiPassword: string | null;
		wifiName: string | null;
		externalId: string | null;
		ip: string | null;
		version: number;
	};
	defaults: { pppoeUser: string | null; pppoePassword: string | null; wifiPassword: string | null; externalId: string };
	plans: { id: string; name: string; priceCents: number; speedMbps: number | null }[];
	ip: { current: string | null; next: string | null; free: string[] };
	canEdit: boolean;
}

/** One technician's day, for the assignment picker. */
export interface TechnicianDay {
	id: string;
	name: string;
	color: string | null;
	capacity: number;
	servesZone: boolean;
	jobs: { id: string; folio: number; fullName: string; installationTime: string | null; colonia: string | null; stage: string }[];
}

/** GET …/asignacion: every active technician with their jobs on the card's (or the asked) date. */
export interface AssignmentOptions {
	date: string | null;
	technicianId: string | null;
	technicians: TechnicianDay[];
}

/** An add-on as the services section lists it. */
export interface AddonView {
	id: string;
	kind: string;
	planId: string | null;
	planName: string | null;
	pendingNumber: boolean;
	cutService: boolean;
	ip: string | null;
	externalId: string | null;
	username: string | null;
	password: string | null;
	phoneNumber: string | null;
	numberAssignedAt: string | null;
	sipServer: string | null;
	onuSerial: string | null;
	tvType: string | null;
	router: string | null;
}

/** GET …/servicios: add-ons, products with their schedules, and the pickers. */
export interface ServicesView {
	addons: AddonView[];
	products: ProductLine[];
	productOptions: { id: string; name: string; kind: string; priceCents: number; paymentType: string; installments: number }[];
	plans: { id: string; kind: string; name: string; priceCents: number }[];
	canEdit: boolean;
}
