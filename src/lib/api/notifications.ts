/** The bell: the person's own notices and marking them read. */
import type { NotificationList } from '$lib/types/notifications';
import { request } from './client';

const URL = '/api/notificaciones';

export const notifications = {
	list: () => request<NotificationList>('GET', URL),
	markRead: (id: string) => request<{ unread: number }>('POST', URL, { id }),
	markAllRead: () => request<{ unread: number }>('POST', URL, { all: true })
};
