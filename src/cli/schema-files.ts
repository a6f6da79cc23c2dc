// npm run db:schemas — rewrites supabase/schemas/*.sql (the declarative schema) from an in-memory
// database migrated with every file in supabase/migrations. Run it after adding or merging a
// migration and commit the result; tests/integration/schema-files.test.ts fails until then.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openDatabase } from '../lib/server/db/client';
import { migrate } from '../lib/server/db/migrate';
import * as catalog from '../lib/server/db/pg-catalog';
import { render } from '../lib/server/db/schema-files';

const dir = resolve(process.argv[2] ?? join(process.cwd(), 'supabase', 'schemas'));
try {
	const db = await openDatabase({ dataDir: 'memory://' });
	await migrate(db);
	const files = render(await catalog.read(db));
	await db.close();
	mkdirSync(dir, { recursive: true });
	for (const f of readdirSync(dir)) if (f.endsWith('.sql') && !files.has(f)) rmSync(join(dir, f));
	for (const [name, sql] of files) writeFileSync(join(dir, name), sql);
	console.log(`✔ ${files.size} archivos de esquema en ${dir}.`);
} catch (err) {
	console.error(`✖ No se pudo escribir el esquema declarativo: ${(err as Error).message}`);
	process.exit(1);
}
