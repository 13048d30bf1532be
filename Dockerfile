# The Node host in a container: `npm start` with its cache on local disk (or Redis, with REDIS_URL),
# run as a user without privileges, with a health check a load balancer or Docker can poll.
#   docker build --build-arg SITE_URL=https://example.org -t inkwell .
#   docker run -p 3000:3000 -v "$PWD/content:/app/content:ro" inkwell
# Every step of the runtime stage is tested without Docker in tests/e2e/install.test.mjs.

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
ARG SITE_URL
ARG PRERENDER_NEWEST
ARG BUILD_ID
RUN npm run build && rm -rf .next/cache

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
# Pages rendered on demand write the public origin too, so the server needs the build's SITE_URL.
ARG SITE_URL
ENV SITE_URL=${SITE_URL} NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOSTNAME=0.0.0.0 PORT=3000
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/next.config.js ./next.config.js
COPY --from=build /app/lib ./lib
COPY --from=build /app/public ./public
COPY --from=build /app/content ./content
COPY --from=build --chown=node:node /app/.next ./.next
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "lib/server/server.mjs"]
