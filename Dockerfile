# recrutement-bot: the Probot app in a small image, run as a non-root user.
# Build: docker build -t recrutement-bot .   Run: docker run --env-file .env -p 3000:3000 recrutement-bot
#
# Two stages: the first installs everything (esbuild, a development dependency) and builds the
# bundles (`npm run build`, dist/); the second holds dist/ only (each bundle carries the packages
# it uses: no node_modules) and runs compiled JavaScript with node, no TypeScript at run time.

FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts ./scripts
COPY src ./src
COPY bin ./bin
RUN npm run build

FROM node:24-bookworm-slim

ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    CLOSING_SCHEDULE=on

WORKDIR /app
# The bundles hold every package they use: no node_modules in the image. Probot reads the
# name and version in package.json, and app.yml.
COPY package.json app.yml ./
COPY --from=build /app/dist ./dist

USER node
EXPOSE 3000
# Probot answers GET /ping with "PONG".
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/ping').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/server.js"]
