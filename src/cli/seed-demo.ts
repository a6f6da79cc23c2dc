/**
 * `npm run seed:demo [-- --org <slug>]`: loads the Cancún demo provider (zones, plans, staff and
 * ~40 cards) into an existing organization. Opens the database exactly as the app does
 * (DATA_DIR or DATABASE_URL), so stop the server first when it uses the embedded database.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { closeDb, getDb } from '../lib/server/db/index';
import * as organizations from '../lib/server/db/organizations';
import { seedDemo, type DemoSeedResult } from '../lib/server/services/demo';

const ROLE_LABELS: Record<string, string> = {
	admin: 'Administración',
	coordinator: 'Coordinación',
	agent: 'Agente',
	technician: 'Técnico'
};

const USAGE = `Uso: npm run seed:demo [-- --org <slug>]

Carga datos de demostración (zonas RB de Cancún, planes, técnicos y unas 40 instalaciones)
en un proveedor que todavía no tiene instalaciones.

  --org <slug>   proveedor donde cargar los datos (por omisión, el primero que se creó)
  -h, --help     muestra esta ayuda`;

/** The Spanish summary both CLIs print after loading the demo. */
export function formatDemoSummary(org: { name: string; slug: string }, result: DemoSeedResult): string {
	const width = Math.max(...result.logins.map((l) => l.name.length));
	return [
		`✔ Datos de demostración cargados en «${org.name}» (${org.slug}):`,
		`  ${result.zones} zonas, ${result.plans} planes, ${result.technicians} técnicos y ${result.installations} instalaciones.`,
		'',
		`Accesos de demostración (contraseña para todos: ${result.password}):`,
		...result.logins.map((l) => `  ${(ROLE_LABELS[l.role] ?? l.role).padEnd(13)} ${l.name.padEnd(width)}  ${l.email}`),
		'',
		'Cambia o desactiva estos usuarios antes de usar el tablero con clientes reales.'
	].join('\n');
}

export class CliError extends Error {}

function parseSeedArgs(argv: string[]): { org?: string; help: boolean } {
	try {
		const { values } = parseArgs({
			args: argv,
			options: { org: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
			strict: true,
			allowPositionals: false
		});
		return { org: values.org, help: values.help ?? false };
	} catch (err) {
		const flag = /'(-[^' ]+)/.exec((err as Error).message)?.[1];
		throw new CliError(flag ? `La opción ${flag} no es válida aquí.\n\n${USAGE}` : `No entendí los argumentos.\n\n${USAGE}`);
	}
}

export async function runSeedDemo(argv: string[]): Promise<void> {
	const args = parseSeedArgs(argv);
	if (args.help) {
		console.log(USAGE);
		return;
	}
	const db = await getDb();
	try {
		const orgs = await organizations.list(db);
		if (!orgs.length) {
			throw new CliError('Todavía no hay ningún proveedor. Primero crea un proveedor con npm run org:create o en /setup.');
		}
		let org = orgs[0];
		if (args.org) {
			const wanted = args.org.trim().toLowerCase();
			const hit = orgs.find((o) => o.slug === wanted);
			if (!hit) {
				throw new CliError(`No existe el proveedor «${args.org}». Proveedores disponibles: ${orgs.map((o) => o.slug).join(', ')}.`);
			}
			org = hit;
		} else if (orgs.length > 1) {
			console.log(`Hay ${orgs.length} proveedores; se usa «${org.name}» (${org.slug}). Elige otro con --org <slug>.`);
		}

		const result = await seedDemo(db, org.id);
		if (result.installations === 0) {
			console.log(
				`«${org.name}» ya tiene instalaciones, así que no se cargó nada. ` +
					'Los datos de demostración solo se cargan en un proveedor sin instalaciones.'
			);
			return;
		}
		console.log(formatDemoSummary(org, result));
	} finally {
		await closeDb();
	}
}

function isMain(): boolean {
	try {
		return !!process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
	} catch {
		return false;
	}
}

if (isMain()) {
	runSeedDemo(process.argv.slice(2)).catch((err: unknown) => {
		if (err instanceof CliError) console.error(`✖ ${err.message}`);
		else console.error(`✖ No se pudieron cargar los datos de demostración: ${(err as Error)?.message ?? err}`);
		process.exitCode = 1;
	});
}
