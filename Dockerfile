# The study bot as an image (README, "Deployment"). Two build arguments choose the bases:
#   BASE_IMAGE   runs the bot: a slim Node 20 (default node:20-bookworm-slim)
#   BUILD_IMAGE  builds it: Node 20 with npm, python3, make and g++ for better-sqlite3 (default node:20-bookworm)
# Without a registry, deploy/base-images.sh makes both from Debian's packages and this machine's node.
ARG BASE_IMAGE=node:20-bookworm-slim
ARG BUILD_IMAGE=node:20-bookworm

FROM ${BUILD_IMAGE} AS deps
WORKDIR /src
# A static busybox, for building the sandbox image FROM scratch through the sandbox engine's API.
RUN command -v busybox >/dev/null \
 || (apt-get update && apt-get install -y --no-install-recommends busybox-static && rm -rf /var/lib/apt/lists/*)
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY tsconfig.json tsconfig.build.json ./
COPY scripts/build-sandbox-image.ts ./scripts/
COPY src ./src
RUN npm run build

# Production dependencies only (a stage of its own, so a change in src/ does not redo it), without what
# nothing reads at run time: better-sqlite3's sources and object files (the compiled .node stays), type
# declarations, source maps and TypeScript sources.
FROM deps AS prod-deps
RUN npm prune --omit=dev --no-audit --no-fund \
 && cd node_modules/better-sqlite3 && rm -rf deps src build/deps build/Release/obj* build/Release/.deps \
      build/Release/test_extension.node build/Release/sqlite3.a && cd /src \
 && find node_modules -type f \( -name '*.ts' -o -name '*.mts' -o -name '*.cts' -o -name '*.map' \) -delete \
 && mkdir -p /out/bin && cp "$(command -v busybox)" /out/bin/busybox

FROM ${BASE_IMAGE}
ENV NODE_ENV=production \
    KNOWLEDGE_DIR=/app/knowledge \
    DATABASE_PATH=/data/bot.sqlite \
    CONSOLE_OUTPUT_DIR=/data/console \
    EMBEDDING_CACHE_PATH=/data/embeddings.json \
    HEALTH_PORT=8079 \
    BUSYBOX_PATH=/app/bin/busybox
# A user of its own, no login; the code stays root-owned (read-only to the bot), only /data is writable.
RUN groupadd --system --gid 10001 studybot \
 && useradd --system --uid 10001 --gid studybot --home-dir /data --no-create-home --shell /usr/sbin/nologin studybot \
 && mkdir -p /data && chown studybot:studybot /data
WORKDIR /app
COPY --from=prod-deps /src/package.json ./
COPY --from=prod-deps /src/node_modules ./node_modules
COPY --from=prod-deps /out/bin ./bin
COPY --from=build /src/dist ./dist
# Baked in; mount a folder over /app/knowledge to serve your own.
COPY knowledge ./knowledge
USER studybot
VOLUME ["/data"]
# The bot closes its sandbox containers and the database on SIGTERM (docker stop, compose down).
STOPSIGNAL SIGTERM
# Ready = the front end can take commands (gateway connected, or console reading) and the database is writable.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 CMD ["node", "dist/src/health/probe.js"]
CMD ["node", "dist/src/main.js"]
