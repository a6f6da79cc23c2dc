# Tablero de instalaciones: imagen de producción (ver docs/deploy.md, «Contenedor»).
# Debian con Chromium y fuentes del sistema para los PDF; corre como usuario sin privilegios.
FROM node:20-bookworm-slim

ENV DEBIAN_FRONTEND=noninteractive \
	NODE_ENV=production \
	CHROMIUM_PATH=/usr/bin/chromium \
	DATA_DIR=/app/data \
	PORT=3000 \
	HOST=0.0.0.0

RUN apt-get update \
	&& apt-get install -y --no-install-recommends chromium fonts-dejavu-core ca-certificates tini \
	&& rm -rf /var/lib/apt/lists/* \
	&& groupadd --system tablero \
	&& useradd --system --gid tablero --home-dir /app --shell /usr/sbin/nologin tablero

WORKDIR /app

# Dependencias primero (capa que se reutiliza mientras package-lock.json no cambie). Se instalan también
# las de desarrollo: vite compila la app y tsx corre las herramientas (respaldo, restauración, org:create).
COPY package.json package-lock.json ./
COPY src/patches ./src/patches
RUN npm ci --no-audit --no-fund --loglevel=error --include=dev

COPY . .
# Compila y deja las marcas que `npm start` revisa, para que al arrancar no instale ni compile nada.
RUN node --input-type=module -e "const env = await import('./src/cli/env.js'); env.ensureDependencies(); env.ensureBuild();" \
	&& mkdir -p /app/data \
	&& chown -R tablero:tablero /app/data

USER tablero
EXPOSE 3000
VOLUME ["/app/data"]

HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
	CMD ["node", "-e", "fetch('http://127.0.0.1:3000/healthz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# tini como PID 1 recoge los procesos de Chromium huérfanos; la forma exec entrega SIGTERM al supervisor.
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "src/cli/start.js"]
