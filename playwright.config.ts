import { defineConfig, devices } from '@playwright/test';
import { findChromium, HEADLESS_ARGS } from './src/lib/server/pdf/find-chromium.js';

const PORT = Number(process.env.E2E_PORT ?? 3199);
// The system Chromium (no browser downloads), with the flags it needs as root in a container.
const launchOptions = { executablePath: findChromium() ?? undefined, args: HEADLESS_ARGS };

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'test-results/e2e',
	fullyParallel: false,
	workers: 1,
	retries: process.env.CI ? 1 : 0,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
	use: {
		baseURL: `http://localhost:${PORT}`,
		locale: 'es-MX',
		timezoneId: 'America/Cancun',
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		launchOptions
	},
	projects: [
		{ name: 'setup', testMatch: /global\.setup\.ts/ },
		{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions }, dependencies: ['setup'] }
	],
	webServer: {
		command: 'node src/cli/start.js',
		url: `http://localhost:${PORT}/healthz`,
		reuseExistingServer: false,
		timeout: 180_000,
		stdout: 'pipe',
		env: {
			PORT: String(PORT),
			DATA_DIR: 'test-results/e2e-data',
			E2E_RESET_DATA: '1',
			E2E: '1',
			// The WispHub test stores an API key (sealed with it) and wants the worker quick.
			APP_SECRET: process.env.APP_SECRET ?? 'app-secret-solo-para-las-pruebas-e2e',
			WISPHUB_POLL_MS: '300',
			// The WhatsApp Cloud API test's fake (tests/whatsapp-fake) listens here; the worker polls quickly.
			WHATSAPP_API_BASE: `http://127.0.0.1:${PORT + 1000}`,
			WHATSAPP_POLL_MS: '300',
			// The day map test's tile server (tests/e2e/day-map.test.ts) answers here, so no test loads real tiles.
			MAP_TILE_URL: `http://127.0.0.1:${PORT + 2000}/{z}/{x}/{y}.png`,
			MAP_ATTRIBUTION: 'Mosaicos de prueba © OpenStreetMap contributors',
			// The accounts test's SMTP server (tests/smtp-fake) listens here: password resets and invitations by email.
			SMTP_URL: `smtp://127.0.0.1:${PORT + 3000}`,
			SMTP_FROM: 'Tablero de pruebas <tablero@prueba.invalid>'
		}
	}
});
