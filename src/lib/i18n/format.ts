import { getLocale } from '$lib/paraglide/runtime.js';
import { INTL_LOCALE } from './locale';

/**
 * The BCP-47 tag of the reader's language for Intl: 'es-MX' or 'en-US'. Money needs none: both
 * write pesos as "$1,234.50".
 */
export const intlLocale = (): string => INTL_LOCALE[getLocale() === 'en' ? 'en' : 'es'];
