import { count, eq, sql } from 'drizzle-orm';
import type { Database, Executor } from '../db';
import { organizations, users } from '../db/schema';
import { hashPassword } from '../auth';
import { ServiceError } from './errors';
import { parseInput } from '../validation';
import { setupSchema } from '$lib/schemas/auth';
import { seedChecklistDefaults } from './seed-defaults';

export interface NewOrganization {
	orgName: string;
	timeZone: string;
	adminName: string;
	email: string;
	password: string;
}

export async function hasAnyUser(db: Executor): Promise<boolean> {
	const [row] = await db.select({ n: count() }).from(users);
	return (row?.n ?? 0) > 0;
}

/** Creates a provider with its first admin. Used by `npm run org:create` and by first-run setup. */
export async function createOrganization(db: Database, input: NewOrganization, opts: { firstRun?: boolean } = {}) {
	const passwordHash = await hashPassword(input.password);
	return db.orm.transaction(async (tx) => {
		if (opts.firstRun) {
			// Checked inside the insert's transaction (and serialised on PostgreSQL), so two people
			// submitting /setup at once can't both become the first admin.
			if (db.driver === 'postgres') await tx.execute(sql`select pg_advisory_xact_lock(727275)`);
			if (await hasAnyUser(tx)) throw new ServiceError(403, 'La configuración inicial ya se hizo. Inicia sesión.');
		}
		const taken = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email.toLowerCase()));
		if (taken.length) {
			throw new ServiceError(409, 'Ya existe un usuario con ese correo. Usa otro correo.', {
				email: ['Ya existe un usuario con ese correo.']
			});
		}
		const [org] = await tx
			.insert(organizations)
			.values({ name: input.orgName, slug: await uniqueSlug(tx, input.orgName), timeZone: input.timeZone })
			.returning();
		const [admin] = await tx
			.insert(users)
			.values({
				orgId: org.id,
				email: input.email.toLowerCase(),
				name: input.adminName,
				role: 'admin',
				passwordHash
			})
			.returning();
		await seedChecklistDefaults(tx, org.id);
		return { org, admin };
	});
}

/** First run: only while no user exists at all. */
export async function setupFirstOrganization(db: Database, raw: unknown) {
	// Closed first: once someone exists, nobody gets as far as validation.
	if (await hasAnyUser(db.orm)) throw new ServiceError(403, 'La configuración inicial ya se hizo. Inicia sesión.');
	const input = parseInput(setupSchema, raw);
	return { ...(await createOrganization(db, input, { firstRun: true })), demo: input.demo };
}

async function uniqueSlug(db: Executor, name: string): Promise<string> {
	const base =
		name
			.normalize('NFD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '')
			.slice(0, 40) || 'proveedor';
	for (let i = 0; ; i++) {
		const slug = i ? `${base}-${i + 1}` : base;
		const [hit] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, slug));
		if (!hit) return slug;
	}
}
