# Node 24 (active LTS), as in .nvmrc and package.json's engines.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# `npm run build` compiles the app and builds the admin console (Vite, a development dependency) into
# dist/admin, which the app serves at /admin. Production dependencies only: the embedded PostgreSQL
# (a development dependency, ~60 MB) stays out; the image needs DATABASE_URL.
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/scripts ./scripts
COPY --from=build /app/package.json ./
USER node
EXPOSE 3000
# Tools in the image run from the build, with no dev dependencies and no src/:
#   docker compose exec app npm run admin:create -- admin@example.com   (ADMIN_PASSWORD in the environment)
#   docker compose exec app npm run seed
CMD ["node", "dist/src/main.js"]
