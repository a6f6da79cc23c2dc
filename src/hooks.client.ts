import { getLocale, overwriteGetLocale } from '$lib/paraglide/runtime';

// The reader's language is fixed for the life of a page: switching it sets the cookie and reloads
// (LocaleSwitch). So the page reads it once, before hydration, instead of Paraglide working it out
// from the cookie and the address again for every message, hundreds of times as a board hydrates.
const locale = getLocale();
overwriteGetLocale(() => locale);
