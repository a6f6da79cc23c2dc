/**
 * Drizzle mirror of `supabase/migrations/20261121000000_initial_schema.sql`, used only to type
 * queries. The SQL file is the source of truth: change it first, then this file to match.
 * Check, unique and index names match the ones in PostgreSQL, so a driver error's constraint
 * name can be looked up here; foreign keys are declared inline and are named
 * `<table>_<column>_fkey` in PostgreSQL. Triggers, functions and RLS live only in SQL.
 */
import { sql, type SQLWrapper } from 'drizzle-orm';
import { ROLES, STAGES } from '../../domain/stage-registry';
import { ADDON_KIND_KEYS, PLAN_KINDS } from '../../domain/addon-kinds';
import {
	bigint,
	bigserial,
	boolean,
	check,
	cidr,
	date,
	doublePrecision,
	index,
	inet,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	unique,
	uniqueIndex,
	uuid,
	type AnyPgColumn
} from 'drizzle-orm/pg-core';

// ───────────────────────────── enumerations (CHECK constraints in SQL) ─────────────────────────────

export const roles = ROLES;
export const stages = STAGES;
export const billingModes = ['prepago', 'pospago'] as const;
export const serviceTypes = ['inalambrico', 'fibra'] as const;
export const planKinds = PLAN_KINDS;
export const usageTiers = ['basico', 'intermedio', 'alto'] as const;
export const productKinds = ['promocion', 'deposito', 'equipo', 'otro'] as const;
export const paymentTypes = ['unico', 'mensualidades'] as const;
export const leadSources = ['ventas', 'web', 'cambaceo', 'solicitud', 'otro'] as const;
export const houseOwnerships = ['propia', 'rentada'] as const;
export const contractTypes = ['12_meses', 'indefinido'] as const;
export const cancelReasons = ['sin_cobertura', 'declino', 'no_localizable', 'duplicado', 'otro'] as const;
export const cardHistoryKinds = ['field', 'stage', 'file', 'signature', 'checklist', 'document', 'service'] as const;
export const fileCategories = [
	'ine_frontal',
	'ine_atras',
	'comprobante_domicilio',
	'confirmacion_12_meses',
	'otro',
	'foto_instalacion',
	'contrato_pdf',
	'hoja_instalacion_pdf'
] as const;
export const documentKinds = ['contrato', 'hoja_instalacion'] as const;
export const documentStatuses = ['borrador', 'firmado'] as const;
export const signatureMethods = ['en_persona', 'link', 'telefono_tecnico'] as const;
export const addonKinds = ADDON_KIND_KEYS;
export const tvTypes = ['CATV', 'IPTV'] as const;
/** Not a CHECK in SQL (new kinds must not need a migration); the ones the triggers write. */
export const boardEventKinds = ['card:created', 'card:updated', 'card:moved', 'card:deleted'] as const;

export type Role = (typeof roles)[number];
export type Stage = (typeof stages)[number];
export type ServiceType = (typeof serviceTypes)[number];
export type ContractType = (typeof contractTypes)[number];
export type CancelReason = (typeof cancelReasons)[number];
export type FileCategory = (typeof fileCategories)[number];
export type DocumentKind = (typeof documentKinds)[number];
export type BoardEventKind = (typeof boardEventKinds)[number];

type Json = Record<string, unknown>;

// ───────────────────────────── column helpers ─────────────────────────────

const timestamptz = <TName extends string>(name: TName) => timestamp(name, { withTimezone: true, mode: 'date' });
const createdAt = () => timestamptz('created_at').notNull().defaultNow();
const updatedAt = () => timestamptz('updated_at').notNull().defaultNow();
const id = () => uuid('id').primaryKey().defaultRandom();
const orgId = () =>
	uuid('org_id')
		.notNull()
		.references(() => organizations.id, { onDelete: 'cascade' });
