# syntax=docker/dockerfile:1
# Portico console image: the Next.js standalone server on Node 20, run as an unprivileged user
# with nothing written outside /tmp (works with readOnlyRootFilesystem). See deploy/README.md.
#
#   docker build -t portico:0.1.0 .
#   docker run --read-only --tmpfs /tmp -p 3000:3000 -v ~/.kube/config:/etc/portico/kubeconfig:ro \
#     -e PORTICO_KUBECONFIG=/etc/portico/kubeconfig portico:0.1.0

ARG NODE_IMAGE=node:20-slim

# ---- dependencies: exactly the lockfile, with the toolchain native modules may need ----------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# ---- build: the standalone output (next.config.js switches on PORTICO_STANDALONE=1) ----------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# public/ is optional in the source tree; the runtime stage copies it unconditionally.
RUN PORTICO_STANDALONE=1 npx next build && mkdir -p public

# ---- runtime: server.js + traced node_modules, static assets, public ------------------------
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    HOME=/tmp \
    NEXT_TELEMETRY_DISABLED=1
# A fixed numeric uid/gid so Kubernetes can verify runAsNonRoot without reading /etc/passwd.
RUN groupadd --system --gid 10001 portico \
  && useradd --system --uid 10001 --gid 10001 --home-dir /tmp --no-create-home --shell /usr/sbin/nologin portico
# Files stay owned by root: the server cannot modify its own code even if the filesystem is writable.
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/public ./public
USER 10001:10001
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# V8 heap settings of the console server: scripts/lib/console-node.ts says why (console-node.test.ts keeps them equal).
CMD ["node", "--max-semi-space-size=2", "--heap-growing-percent=20", "server.js"]
