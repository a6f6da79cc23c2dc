import type { SessionUser } from '../auth';
import { forbidden } from './errors';

/** Process 4: the coordinator (or an admin) schedules, assigns and fills the technical data. */
export function requireCoordinator(actor: SessionUser, what = 'hacer este cambio'): void {
	if (actor.role !== 'coordinator' && actor.role !== 'admin') {
		throw forbidden(`Solo un coordinador o un administrador puede ${what}.`);
	}
}

export function requireAdmin(actor: SessionUser, what = 'hacer este cambio'): void {
	if (actor.role !== 'admin') throw forbidden(`Solo un administrador puede ${what}.`);
}

export function requireStaff(actor: SessionUser): void {
	if (actor.role === 'technician') throw forbidden('Esta información es solo para la oficina.');
}