const userRef = <TName extends string>(name: TName) => uuid(name).references(() => users.id, { onDelete: 'set null' });
const installationRef = () =>
	uuid('installation_id')
		.notNull()
		.references(() => installations.id, { onDelete: 'cascade' });

/** `column in ('a', 'b')` for CHECK constraints; values are the constants above, never input. */
const oneOf = (column: SQLWrapper, values: readonly string[]) => sql`${column} in (${sql.raw(values.map((v) => `'${v}'`).join(', '))})`;
/** A single address, not a network: '10.0.0.5' and '10.0.0.5/24' would otherwise both be unique. */
const hostAddress = (column: SQLWrapper) => sql`masklen(${column}) = case family(${column}) when 4 then 32 else 128 end`;

// ───────────────────────────── tenants and people ─────────────────────────────

export const organizations = pgTable('organizations', {
	id: id(),
	name: text('name').notNull(),
	slug: text('slug').notNull().unique('organizations_slug_key'),
	timeZone: text('time_zone').notNull().default('America/Cancun'),
	settings: jsonb('settings').$type<Json>().notNull().default({}),
	createdAt: createdAt()
});

/** Last folio handed out in each organization (see installations.folio). */
export const folioCounters = pgTable('folio_counters', {
	orgId: uuid('org_id')
		.primaryKey()
		.references(() => organizations.id, { onDelete: 'cascade' }),
	lastFolio: bigint('last_folio', { mode: 'number' }).notNull().default(0)
});

export const users = pgTable(
	'users',
	{
		id: id(),
		orgId: orgId(),
		email: text('email').notNull(),
		name: text('name').notNull(),
		role: text('role', { enum: roles }).notNull(),
		passwordHash: text('password_hash').notNull(),
		active: boolean('active').notNull().default(true),
		locale: text('locale').notNull().default('es'),
		color: text('color'),
		dailyCapacity: integer('daily_capacity'),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
		index('users_org_idx').on(t.orgId, t.role),
		check('users_role_check', oneOf(t.role, roles)),
		check('users_daily_capacity_check', sql`${t.dailyCapacity} >= 0`)
	]
);

