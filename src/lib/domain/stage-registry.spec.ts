import { describe, expect, it } from 'vitest';
import * as sut from './stage-registry';
import { canEnter, type GuardCard } from './stages';
import { orgSettingsSchema } from '$lib/schemas/settings';

describe('STAGE_TABLE derives every stage list', () => {
	it('keys, open stages, labels and the stages the board shows in full come from the rows', () => {
		expect(sut.STAGES).toEqual(sut.STAGE_TABLE.map((s) => s.key));
		expect(sut.OPEN_STAGES).toEqual(sut.STAGE_TABLE.filter((s) => s.open).map((s) => s.key));
		expect(Object.keys(sut.STAGE_LABELS)).toEqual([...sut.STAGES]);
		expect(sut.ALWAYS_SHOWN_STAGES).toEqual([
			'preinstalacion',
			'cobertura_confirmada',
			'documentos_pendientes',
			'agendada',
			'asignada',
			'firmada'
		]);
	});

	it("agents work the stages their role column names, not the table's first four", () => {
		expect(sut.stagesOf('agent')).toEqual(['preinstalacion', 'cobertura_confirmada', 'documentos_pendientes', 'agendada']);
		for (const s of sut.STAGE_TABLE)
			expect(sut.stagesOf('agent').includes(s.key as sut.OpenStage)).toBe(s.open && s.enter.includes('agent' as never));
		expect(sut.stagesOf('technician')).toEqual(['firmada']);
	});

	it('the settings default to the SLA and WIP of the rows', () => {
		const settings = orgSettingsSchema.parse({});
		for (const s of sut.STAGE_TABLE.filter((r) => r.open)) {
			expect(settings.sla[s.key as sut.OpenStage]).toEqual(s.sla);
			expect(settings.wipLimits[s.key as sut.OpenStage]).toBe(s.wip);
		}
		expect(Object.keys(settings.sla)).toEqual(sut.OPEN_STAGES);
	});

	it("the guard refuses a role exactly where the table's enter/leave columns do", () => {
		for (const role of sut.ROLES) {
			for (const from of sut.STAGES) {
				for (const to of sut.STAGES) {
					if (from === to) continue;
					const card: GuardCard = { id: 'c', stage: from, technicianId: 'tech-1' };
					// With a reason, coordinators pass the data rules; only the roles can still refuse (cancelling needs its reason).
					const res = canEnter({ ...card, cancelReason: 'declino' }, to, role, { userId: 'tech-1', overrideReason: 'revisado en campo' });
					const allowed = sut.mayLeave(role, from) && sut.mayEnter(role, to);
					if (allowed && (role === 'admin' || role === 'coordinator')) expect(res.ok, `${role} ${from}→${to}`).toBe(true);
					if (!allowed) expect(res, `${role} ${from}→${to}`).toMatchObject({ ok: false, overridable: false });
				}
			}
		}
	});
});
