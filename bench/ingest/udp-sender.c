/*
 * udp-sender: offers syslog datagrams at a fixed rate, for the ingest benchmark (bench/ingest).
 *
 *   udp-sender HOST PORT RATE SECONDS FILE
 *
 * Sends the lines of FILE (one datagram each, cycling) to HOST:PORT at RATE datagrams per
 * second (0: as fast as it can) for SECONDS, in batches of up to 64 through sendmmsg(2), and
 * prints "sent N seconds S errors E". PORT 0 sends to a socket of its own that is never read
 * (the kernel drops what does not fit): that measures the sender alone.
 *
 * Written in C because Node's dgram cannot offer more than about 130,000 datagrams/s on one
 * core, less than rsyslog receives; the suite builds it with cc and falls back to a Node
 * sender when no compiler is installed.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define BATCH 64
#define MAX_MESSAGES 65536
#define MAX_LEN 2048

static double now_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Reads up to MAX_MESSAGES lines of FILE into iovecs; returns how many. */
static int read_messages(const char *path, struct iovec *iov) {
  FILE *f = fopen(path, "r");
  if (f == NULL) return -1;
  char line[MAX_LEN];
  int n = 0;
  while (n < MAX_MESSAGES && fgets(line, sizeof line, f) != NULL) {
    size_t len = strcspn(line, "\n");
    if (len == 0) continue;
    iov[n].iov_base = malloc(len);
    if (iov[n].iov_base == NULL) break;
    memcpy(iov[n].iov_base, line, len);
    iov[n].iov_len = len;
    n++;
  }
  fclose(f);
  return n;
}

/* A socket bound to 127.0.0.1:0 with a small receive buffer that nobody reads. */
static int sink_port(void) {
  int s = socket(AF_INET, SOCK_DGRAM, 0);
  int small = 4096;
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  socklen_t len = sizeof a;
  setsockopt(s, SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
  if (bind(s, (struct sockaddr *)&a, sizeof a) != 0 || getsockname(s, (struct sockaddr *)&a, &len) != 0)
    return -1;
  return ntohs(a.sin_port);
}

static int open_target(const char *host, int port) {
  int s = socket(AF_INET, SOCK_DGRAM, 0);
  int big = 4 << 20;
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((unsigned short)port)};
  if (s < 0 || inet_pton(AF_INET, host, &a.sin_addr) != 1) return -1;
  setsockopt(s, SOL_SOCKET, SO_SNDBUF, &big, sizeof big);
  if (connect(s, (struct sockaddr *)&a, sizeof a) != 0) return -1;
  return s;
}

int main(int argc, char **argv) {
  if (argc != 6) {
    fprintf(stderr, "usage: udp-sender HOST PORT RATE SECONDS FILE\n");
    return 2;
  }
  static struct iovec iov[MAX_MESSAGES];
  int count = read_messages(argv[5], iov);
  int port = atoi(argv[2]);
  double rate = atof(argv[3]), seconds = atof(argv[4]);
  if (count <= 0) {
    fprintf(stderr, "udp-sender: no messages in %s\n", argv[5]);
    return 2;
  }
  if (port == 0) port = sink_port();
  int s = open_target(argv[1], port);
  if (s < 0) {
    perror("udp-sender");
    return 2;
  }
  struct mmsghdr batch[BATCH];
  long long sent = 0, errors = 0;
  int next = 0;
  double start = now_seconds(), elapsed = 0;
  /* About 1,000 sends a second at most when paced: waking up more often would take the CPU
     the receiver under test needs (2 cores). */
  long long min_batch = rate > 0 ? (long long)(rate / 1000) : BATCH;
  if (min_batch < 1) min_batch = 1;
  if (min_batch > BATCH) min_batch = BATCH;
  while ((elapsed = now_seconds() - start) < seconds) {
    long long due = rate > 0 ? (long long)(rate * elapsed) + 1 - sent : BATCH;
    if (due < min_batch) {
      double wait = (double)(sent + min_batch) / rate - elapsed;
      if (wait > seconds - elapsed) wait = seconds - elapsed;
      if (wait > 0) {
        struct timespec pause = {(time_t)wait, (long)((wait - (double)(time_t)wait) * 1e9)};
        nanosleep(&pause, NULL);
      }
      continue;
    }
    int n = due < BATCH ? (int)due : BATCH;
    memset(batch, 0, sizeof batch);
    for (int i = 0; i < n; i++) {
      batch[i].msg_hdr.msg_iov = &iov[(next + i) % count];
      batch[i].msg_hdr.msg_iovlen = 1;
    }
    int done = sendmmsg(s, batch, (unsigned)n, 0);
    if (done < 0) {
      errors++;
      if (errno != EAGAIN && errno != ENOBUFS && errno != ECONNREFUSED && errno != EINTR) break;
      continue;
    }
    sent += done;
    next = (next + done) % count;
  }
  printf("sent %lld seconds %.6f errors %lld\n", sent, elapsed, errors);
  return 0;
}