export const sessions = pgTable(
	'sessions',
	{
		/** sha256 hex of the session token. */
		id: text('id').primaryKey(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		orgId: orgId(),
		expiresAt: timestamptz('expires_at').notNull(),
		createdAt: createdAt(),
		ip: text('ip'),
		userAgent: text('user_agent')
	},
	(t) => [index('sessions_user_idx').on(t.userId), index('sessions_org_idx').on(t.orgId, t.expiresAt)]
);

export const displayTokens = pgTable(
	'display_tokens',
	{
		id: id(),
		orgId: orgId(),
		name: text('name').notNull(),
		tokenHash: text('token_hash').notNull().unique('display_tokens_token_hash_key'),
		createdBy: userRef('created_by'),
		createdAt: createdAt(),
		revokedAt: timestamptz('revoked_at'),
		lastSeenAt: timestamptz('last_seen_at')
	},
	(t) => [index('display_tokens_org_idx').on(t.orgId)]
);

// ───────────────────────────── zones (RB, "router base") ─────────────────────────────

export const zones = pgTable(
	'zones',
	{
		id: id(),
		orgId: orgId(),
		name: text('name').notNull(),
		routerName: text('router_name'),
		routerHost: text('router_host'),
		paymentDay: integer('payment_day').notNull(),
		cutoffDay: integer('cutoff_day'),
		graceDays: integer('grace_days'),
		invoiceDay: integer('invoice_day'),
		billingMode: text('billing_mode', { enum: billingModes }).notNull().default('prepago'),
		active: boolean('active').notNull().default(true),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		unique('zones_org_id_name_key').on(t.orgId, t.name),
		check('zones_payment_day_check', sql`${t.paymentDay} between 1 and 31`),
		check('zones_cutoff_day_check', sql`${t.cutoffDay} between 1 and 31`),
		check('zones_grace_days_check', sql`${t.graceDays} >= 0`),
		check('zones_invoice_day_check', sql`${t.invoiceDay} between 1 and 31`),
		check('zones_billing_mode_check', oneOf(t.billingMode, billingModes))
	]
);

export const zoneIpPools = pgTable(
	'zone_ip_pools',
	{
		id: id(),
		orgId: orgId(),
		zoneId: uuid('zone_id')
			.notNull()
			.references(() => zones.id, { onDelete: 'cascade' }),
		cidr: cidr('cidr').notNull(),
		reserved: inet('reserved')
			.array()
			.notNull()
			.default(sql`'{}'`),
		createdAt: createdAt()
	},
	(t) => [unique('zone_ip_pools_org_id_cidr_key').on(t.orgId, t.cidr), index('zone_ip_pools_zone_idx').on(t.orgId, t.zoneId)]
);

export const zoneCoverageAreas = pgTable(
	'zone_coverage_areas',
	{
		id: id(),
		orgId: orgId(),
		zoneId: uuid('zone_id')
			.notNull()
			.references(() => zones.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		serviceType: text('service_type', { enum: serviceTypes }).notNull(),
		/** GeoJSON Polygon or MultiPolygon, [lng, lat] order. */
		geojson: jsonb('geojson').$type<Json>().notNull(),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('zone_coverage_areas_zone_idx').on(t.orgId, t.zoneId),
		check('zone_coverage_areas_service_type_check', oneOf(t.serviceType, serviceTypes))
	]
);

export const zoneTechnicians = pgTable(
	'zone_technicians',
	{
		orgId: orgId(),
		zoneId: uuid('zone_id')
			.notNull()
			.references(() => zones.id, { onDelete: 'cascade' }),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' })
	},
	(t) => [
		primaryKey({ name: 'zone_technicians_pkey', columns: [t.zoneId, t.userId] }),
		index('zone_technicians_org_idx').on(t.orgId, t.userId)
	]
);

// ───────────────────────────── catalog ─────────────────────────────

export const plans = pgTable(
	'plans',
	{
		id: id(),
		orgId: orgId(),
		kind: text('kind', { enum: planKinds }).notNull(),
		name: text('name').notNull(),
		speedMbps: integer('speed_mbps'),
		priceCents: integer('price_cents').notNull(),
		routerosProfile: text('routeros_profile'),
		usageTier: text('usage_tier', { enum: usageTiers }),
		description: text('description'),
		active: boolean('active').notNull().default(true),
		sortOrder: integer('sort_order').notNull().default(0),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('plans_org_idx').on(t.orgId, t.kind, t.sortOrder),
		check('plans_kind_check', oneOf(t.kind, planKinds)),
		check('plans_speed_mbps_check', sql`${t.speedMbps} > 0`),
		check('plans_price_cents_check', sql`${t.priceCents} >= 0`),
		check('plans_usage_tier_check', oneOf(t.usageTier, usageTiers))
	]
);

export const products = pgTable(
	'products',
	{
		id: id(),
		orgId: orgId(),
		name: text('name').notNull(),
		kind: text('kind', { enum: productKinds }).notNull(),
		priceCents: integer('price_cents').notNull(),
		paymentType: text('payment_type', { enum: paymentTypes }).notNull().default('unico'),
		installments: integer('installments').notNull().default(1),
		active: boolean('active').notNull().default(true),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('products_org_idx').on(t.orgId, t.kind),
		check('products_kind_check', oneOf(t.kind, productKinds)),
		check('products_price_cents_check', sql`${t.priceCents} >= 0`),
		check('products_payment_type_check', oneOf(t.paymentType, paymentTypes)),
		check('products_installments_check', sql`${t.installments} >= 1`)
	]
);

// ───────────────────────────── installations (the cards) ─────────────────────────────

export const installations = pgTable(
	'installations',
	{
		id: id(),
		orgId: orgId(),
		/**
		 * Human number, 1, 2, 3… per organization. Leave it out on insert: the
		 * installations_assign_folio trigger takes the next one from folio_counters.
		 */
		folio: bigint('folio', { mode: 'number' })
			.notNull()
			.default(sql`null`),
		stage: text('stage', { enum: stages }).notNull().default('preinstalacion'),
		position: doublePrecision('position').notNull(),
		/** Bumped by trigger on every real change unless the UPDATE already changed it. */
		version: integer('version').notNull().default(1),
		/** Set by trigger when the stage changes, unless the UPDATE set it. */
		stageChangedAt: timestamptz('stage_changed_at').notNull().defaultNow(),
		registeredOn: date('registered_on')
			.notNull()
			.default(sql`current_date`),

		// customer
		fullName: text('full_name').notNull(),
		email: text('email'),
		phone: text('phone'),
		phoneAlt: text('phone_alt'),
		source: text('source', { enum: leadSources }),
		howHeard: text('how_heard'),
		houseOwnership: text('house_ownership', { enum: houseOwnerships }),

		// address
		addrSm: text('addr_sm'),
		addrMz: text('addr_mz'),
		addrLt: text('addr_lt'),
		addrExt: text('addr_ext'),
		addrInt: text('addr_int'),
		addrBuilding: text('addr_building'),
		addrStreet: text('addr_street'),
		addrColonia: text('addr_colonia'),
		addrCity: text('addr_city'),
		lat: doublePrecision('lat'),
		lng: doublePrecision('lng'),
		coordinatesRaw: text('coordinates_raw'),

		// special conditions
		rooftopAccess: boolean('rooftop_access'),
		rooftopKey: text('rooftop_key'),
		fiberCrossing: boolean('fiber_crossing'),
		fiberCrossingNote: text('fiber_crossing_note'),
		modemNearOutlet: boolean('modem_near_outlet'),
		comments: text('comments'),
		dni: text('dni'),

		// coverage
		zoneId: uuid('zone_id').references(() => zones.id, { onDelete: 'set null' }),
		serviceType: text('service_type', { enum: serviceTypes }),
		coverageConfirmedAt: timestamptz('coverage_confirmed_at'),
		coverageConfirmedBy: userRef('coverage_confirmed_by'),

		// plan and contract
		planId: uuid('plan_id').references(() => plans.id),
		contractType: text('contract_type', { enum: contractTypes }),
		customerAcceptedAt: timestamptz('customer_accepted_at'),
		accepted12mAt: timestamptz('accepted_12m_at'),
		promotionFreeInstallation: boolean('promotion_free_installation').notNull().default(false),

		// scheduling
		installationDate: date('installation_date'),
		installationTime: text('installation_time'),
		installationCostCents: integer('installation_cost_cents'),
		/** Computed snapshot of billing dates and the first charge. */
		billing: jsonb('billing').$type<Json>(),
		technicianId: userRef('technician_id'),
		routeOrder: integer('route_order'),

		// connection
		pppoeUser: text('pppoe_user'),
		pppoePassword: text('pppoe_password'),
		wifiPassword: text('wifi_password'),
		/** Mirrors ip_allocations, which is the authority. */
		ip: inet('ip'),
		externalId: text('external_id'),

		// equipment, filled by the installer
		cpeMac: text('cpe_mac'),
		onuSerial: text('onu_serial'),
		routerModel: text('router_model'),
		signalNotes: text('signal_notes'),
		completedAt: timestamptz('completed_at'),
		completedBy: userRef('completed_by'),

		// cancellation
		cancelReason: text('cancel_reason', { enum: cancelReasons }),
		cancelNote: text('cancel_note'),
		cancelledAt: timestamptz('cancelled_at'),

		// signatures
		contractSignedAt: timestamptz('contract_signed_at'),
		sheetSignedAt: timestamptz('sheet_signed_at'),

		/** Ticked steps of the agent's call script. */
		callScript: jsonb('call_script').$type<Json>().notNull().default({}),
		extra: jsonb('extra').$type<Json>().notNull().default({}),

		createdAt: createdAt(),
		updatedAt: updatedAt(),
		createdBy: userRef('created_by')
	},
	(t) => [
		unique('installations_org_folio_key').on(t.orgId, t.folio),
		uniqueIndex('installations_org_pppoe_user_key')
			.on(t.orgId, t.pppoeUser)
			.where(sql`${t.pppoeUser} is not null`),
		index('installations_board_idx').on(t.orgId, t.stage, t.position),
		index('installations_route_idx').on(t.orgId, t.technicianId, t.installationDate),
		index('installations_phone_idx').on(t.orgId, t.phone)
		// The value rules of stage, phones, source, house_ownership, lat/lng, service_type,
		// contract_type, installation_cost_cents, ip and cancel_reason are enforced by the
		// installations_before_write trigger (same error and constraint names as CHECKs; see the
		// 20261122010000 migration for why).
	]
);

// ───────────────────────────── history ─────────────────────────────

export const stageHistory = pgTable(
	'stage_history',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		orgId: orgId(),
		installationId: installationRef(),
		/** Null when the card is created. */
		fromStage: text('from_stage', { enum: stages }),
		toStage: text('to_stage', { enum: stages }).notNull(),
		userId: userRef('user_id'),
		/** Written reason when a coordinator/admin overrode a stage guard. */
		overrideReason: text('override_reason'),
		createdAt: createdAt()
	},
	(t) => [
		index('stage_history_installation_idx').on(t.orgId, t.installationId, t.id),
		check('stage_history_from_stage_check', oneOf(t.fromStage, stages)),
		check('stage_history_to_stage_check', oneOf(t.toStage, stages))
	]
);

export const cardHistory = pgTable(
	'card_history',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		orgId: orgId(),
		installationId: installationRef(),
		userId: userRef('user_id'),
		kind: text('kind', { enum: cardHistoryKinds }).notNull(),
		field: text('field'),
		oldValue: jsonb('old_value').$type<unknown>(),
		newValue: jsonb('new_value').$type<unknown>(),
		/** Screen or channel: tablero, tarjeta, tecnico, solicitud, sql… */
		source: text('source'),
		createdAt: createdAt()
	},
	(t) => [
		index('card_history_installation_idx').on(t.orgId, t.installationId, t.id),
		check('card_history_kind_check', oneOf(t.kind, cardHistoryKinds))
	]
);

