/** Messages to the customer: the templates a card is offered, and sending one by click-to-chat. */
import type { MessageTemplateKey } from '$lib/domain/message-templates';
import type { CardMessagesView } from '$lib/types/messages';
import { cardUrl, request } from './client';

export const messages = {
	view: (cardId: string) => request<CardMessagesView>('GET', cardUrl(cardId, 'mensajes')),
	/** Records the message and answers the wa.me link with the text ready. */
	send: (cardId: string, templateKey: MessageTemplateKey) =>
		request<{ url: string; text: string }>('POST', cardUrl(cardId, 'mensajes'), { templateKey })
};

/**
 * Opens WhatsApp for a message being sent: the tab opens on the click (a tab opened after the
 * answer arrives is a blocked pop-up), then goes to the link, or closes when sending was refused.
 */
export async function openWhatsApp(send: () => Promise<{ ok: true; url: string } | { ok: false }>): Promise<void> {
	const tab = window.open('', '_blank');
	const r = await send();
	if (!tab) {
		if (r.ok) window.location.href = r.url;
		return;
	}
	if (!r.ok) {
		tab.close();
		return;
	}
	tab.opener = null;
	tab.location.href = r.url;
}
