// What `npm test` repeats at its very end when Vitest failed: which tests, and the first lines of
// why. Vitest prints its failures long before Playwright's half hour of output, and a CI that keeps
// only the end of the log would otherwise say that Vitest failed but not where.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

/**
 * The failed tests of a Vitest JSON report (jest's format), a few lines each.
 * @param {string} reportPath
 * @param {string} root
 * @returns {string[]}
 */
export function vitestFailures(reportPath, root) {
	/** @type {{ testResults?: { name: string; status: string; message?: string; assertionResults?: { status: string; fullName?: string; title: string; failureMessages?: string[] }[] }[] }} */
	let report;
	try {
		report = JSON.parse(readFileSync(reportPath, 'utf8'));
	} catch {
		return ['  (no hay informe de Vitest: falló antes de terminar)'];
	}
	/** @param {string | undefined} text */
	const firstLines = (text) =>
		(text ?? '')
			.split('\n')
			.map((l) => l.trimEnd())
			.filter(Boolean)
			.slice(0, 4)
			.map((l) => `      ${l.slice(0, 300)}`);
	const lines = [];
	for (const file of report.testResults ?? []) {
		const name = relative(root, file.name);
		const failed = (file.assertionResults ?? []).filter((t) => t.status === 'failed');
		for (const t of failed) lines.push(`  ✘ ${name} › ${t.fullName ?? t.title}`, ...firstLines(t.failureMessages?.[0]));
		if (!failed.length && file.status === 'failed') lines.push(`  ✘ ${name}`, ...firstLines(file.message));
	}
	return lines.length ? lines : ['  (el informe no nombra ninguna prueba fallida)'];
}