// ───────────────────────────── checklists ─────────────────────────────

export const checklistTemplates = pgTable(
	'checklist_templates',
	{
		id: id(),
		orgId: orgId(),
		stage: text('stage', { enum: stages }).notNull(),
		label: text('label').notNull(),
		/** e.g. 'file:ine_frontal', 'field:email': the item ticks itself when satisfied. */
		autoRule: text('auto_rule'),
		sortOrder: integer('sort_order').notNull().default(0),
		active: boolean('active').notNull().default(true),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('checklist_templates_org_idx').on(t.orgId, t.stage, t.sortOrder),
		check('checklist_templates_stage_check', oneOf(t.stage, stages))
	]
);

export const checklistItems = pgTable(
	'checklist_items',
	{
		id: id(),
		orgId: orgId(),
		installationId: installationRef(),
		templateId: uuid('template_id')
			.notNull()
			.references(() => checklistTemplates.id, { onDelete: 'cascade' }),
		done: boolean('done').notNull().default(false),
		doneBy: userRef('done_by'),
		doneAt: timestamptz('done_at')
	},
	(t) => [
		unique('checklist_items_installation_id_template_id_key').on(t.installationId, t.templateId),
		index('checklist_items_org_idx').on(t.orgId, t.installationId)
	]
);

// ───────────────────────────── files and documents ─────────────────────────────

