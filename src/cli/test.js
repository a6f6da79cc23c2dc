// `npm test`: lint (Prettier + ESLint), unit + integration (Vitest), then browser tests (Playwright on the system Chromium).
// LINT=0 (or naming test files) skips the lint step; CI runs `npm run lint` on its own first.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkNode, ensureBuild, ensureChromium, ensureDependencies, root } from './env.js';
import { vitestFailures } from './test-summary.js';

checkNode();
ensureDependencies();
const chromium = ensureChromium({ required: true });
ensureBuild();

/** @type {NodeJS.ProcessEnv} */
const env = { ...process.env, CHROMIUM_PATH: process.env.CHROMIUM_PATH ?? chromium ?? undefined };
/** @param {string} name @param {string[]} args */
const step = (name, args) => {
	console.log(`\n▶ ${name}`);
	return spawnSync(process.execPath, args, { stdio: 'inherit', cwd: root, env }).status ?? 1;
};

const extra = process.argv.slice(2);
const lint =
	process.env.LINT === '0' || extra.length > 0
		? 0
		: step('Prettier', [join(root, 'node_modules', 'prettier', 'bin', 'prettier.cjs'), '--check', '.']) ||
			step('ESLint', [join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '.']);
// Vitest also writes a JSON report, so its failures can be repeated at the end (see test-summary.js).
const reportDir = mkdtempSync(join(tmpdir(), 'tablero-vitest-'));
const report = join(reportDir, 'vitest.json');
const unit = step('Vitest (unit + integration)', [
	join(root, 'node_modules', 'vitest', 'vitest.mjs'),
	'run',
	'--reporter=default',
	'--reporter=json',
	`--outputFile.json=${report}`,
	...extra
]);
const unitFailures = unit ? vitestFailures(report, root) : [];
rmSync(reportDir, { recursive: true, force: true });
const e2e = step('Playwright (browser)', [join(root, 'node_modules', '@playwright', 'test', 'cli.js'), 'test']);
if (lint || unit || e2e) {
	if (unit) console.error(`\n✖ Vitest falló en:\n${unitFailures.join('\n')}`);
	console.error(`\n✖ Pruebas fallidas: ${[lint && 'lint', unit && 'vitest', e2e && 'playwright'].filter(Boolean).join(', ')}`);
	process.exit(1);
}
console.log('\n✔ Todas las pruebas pasaron.');
