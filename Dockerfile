# Foreman's container image: `scripts/build-image.sh` builds it (docker, or buildah without a daemon).
# Node.js runs the TypeScript sources directly (type stripping), so the image holds no build output.

# The production dependencies, installed from the lockfile.
FROM node:24-bookworm-slim AS dependencies
WORKDIR /app
COPY package.json package-lock.json ./
# The lockfile names the sandbox workspace (a test tool, left out); its manifest keeps the lockfile whole.
COPY packages/sandbox/package.json packages/sandbox/package.json
RUN npm ci --omit=dev --workspaces=false --ignore-scripts --no-audit --no-fund

# The runtime: git for the agents' workspace, bubblewrap and util-linux for the local checks.
FROM node:24-bookworm-slim
RUN apt-get update \
  && apt-get install -y --no-install-recommends git bubblewrap util-linux ca-certificates \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=dependencies /app/node_modules ./node_modules
COPY package.json app.yml LICENSE ./
COPY prompts ./prompts
COPY src ./src
RUN mkdir /data && chown node:node /data
USER node
ENV NODE_ENV=production \
  PORT=3000 \
  FOREMAN_DB_PATH=/data/foreman.db \
  FOREMAN_ENV_FILE=/data/.env
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "src/main.ts"]
