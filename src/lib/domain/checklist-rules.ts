import { requirementsFor, type GuardCard, type GuardSettings, type Requirement } from './stages';

/**
 * Checklist auto-rules ("field:email", "file:ine_frontal") are answered by the stage guards'
 * own requirements, so the checklist, the board badge and the guard can never disagree.
 * A rule maps to the requirement keys it stands for; it is done when none of them is unmet.
 */
const RULE_KEYS: Record<string, string[]> = {
	'field:phone': ['fullName', 'phone'],
	'field:location': ['location'],
	'field:zone': ['zoneId', 'zoneCoverage'],
	'field:plan': ['planId'],
	'field:accepted': ['customerAcceptedAt'],
	'field:address': ['address:'],
	'field:billing': ['billingComputed'],
	'field:pppoe': ['pppoeUser', 'pppoePassword'],
	'field:technician': ['technicianId'],
	'field:sheetSigned': ['sheetSignedAt'],
	'field:contractSigned': ['contractSignedAt'],
	'field:completed': ['completedAt', 'equipment:']
};

/** Requirement keys behind a rule; unknown "field:x" rules fall back to the key "x". */
export function ruleKeys(rule: string): string[] {
	if (RULE_KEYS[rule]) return RULE_KEYS[rule];
	if (rule.startsWith('file:')) return [rule];
	if (rule.startsWith('field:')) return [rule.slice('field:'.length)];
	return [rule];
}

const matches = (key: string, pattern: string) => (pattern.endsWith(':') ? key.startsWith(pattern) : key === pattern);

/** Everything the card still lacks for the whole flow (up to "activa"), whatever its stage. */
export function allUnmet(card: GuardCard, settings?: Partial<GuardSettings> | null): Requirement[] {
	return requirementsFor({ ...card, stage: 'preinstalacion' }, 'activa', settings);
}

export function isRuleMet(rule: string, unmet: readonly Requirement[]): boolean {
	const keys = ruleKeys(rule);
	return !unmet.some((r) => keys.some((k) => matches(r.key, k)));
}

/** Rule names an admin may pick in Ajustes. */
export const AUTO_RULES = [
	'field:phone',
	'field:location',
	'field:zone',
	'field:serviceType',
	'field:plan',
	'field:contractType',
	'field:accepted',
	'field:email',
	'field:phoneAlt',
	'field:address',
	'field:installationDate',
	'field:billing',
	'field:pppoe',
	'field:ip',
	'field:technician',
	'field:sheetSigned',
	'field:contractSigned',
	'field:completed',
	'file:ine_frontal',
	'file:ine_atras',
	'file:comprobante_domicilio',
	'file:confirmacion_12_meses'
] as const;
