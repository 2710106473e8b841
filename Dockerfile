# syscorr container image. Build: docker build -t syscorr .
# Run a rule check:  docker run --rm -v "$PWD/rules:/rules:ro" syscorr --testonly --conf='/rules/*.sec'
# Started without --conf/--input it runs its embedded default (shipped rules, example input).

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY config ./config
USER node
ENTRYPOINT ["node", "/app/dist/main.js"]
