// Shared by `npm start` and `npm test`: install what is missing, quickly when nothing is.
// Plain JavaScript with no dependencies, because it runs before `npm install`.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findChromium } from '../lib/server/pdf/find-chromium.js';

export { findChromium };

export const root = new URL('../../', import.meta.url).pathname;

/**
 * @param {string} cmd
 * @param {string[]} args
 * @param {import('node:child_process').SpawnSyncOptions} [opts]
 */
export function run(cmd, args, opts = {}) {
	const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
	if (r.status !== 0) {
		console.error(`\n✖ Falló: ${cmd} ${args.join(' ')}`);
		process.exit(r.status ?? 1);
	}
}

export function checkNode() {
	const [maj, min] = process.versions.node.split('.').map(Number);
	if (maj < 20 || (maj === 20 && min < 19)) {
		console.error(`✖ Se necesita Node.js 20.19 o más reciente (tienes ${process.versions.node}).`);
		process.exit(1);
	}
}

/** @param {string[]} paths */
function hashFiles(paths) {
	const h = createHash('sha256');
	/** @param {string} p */
	const walk = (p) => {
		if (!existsSync(p)) return;
		const st = statSync(p);
		if (st.isDirectory()) {
			for (const name of readdirSync(p).sort()) {
				if (name === 'node_modules' || name === 'paraglide') continue;
				walk(join(p, name));
			}
		} else {
			h.update(p.slice(root.length));
			h.update(readFileSync(p));
		}
	};
	for (const p of paths) walk(join(root, p));
	return h.digest('hex');
}

/** npm install when package-lock.json changed since the last install (or nothing is installed). */
/**
 * True when npm's record of the last install (node_modules/.package-lock.json) is newer than every given file.
 * @param {string[]} paths @param {string} [base]
 */
export function installedAfter(paths, base = root) {
	const record = join(base, 'node_modules', '.package-lock.json');
	if (!existsSync(record)) return false;
	const installed = statSync(record).mtimeMs;
	/** @param {string} p @returns {number} */
	const newest = (p) => {
		if (!existsSync(p)) return 0;
		const st = statSync(p);
		return st.isDirectory() ? Math.max(st.mtimeMs, ...readdirSync(p).map((n) => newest(join(p, n)))) : st.mtimeMs;
	};
	return paths.every((p) => newest(join(base, p)) < installed);
}

export function ensureDependencies() {
	const stamp = join(root, 'node_modules', '.install-stamp');
	const want = hashFiles(['package.json', 'package-lock.json', 'src/patches']);
	if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return;
	// Someone ran `npm install` (or `npm ci`) themselves after the last change to the manifests:
	// npm's own record of the install is newer than them, so there is nothing to install again.
	if (installedAfter(['package.json', 'package-lock.json', 'src/patches'])) {
		writeFileSync(stamp, want);
		return;
	}
	console.log('• Instalando dependencias (npm install)…');
	// npm install rather than npm ci: npm ci refuses lockfiles without every platform's optional packages.
	run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error']);
	writeFileSync(stamp, hashFiles(['package.json', 'package-lock.json', 'src/patches']));
}

function hasFonts() {
	return ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/truetype/liberation', '/usr/share/fonts/truetype/liberation2'].some((p) =>
		existsSync(p)
	);
}

/**
 * PDFs and browser tests use a system Chromium (no browser downloads). As root on
 * Debian/Ubuntu we install it with apt; otherwise we say in one line what to install.
 */
export function ensureChromium({ required = false } = {}) {
	const missing = !findChromium() || (process.platform === 'linux' && !hasFonts());
	if (!missing) return findChromium();
	const canApt = process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
	if (canApt) {
		console.log('• Instalando Chromium y fuentes del sistema (apt-get)…');
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		run('apt-get', ['update', '-qq'], { env });
		run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-dejavu-core'], { env });
		return findChromium();
	}
	const msg =
		'Falta Chromium o las fuentes: instala "chromium" y "fonts-dejavu-core" (o define CHROMIUM_PATH con la ruta de Chrome). Los PDF no funcionarán hasta entonces.';
	if (required) {
		console.error(`✖ ${msg}`);
		process.exit(1);
	}
	console.warn(`⚠ ${msg}`);
	return null;
}

/** vite build when sources changed since the last build. */
export function ensureBuild() {
	const stamp = join(root, 'build', '.build-stamp');
	const want = hashFiles(['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json', 'tsconfig.json']);
	if (existsSync(join(root, 'build', 'handler.js')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return;
	console.log('• Compilando la aplicación (vite build)…');
	const started = Date.now();
	// The build's own chatter (adapter lines, «Run npm run preview…», plugin timings) is for
	// developers running `npm run build`; here it is shown only when the build fails.
	const r = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
		cwd: root,
		encoding: 'utf8',
		maxBuffer: 256 * 1024 * 1024,
		env: { ...process.env, FORCE_COLOR: '0' }
	});
	if (r.status !== 0) {
		process.stdout.write(r.stdout ?? '');
		process.stderr.write(r.stderr ?? '');
		console.error(`\n✖ Falló la compilación (vite build)${r.error ? `: ${r.error.message}` : ''}.`);
		process.exit(r.status ?? 1);
	}
	writeFileSync(stamp, want);
	console.log(`✔ Compilada en ${Math.round((Date.now() - started) / 1000)} s.`);
}
