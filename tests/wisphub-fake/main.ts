// npm run wisphub:fake — a local WispHub (tests/wisphub-fake/fake.ts) to see the sync work without an account.
// WISPHUB_FAKE_PORT (default 3950), WISPHUB_FAKE_KEY (default clave-de-prueba-wisphub).
import { startFakeWispHub } from './fake';

const fake = startFakeWispHub({
	port: Number(process.env.WISPHUB_FAKE_PORT ?? 3950),
	apiKey: process.env.WISPHUB_FAKE_KEY ?? 'clave-de-prueba-wisphub',
	taskDelayMs: 1500
});
await fake.ready;
console.log(`WispHub de prueba en ${fake.url}`);
console.log(`En Ajustes → Integraciones usa esa URL y la clave «${fake.options.apiKey}».`);
console.log('Solo para pruebas: no es WispHub; sigue lo que documenta WISPHUB.md. Ctrl+C para detenerlo.');
const stop = () => void fake.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
