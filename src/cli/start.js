// `npm start`: install what is missing, build if needed, then serve on PORT (default 3000).
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { checkNode, ensureBuild, ensureChromium, ensureDependencies, findChromium, root } from './env.js';

checkNode();
ensureDependencies();
ensureChromium();
ensureBuild();

if (process.env.E2E_RESET_DATA === '1' && process.env.DATA_DIR) rmSync(process.env.DATA_DIR, { recursive: true, force: true });

/** @type {NodeJS.ProcessEnv} */
const env = { ...process.env, PORT: process.env.PORT ?? '3000' };
const chromium = findChromium();
if (chromium && !env.CHROMIUM_PATH) env.CHROMIUM_PATH = chromium;

const child = spawn(process.execPath, [join(root, 'src', 'server', 'index.js')], { stdio: 'inherit', env, cwd: root });
for (const sig of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