export const files = pgTable(
	'files',
	{
		id: id(),
		orgId: orgId(),
		installationId: installationRef(),
		category: text('category', { enum: fileCategories }).notNull(),
		name: text('name').notNull(),
		mime: text('mime').notNull(),
		sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
		sha256: text('sha256').notNull(),
		/** Path on local disk or in Supabase Storage. */
		storageKey: text('storage_key').notNull(),
		thumbnailKey: text('thumbnail_key'),
		uploadedBy: userRef('uploaded_by'),
		createdAt: createdAt(),
		supersededAt: timestamptz('superseded_at'),
		supersededBy: uuid('superseded_by').references((): AnyPgColumn => files.id, {
			onDelete: 'set null'
		})
	},
	(t) => [
		index('files_installation_idx').on(t.orgId, t.installationId, t.category),
		check('files_category_check', oneOf(t.category, fileCategories)),
		check('files_size_bytes_check', sql`${t.sizeBytes} >= 0`)
	]
);

export const documentTemplates = pgTable(
	'document_templates',
	{
		id: id(),
		orgId: orgId(),
		kind: text('kind', { enum: documentKinds }).notNull(),
		/** Null: applies to any contract type. */
		contractType: text('contract_type', { enum: contractTypes }),
		title: text('title').notNull(),
		body: text('body').notNull(),
		createdAt: createdAt(),
		updatedAt: updatedAt(),
		updatedBy: userRef('updated_by')
	},
	(t) => [
		index('document_templates_org_idx').on(t.orgId, t.kind),
		check('document_templates_kind_check', oneOf(t.kind, documentKinds)),
		check('document_templates_contract_type_check', oneOf(t.contractType, contractTypes))
	]
);

