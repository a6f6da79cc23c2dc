// `npm start`: install what is missing, build if needed, then serve on PORT (default 3000),
// restarting the server if it crashes (see supervise.js).
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { checkNode, ensureBuild, ensureChromium, ensureDependencies, findChromium, root } from './env.js';
import { runSupervised } from './supervise.js';

checkNode();
ensureDependencies();
ensureChromium();
ensureBuild();

if (process.env.E2E_RESET_DATA === '1' && process.env.DATA_DIR) rmSync(process.env.DATA_DIR, { recursive: true, force: true });

/** @type {NodeJS.ProcessEnv} */
const env = { ...process.env, PORT: process.env.PORT ?? '3000' };
const chromium = findChromium();
if (chromium && !env.CHROMIUM_PATH) env.CHROMIUM_PATH = chromium;

runSupervised({ script: join(root, 'src', 'server', 'index.js'), env, cwd: root });
