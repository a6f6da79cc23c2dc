/** How long the links that stand in for a password last. */
export const INVITATION_DAYS = 7;
export const RESET_MINUTES = 60;

interface InvitationMessage {
	name: string;
	orgName: string;
	url: string;
}

/** The WhatsApp text the admin sends with the invitation link. */
export function invitationText({ name, orgName, url }: InvitationMessage): string {
	const first = name.split(' ')[0];
	return (
		`Hola ${first}, te invitamos al tablero de instalaciones de ${orgName}. ` +
		`Abre este enlace para crear tu contraseña (sirve una sola vez y vence en ${INVITATION_DAYS} días): ${url}`
	);
}

export function invitationMail(m: InvitationMessage): { subject: string; text: string } {
	return {
		subject: `Invitación al tablero de instalaciones de ${m.orgName}`,
		text: `${invitationText(m)}\n\nSi no esperabas esta invitación, ignora este correo.\n`
	};
}

export function resetMail({ name, url }: { name: string; url: string }): { subject: string; text: string } {
	return {
		subject: 'Restablece tu contraseña',
		text:
			`Hola ${name.split(' ')[0]}:\n\n` +
			`Alguien pidió restablecer la contraseña de tu cuenta del tablero de instalaciones. ` +
			`Abre este enlace para elegir una nueva (sirve una sola vez y vence en ${RESET_MINUTES} minutos):\n\n${url}\n\n` +
			`Al cambiarla se cierran todas tus sesiones abiertas. Si no fuiste tú, ignora este correo: tu contraseña sigue igual.\n`
	};
}
