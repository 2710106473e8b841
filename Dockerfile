# syntax=docker/dockerfile:1
#
# syscorr container image: the syslog receiver appliance with its SEC-compatible correlator.
#
#   docker build -t syscorr .
#   docker run -d --name syscorr \
#     -p 514:514/udp -p 514:514/tcp -p 127.0.0.1:8514:8514 \
#     -v "$PWD/my-rules:/etc/syscorr:ro" -v syscorr-state:/var/lib/syscorr \
#     -e SYSCORR_SMTP_URL=smtp://mail.example.net:25 \
#     syscorr
#   docker run --rm -v "$PWD/my-rules:/etc/syscorr:ro" syscorr --testonly --conf='/etc/syscorr/*.sec'
#
# Layout inside the image (deploy/README.md explains every choice):
#   /app              the program (dist/, production node_modules, shipped config/)
#   /etc/syscorr      rule files (*.sec) and syscorr.rc (extra options, SEC's SECRC file);
#                     ships the default rulesets; mount your own directory over it
#   /var/lib/syscorr  state: the dump file (SIGUSR1) and the pid file; mount a volume here
#
# Ports 514 (syslog UDP/TCP), 6514 (syslog over TLS, RFC 5425) and 8514 (metrics and the health
# endpoints) are bound inside the container by an unprivileged user. That works because
# Docker (20.10+), Podman and containerd 2 set net.ipv4.ip_unprivileged_port_start=0 in a
# container's own network namespace; deploy/compose.yaml and the Kubernetes manifest set it
# explicitly. No capability and no file capability (setcap) is needed.

# ---- build: compile TypeScript with the full dev toolchain (Node 20, as in CI) ----------------
FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
# --ignore-scripts: the package's prepare script runs the build, which needs the sources that
# are copied below; the build runs explicitly right after.
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# ---- runtime: a supported Node LTS (Node 20 is end-of-life), production dependencies only -----
FROM node:24-bookworm-slim AS runtime

ARG VERSION=0.1.0
ARG REVISION=unknown
ARG CREATED=unknown
ARG SOURCE=
LABEL org.opencontainers.image.title="syscorr" \
      org.opencontainers.image.description="Syslog receiver appliance with a SEC-compatible event correlation engine" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}" \
      org.opencontainers.image.source="${SOURCE}" \
      org.opencontainers.image.licenses="GPL-2.0-or-later" \
      org.opencontainers.image.base.name="docker.io/library/node:24-bookworm-slim"

# tini runs as PID 1: it forwards SIGTERM/SIGHUP/SIGUSR1/SIGUSR2 to syscorr (which reloads and
# dumps on them, as SEC does) and reaps orphaned grandchildren of the shell commands that rules
# start (pipe, spawn, shellcmd), which node as PID 1 would leave as zombies.
# The account has a fixed numeric id so that Kubernetes' runAsNonRoot can verify it.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10514 syscorr \
 && useradd --system --uid 10514 --gid syscorr --home-dir /var/lib/syscorr \
      --no-create-home --shell /usr/sbin/nologin syscorr \
 && install -d -o syscorr -g syscorr -m 0750 /var/lib/syscorr \
 && install -d -m 0755 /etc/syscorr

WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# The same lock file as the build; no install scripts run in the runtime image.
RUN npm ci --omit=dev --ignore-scripts \
 && npm cache clean --force
COPY --from=build /src/dist ./dist
COPY config ./config

# The defaults an operator's mount replaces: the shipped rulesets and an options file.
COPY config/*.sec /etc/syscorr/
COPY deploy/docker/syscorr.rc /etc/syscorr/syscorr.rc
# OPT-secrc: SEC (and syscorr) append the lines of the file named by SECRC to the command line.
ENV SECRC=/etc/syscorr/syscorr.rc

USER 10514:10514
EXPOSE 514/udp 514/tcp 6514/tcp 8514/tcp

# Exec form, no shell and no curl in a slim image: node itself asks /-/ready (rules loaded and
# listeners bound) and exits 0 only on HTTP 200.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "const r = require('node:http').get('http://127.0.0.1:8514/-/ready', (s) => process.exit(s.statusCode === 200 ? 0 : 1)); r.on('error', () => process.exit(1)); r.setTimeout(4000, () => process.exit(1));"]

# SIGTERM is SEC's "terminate" (children get SIGTERM too); compose and Kubernetes give it time.
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/bin/tini", "--", "node", "/app/dist/main.js"]
CMD ["--conf=/etc/syscorr/*.sec", \
     "--input=udp://0.0.0.0:514", \
     "--input=tcp://0.0.0.0:514", \
     "--metrics=0.0.0.0:8514", \
     "--dump=/var/lib/syscorr/syscorr.dump", \
     "--pid=/var/lib/syscorr/syscorr.pid"]
