import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';

const PORT = Number(process.env.E2E_PORT ?? 3199);
const chromium =
	process.env.CHROMIUM_PATH ??
	['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'].find((p) =>
		existsSync(p)
	);

// Flags needed when Chromium runs as root in a container without network.
const args = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-dev-shm-usage',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

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
		launchOptions: { executablePath: chromium, args }
	},
	projects: [
		{ name: 'setup', testMatch: /global\.setup\.ts/ },
		{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions: { executablePath: chromium, args } }, dependencies: ['setup'] }
	],
	webServer: {
		command: 'node src/cli/start.js',
		url: `http://localhost:${PORT}/healthz`,
		reuseExistingServer: false,
		timeout: 180_000,
		stdout: 'pipe',
		env: { PORT: String(PORT), DATA_DIR: 'test-results/e2e-data', E2E_RESET_DATA: '1', E2E: '1' }
	}
});
