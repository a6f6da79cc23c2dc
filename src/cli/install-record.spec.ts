// `npm start` does not install again after a developer ran `npm install` themselves (issue 23, item 6).
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { installedAfter } from './env.js';

const dirs: string[] = [];
function project(): string {
	const dir = mkdtempSync(join(tmpdir(), 'install-record-'));
	dirs.push(dir);
	writeFileSync(join(dir, 'package.json'), '{}');
	writeFileSync(join(dir, 'package-lock.json'), '{}');
	mkdirSync(join(dir, 'patches'));
	writeFileSync(join(dir, 'patches', 'a.patch'), '');
	return dir;
}
const at = (path: string, seconds: number) => utimesSync(path, seconds, seconds);
const FILES = ['package.json', 'package-lock.json', 'patches'];

afterEach(() => {
	for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('installedAfter', () => {
	it('is false before any install', () => {
		expect(installedAfter(FILES, project())).toBe(false);
	});

	it('is true when npm installed after the manifests last changed', () => {
		const dir = project();
		mkdirSync(join(dir, 'node_modules'));
		writeFileSync(join(dir, 'node_modules', '.package-lock.json'), '{}');
		for (const f of ['package.json', 'package-lock.json', 'patches/a.patch', 'patches']) at(join(dir, f), 1_000);
		at(join(dir, 'node_modules', '.package-lock.json'), 2_000);
		expect(installedAfter(FILES, dir)).toBe(true);
	});

	it('is false when the lockfile or a patch changed after the install', () => {
		const dir = project();
		mkdirSync(join(dir, 'node_modules'));
		writeFileSync(join(dir, 'node_modules', '.package-lock.json'), '{}');
		for (const f of ['package.json', 'package-lock.json', 'patches/a.patch', 'patches']) at(join(dir, f), 1_000);
		at(join(dir, 'node_modules', '.package-lock.json'), 2_000);
		at(join(dir, 'patches', 'a.patch'), 3_000);
		expect(installedAfter(FILES, dir)).toBe(false);
		at(join(dir, 'patches', 'a.patch'), 1_000);
		at(join(dir, 'package-lock.json'), 3_000);
		expect(installedAfter(FILES, dir)).toBe(false);
	});
});