export const documents = pgTable(
	'documents',
	{
		id: id(),
		orgId: orgId(),
		installationId: installationRef(),
		kind: text('kind', { enum: documentKinds }).notNull(),
		status: text('status', { enum: documentStatuses }).notNull().default('borrador'),
		startDate: date('start_date'),
		endDate: date('end_date'),
		/** Snapshot of the data the document shows. */
		data: jsonb('data').$type<Json>().notNull().default({}),
		contentSha256: text('content_sha256'),
		signedAt: timestamptz('signed_at'),
		/** The generated PDF. */
		fileId: uuid('file_id').references(() => files.id, { onDelete: 'set null' }),
		version: integer('version').notNull().default(1),
		createdAt: createdAt(),
		supersededAt: timestamptz('superseded_at')
	},
	(t) => [
		index('documents_installation_idx').on(t.orgId, t.installationId, t.kind),
		uniqueIndex('documents_current_key')
			.on(t.installationId, t.kind)
			.where(sql`${t.supersededAt} is null`),
		check('documents_kind_check', oneOf(t.kind, documentKinds)),
		check('documents_status_check', oneOf(t.status, documentStatuses)),
		check('documents_dates_check', sql`${t.endDate} is null or ${t.startDate} is null or ${t.endDate} >= ${t.startDate}`)
	]
);

export const signatures = pgTable(
	'signatures',
	{
		id: id(),
		orgId: orgId(),
		documentId: uuid('document_id').references(() => documents.id, { onDelete: 'set null' }),
		installationId: installationRef(),
		documentKind: text('document_kind', { enum: documentKinds }).notNull(),
		signerName: text('signer_name').notNull(),
		/** Base64 PNG of the drawn signature. */
		imagePng: text('image_png').notNull(),
		signedAt: timestamptz('signed_at').notNull().defaultNow(),
		ip: text('ip'),
		userAgent: text('user_agent'),
		contentSha256: text('content_sha256').notNull(),
		method: text('method', { enum: signatureMethods }).notNull()
	},
	(t) => [
		index('signatures_installation_idx').on(t.orgId, t.installationId),
		check('signatures_document_kind_check', oneOf(t.documentKind, documentKinds)),
		check('signatures_method_check', oneOf(t.method, signatureMethods))
	]
);

