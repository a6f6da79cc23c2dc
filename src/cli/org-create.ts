/**
 * `npm run org:create -- --name "Internet Cancún" --admin-name "Ana" --email ana@x.mx
 *   --password "…" [--time-zone America/Cancun] [--demo]`
 * Creates a provider and its first admin from the command line (the same rules as /setup, through
 * the shared zod schema), optionally with the demo data. Opens the database as the app does.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { closeDb, getDb } from '../lib/server/db/index';
import { createOrganization, type NewOrganization } from '../lib/server/services/organizations';
import { ServiceError } from '../lib/server/services/errors';
import { seedDemo } from '../lib/server/services/demo';
import { setupSchema } from '../lib/schemas/auth';
import { CliError, formatDemoSummary } from './seed-demo';

const USAGE = `Uso: npm run org:create -- --name "Internet Cancún" --admin-name "Ana López" \\
       --email ana@proveedor.mx --password "una-contraseña-larga" [--time-zone America/Cancun] [--demo]

  --name <texto>        nombre del proveedor de internet
  --admin-name <texto>  nombre de la persona administradora
  --email <correo>      correo con el que la administradora inicia sesión
  --password <texto>    contraseña (al menos 10 caracteres)
  --time-zone <zona>    zona horaria IANA (por omisión America/Cancun)
  --demo                carga además los datos de demostración de Cancún
  -h, --help            muestra esta ayuda`;

/** Schema field → the flag the user typed, so every error names something they can fix. */
const FLAG_OF: Record<string, string> = {
	orgName: '--name',
	adminName: '--admin-name',
	email: '--email',
	password: '--password',
	timeZone: '--time-zone',
	demo: '--demo'
};

export interface OrgCreateError {
	/** The flag to fix, or null for a problem with the command line as a whole. */
	flag: string | null;
	message: string;
}

export type OrgCreateArgs =
	{ ok: true; input: NewOrganization & { demo: boolean } } | { ok: false; help: boolean; errors: OrgCreateError[] };

/** Parses and validates the command line without touching the database (tests call it). */
export function parseOrgCreateArgs(argv: string[]): OrgCreateArgs {
	let values: Record<string, string | boolean | undefined>;
	try {
		values = parseArgs({
			args: argv,
			options: {
				name: { type: 'string' },
				'admin-name': { type: 'string' },
				email: { type: 'string' },
				password: { type: 'string' },
				'time-zone': { type: 'string' },
				demo: { type: 'boolean' },
				help: { type: 'boolean', short: 'h' }
			},
			strict: true,
			allowPositionals: false
		}).values;
	} catch (err) {
		return { ok: false, help: false, errors: [parseArgsError(err as Error & { code?: string })] };
	}
	if (values.help) return { ok: false, help: true, errors: [] };

	const password = values.password as string | undefined;
	const result = setupSchema.safeParse({
		orgName: values.name,
		adminName: values['admin-name'],
		email: values.email,
		password,
		// The command line has no "repeat the password" field; the shared schema requires one.
		passwordConfirm: password,
		timeZone: values['time-zone'],
		demo: values.demo ?? false
	});
	if (!result.success) {
		const errors: OrgCreateError[] = [];
		for (const issue of result.error.issues) {
			const field = String(issue.path[0] ?? '');
			if (field === 'passwordConfirm') continue; // mirrors --password, reported there
			const flag = FLAG_OF[field] ?? null;
			if (!errors.some((e) => e.flag === flag && e.message === issue.message)) errors.push({ flag, message: issue.message });
		}
		return { ok: false, help: false, errors };
	}
	const { orgName, adminName, email, timeZone, demo } = result.data;
	return { ok: true, input: { orgName, adminName, email, password: result.data.password, timeZone, demo } };
}

function parseArgsError(err: Error & { code?: string }): OrgCreateError {
	const flag = /'(-[^' ]+)/.exec(err.message)?.[1] ?? null;
	switch (err.code) {
		case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
			return { flag, message: `La opción ${flag ?? 'indicada'} no existe. Revisa la ayuda con --help.` };
		case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
			return { flag, message: `Falta el valor de ${flag ?? 'una opción'} (escríbelo entre comillas si tiene espacios).` };
		case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
			return {
				flag: null,
				message: 'Sobra un texto sin opción. Si un valor tiene espacios, escríbelo entre comillas, por ejemplo --name "Internet Cancún".'
			};
		default:
			return { flag, message: 'No entendí los argumentos. Revisa la ayuda con --help.' };
	}
}

export function formatErrors(errors: OrgCreateError[]): string {
	return errors.map((e) => `  ${e.flag ? `${e.flag}: ` : ''}${e.message}`).join('\n');
}

export async function runOrgCreate(argv: string[]): Promise<void> {
	const parsed = parseOrgCreateArgs(argv);
	if (!parsed.ok) {
		if (parsed.help) {
			console.log(USAGE);
			return;
		}
		throw new CliError(`Revisa los datos:\n${formatErrors(parsed.errors)}\n\n${USAGE}`);
	}
	const { demo, ...input } = parsed.input;
	const db = await getDb();
	try {
		let created: Awaited<ReturnType<typeof createOrganization>>;
		try {
			created = await createOrganization(db, input);
		} catch (err) {
			if (err instanceof ServiceError) {
				const fields = Object.entries(err.fieldErrors).flatMap(([field, messages]) =>
					messages.map((message) => ({ flag: FLAG_OF[field] ?? null, message }))
				);
				throw new CliError(fields.length ? `No se creó el proveedor:\n${formatErrors(fields)}` : err.message);
			}
			throw err;
		}
		const { org, admin } = created;
		console.log(`✔ Proveedor «${org.name}» creado (${org.slug}, zona horaria ${org.timeZone}).`);
		console.log(`  Administración: ${admin.name} <${admin.email}>`);
		if (demo) {
			let result: Awaited<ReturnType<typeof seedDemo>>;
			try {
				result = await seedDemo(db, org.id);
			} catch (err) {
				// The provider is already committed; say so, and how to retry only the demo.
				throw new CliError(
					`El proveedor se creó, pero no se pudieron cargar los datos de demostración (${(err as Error)?.message ?? err}). ` +
						`Inténtalo de nuevo con: npm run seed:demo -- --org ${org.slug}`
				);
			}
			console.log('');
			console.log(formatDemoSummary(org, result));
		} else {
			console.log('  Para cargar datos de prueba: npm run seed:demo -- --org ' + org.slug);
		}
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
	runOrgCreate(process.argv.slice(2)).catch((err: unknown) => {
		if (err instanceof CliError) console.error(`✖ ${err.message}`);
		else console.error(`✖ No se pudo crear el proveedor: ${(err as Error)?.message ?? err}`);
		process.exitCode = 1;
	});
}
