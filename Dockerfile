# recrutement-bot: the Probot app in a small image, run as a non-root user.
# Build: docker build -t recrutement-bot .   Run: docker run --env-file .env -p 3000:3000 recrutement-bot
FROM node:20-bookworm-slim

ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    CLOSING_SCHEDULE=on

WORKDIR /app
# Dependencies first, for layer caching. --ignore-scripts: no install script runs in the image
# (tsx, a runtime dependency, runs the TypeScript sources without a build step).
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force

COPY app.yml tsconfig.json ./
COPY src ./src

USER node
EXPOSE 3000
# Probot answers GET /ping with "PONG".
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/ping').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--import", "tsx", "src/main.ts"]