export const signingLinks = pgTable(
	'signing_links',
	{
		id: id(),
		orgId: orgId(),
		installationId: installationRef(),
		documentKind: text('document_kind', { enum: documentKinds }).notNull(),
		tokenHash: text('token_hash').notNull().unique('signing_links_token_hash_key'),
		expiresAt: timestamptz('expires_at').notNull(),
		usedAt: timestamptz('used_at'),
		revokedAt: timestamptz('revoked_at'),
		createdBy: userRef('created_by'),
		createdAt: createdAt()
	},
	(t) => [
		index('signing_links_installation_idx').on(t.orgId, t.installationId),
		check('signing_links_document_kind_check', oneOf(t.documentKind, documentKinds))
	]
);

// ───────────────────────────── services, products, IPs ─────────────────────────────

export const addonServices = pgTable(
	'addon_services',
	{
		id: id(),
		orgId: orgId(),
		installationId: installationRef(),
		kind: text('kind', { enum: addonKinds }).notNull(),
		planId: uuid('plan_id').references(() => plans.id),
		ip: inet('ip'),
		externalId: text('external_id'),
		username: text('username'),
		password: text('password'),
		/** '0000000000' until support assigns the real line. */
		phoneNumber: text('phone_number').default('0000000000'),
		numberAssignedAt: timestamptz('number_assigned_at'),
		sipServer: text('sip_server'),
		onuSerial: text('onu_serial'),
		tvType: text('tv_type', { enum: tvTypes }),
		cutService: boolean('cut_service').notNull().default(true),
		router: text('router'),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('addon_services_installation_idx').on(t.orgId, t.installationId),
		check('addon_services_kind_check', oneOf(t.kind, addonKinds)),
		check('addon_services_ip_check', hostAddress(t.ip)),
		check('addon_services_tv_type_check', oneOf(t.tvType, tvTypes)),
		check('addon_services_tv_type_kind_check', sql`${t.kind} = 'television' or ${t.tvType} is null`)
	]
);

export const installationProducts = pgTable(
	'installation_products',
	{
		id: id(),
		orgId: orgId(),
		installationId: installationRef(),
		productId: uuid('product_id')
			.notNull()
			.references(() => products.id),
		paymentType: text('payment_type', { enum: paymentTypes }).notNull(),
		installments: integer('installments').notNull().default(1),
		/** Price when it was attached. */
		priceCents: integer('price_cents').notNull(),
		startDate: date('start_date'),
		createdAt: createdAt()
	},
	(t) => [
		index('installation_products_installation_idx').on(t.orgId, t.installationId),
		check('installation_products_payment_type_check', oneOf(t.paymentType, paymentTypes)),
		check('installation_products_installments_check', sql`${t.installments} >= 1`),
		check('installation_products_price_cents_check', sql`${t.priceCents} >= 0`)
	]
);

/** The authority on addresses: one IP per card, never the same IP twice in an organization. */
export const ipAllocations = pgTable(
	'ip_allocations',
	{
		id: id(),
		orgId: orgId(),
		zoneId: uuid('zone_id')
			.notNull()
			.references(() => zones.id),
		installationId: installationRef(),
		ip: inet('ip').notNull(),
		createdAt: createdAt()
	},
	(t) => [
		unique('ip_allocations_installation_key').on(t.installationId),
		unique('ip_allocations_org_ip_key').on(t.orgId, t.ip),
		index('ip_allocations_zone_idx').on(t.zoneId),
		check('ip_allocations_ip_check', hostAddress(t.ip))
	]
);

// ───────────────────────────── realtime bus ─────────────────────────────

