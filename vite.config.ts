import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig, type Plugin } from 'vitest/config';

/** socket.io on the dev server, through the same attachRealtime() the production server uses. */
function realtimeDev(): Plugin {
	return {
		name: 'tablero-realtime-dev',
		apply: 'serve',
		configureServer(server) {
			server.httpServer?.once('listening', async () => {
				const mod = await server.ssrLoadModule('/src/lib/server/realtime/index.ts');
				await mod.attachRealtime(server.httpServer);
			});
		}
	};
}

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './src/lib/i18n/project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['cookie', 'preferredLanguage', 'baseLocale'],
			cookieName: 'PARAGLIDE_LOCALE'
		}),
		sveltekit(),
		realtimeDev()
	],
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'server',
					environment: 'node',
					include: ['src/**/*.spec.ts', 'tests/integration/**/*.test.ts'],
					globalSetup: ['tests/integration/support/global-setup.ts'],
					testTimeout: 30_000,
					hookTimeout: 60_000
				}
			}
		]
	}
});
