// npx tsx tests/whatsapp-fake/main.ts — a local WhatsApp Cloud API (tests/whatsapp-fake/fake.ts) to see
// the sending work without a Meta account. Start the app with WHATSAPP_API_BASE=<the URL printed>.
// WHATSAPP_FAKE_PORT (default 3960), WHATSAPP_FAKE_WEBHOOK (default http://localhost:3000/api/whatsapp/webhook).
import { startFakeWhatsApp } from './fake';

const fake = startFakeWhatsApp({
	port: Number(process.env.WHATSAPP_FAKE_PORT ?? 3960),
	webhookUrl: process.env.WHATSAPP_FAKE_WEBHOOK ?? 'http://localhost:3000/api/whatsapp/webhook',
	autoStatuses: ['sent', 'delivered', 'read'],
	autoDelayMs: 1500
});
await fake.ready;
const o = fake.options;
console.log(`WhatsApp Cloud API de prueba en ${fake.url} (arranca el tablero con WHATSAPP_API_BASE=${fake.url}).`);
console.log(`En Ajustes → Integraciones → WhatsApp usa el número ${o.phoneNumberId}, el token «${o.accessToken}»`);
console.log(`y la clave secreta de la app «${o.appSecret}». Los avisos de estado van a ${o.webhookUrl}.`);
console.log('Solo para pruebas: no es Meta; sigue lo que documenta Meta. Ctrl+C para detenerlo.');
const stop = () => void fake.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