/** Written by triggers on installations; never insert card events from a service. */
export const boardEvents = pgTable(
	'board_events',
	{
		seq: bigserial('seq', { mode: 'number' }).primaryKey(),
		orgId: orgId(),
		/** No foreign key: the event outlives a deleted card. */
		cardId: uuid('card_id'),
		kind: text('kind').$type<BoardEventKind>().notNull(),
		patch: jsonb('patch').$type<Json>().notNull().default({}),
		version: integer('version'),
		/** From `app.actor_id`; null when the change came from outside the app. */
		actorId: uuid('actor_id'),
		createdAt: createdAt()
	},
	(t) => [index('board_events_org_seq_idx').on(t.orgId, t.seq)]
);

// ───────────────────────────── row types ─────────────────────────────

export type Organization = typeof organizations.$inferSelect;
export type NewOrganization = typeof organizations.$inferInsert;
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Session = typeof sessions.$inferSelect;
export type NewSession = typeof sessions.$inferInsert;
export type DisplayToken = typeof displayTokens.$inferSelect;
export type NewDisplayToken = typeof displayTokens.$inferInsert;
export type Zone = typeof zones.$inferSelect;
export type NewZone = typeof zones.$inferInsert;
export type ZoneIpPool = typeof zoneIpPools.$inferSelect;
export type NewZoneIpPool = typeof zoneIpPools.$inferInsert;
export type ZoneCoverageArea = typeof zoneCoverageAreas.$inferSelect;
export type NewZoneCoverageArea = typeof zoneCoverageAreas.$inferInsert;
export type ZoneTechnician = typeof zoneTechnicians.$inferSelect;
export type NewZoneTechnician = typeof zoneTechnicians.$inferInsert;
export type Plan = typeof plans.$inferSelect;
export type NewPlan = typeof plans.$inferInsert;
export type Product = typeof products.$inferSelect;
export type NewProduct = typeof products.$inferInsert;
export type Installation = typeof installations.$inferSelect;
export type NewInstallation = typeof installations.$inferInsert;
export type StageHistoryEntry = typeof stageHistory.$inferSelect;
export type NewStageHistoryEntry = typeof stageHistory.$inferInsert;
export type CardHistoryEntry = typeof cardHistory.$inferSelect;
export type NewCardHistoryEntry = typeof cardHistory.$inferInsert;
export type ChecklistTemplate = typeof checklistTemplates.$inferSelect;
export type NewChecklistTemplate = typeof checklistTemplates.$inferInsert;
export type ChecklistItem = typeof checklistItems.$inferSelect;
export type NewChecklistItem = typeof checklistItems.$inferInsert;
/** Named StoredFile, not File, so it does not shadow the global File. */
export type StoredFile = typeof files.$inferSelect;
export type NewStoredFile = typeof files.$inferInsert;
export type DocumentTemplate = typeof documentTemplates.$inferSelect;
export type NewDocumentTemplate = typeof documentTemplates.$inferInsert;
/** Named CardDocument, not Document, so it does not shadow the DOM's Document. */
export type CardDocument = typeof documents.$inferSelect;
export type NewCardDocument = typeof documents.$inferInsert;
export type Signature = typeof signatures.$inferSelect;
export type NewSignature = typeof signatures.$inferInsert;
export type SigningLink = typeof signingLinks.$inferSelect;
export type NewSigningLink = typeof signingLinks.$inferInsert;
export type AddonService = typeof addonServices.$inferSelect;
export type NewAddonService = typeof addonServices.$inferInsert;
export type InstallationProduct = typeof installationProducts.$inferSelect;
export type NewInstallationProduct = typeof installationProducts.$inferInsert;
export type IpAllocation = typeof ipAllocations.$inferSelect;
export type NewIpAllocation = typeof ipAllocations.$inferInsert;
export type BoardEvent = typeof boardEvents.$inferSelect;
export type NewBoardEvent = typeof boardEvents.$inferInsert;
