import type { Database } from '../db';
import type { Executor } from '../db/card-tx';
import * as organizations from '../db/organizations';
import * as users from '../db/users';
import { hashPassword } from '../auth';
import { ServiceError } from './errors';
import { parseInput } from '../validation';
import { setupSchema } from '$lib/schemas/auth';
import { seedChecklistDefaults } from './seed-defaults';
import { seedContracts } from './contract-templates';

export interface NewOrganization {
	orgName: string;
	timeZone: string;
	adminName: string;
	email: string;
	password: string;
}

export async function hasAnyUser(db: Executor): Promise<boolean> {
	return users.anyExists(db);
}

/** Creates a provider with its first admin. Used by `npm run org:create` and by first-run setup. */
export async function createOrganization(db: Database, input: NewOrganization, opts: { firstRun?: boolean } = {}) {
	const passwordHash = await hashPassword(input.password);
	return db.orm.transaction(async (tx) => {
		if (opts.firstRun) {
			// Checked inside the insert's transaction (and serialised on PostgreSQL), so two people
			// submitting /setup at once can't both become the first admin.
			if (db.driver === 'postgres') await organizations.lockFirstRun(tx);
			if (await hasAnyUser(tx)) throw new ServiceError(403, 'La configuración inicial ya se hizo. Inicia sesión.');
		}
		if (await users.emailTaken(tx, input.email.toLowerCase())) {
			throw new ServiceError(409, 'Ya existe un usuario con ese correo. Usa otro correo.', {
				email: ['Ya existe un usuario con ese correo.']
			});
		}
		const org = await organizations.insert(tx, {
			name: input.orgName,
			slug: await uniqueSlug(tx, input.orgName),
			timeZone: input.timeZone
		});
		const admin = await users.insert(tx, {
			orgId: org.id,
			email: input.email.toLowerCase(),
			name: input.adminName,
			role: 'admin',
			passwordHash
		});
		await seedChecklistDefaults(tx, org.id);
		await seedContracts(tx, org.id);
		return { org, admin };
	});
}

/** First run: only while no user exists at all. */
export async function setupFirstOrganization(db: Database, raw: unknown) {
	// Closed first: once someone exists, nobody gets as far as validation.
	if (await hasAnyUser(db)) throw new ServiceError(403, 'La configuración inicial ya se hizo. Inicia sesión.');
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
		if (!(await organizations.slugTaken(db, slug))) return slug;
	}
}
