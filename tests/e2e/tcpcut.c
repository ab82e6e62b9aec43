/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * tcpcut.c - a loopback TCP relay that cuts connections, for fault tests.
 *
 *   tcpcut LISTEN_PORT TARGET_PORT LIFETIME_S CUT...
 *
 * Listens on 127.0.0.1:LISTEN_PORT and relays every connection to
 * 127.0.0.1:TARGET_PORT.  The Nth connection is cut (both sockets closed
 * abruptly, with RST) once CUT[N] bytes have passed in either direction;
 * connections after the listed cuts are relayed untouched; a CUT of 0
 * refuses the connection outright.  Exits after LIFETIME_S seconds, so a
 * forgotten relay never outlives its test.  Only 127.0.0.1 is ever used.
 * One connection at a time (the agent makes one), single-threaded, poll().
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static int parse_num(const char *s, unsigned long max, unsigned long *out)
{
    unsigned long v = 0;

    if (!*s) {
        return -1;
    }
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || v > max / 10) {
            return -1;
        }
        v = v * 10 + (unsigned long)(*s - '0');
    }
    if (v > max) {
        return -1;
    }
    *out = v;
    return 0;
}

static struct sockaddr_in loopback(unsigned long port)
{
    struct sockaddr_in sa;

    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_port = htons((unsigned short)port);
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return sa;
}

/* Close with RST, as a pulled cable or a crashed middlebox would look. */
static void hard_close(int fd)
{
    struct linger l = { 1, 0 };

    (void)setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
    close(fd);
}

int main(int argc, char **argv)
{
    unsigned long lport, tport, life, cuts[64];
    int ncuts = 0, i, lfd, one = 1;
    unsigned long conn = 0;
    struct sockaddr_in sa;
    time_t end;

    if (argc < 4 || parse_num(argv[1], 65535, &lport) || parse_num(argv[2], 65535, &tport) ||
        parse_num(argv[3], 3600, &life) || argc - 4 > 64) {
        fputs("usage: tcpcut LISTEN_PORT TARGET_PORT LIFETIME_S CUT...\n", stderr);
        return 2;
    }
    for (i = 4; i < argc; i++) {
        if (parse_num(argv[i], 1UL << 30, &cuts[ncuts++])) {
            fputs("tcpcut: bad cut\n", stderr);
            return 2;
        }
    }
    end = time(NULL) + (time_t)life;
    lfd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sa = loopback(lport);
    (void)setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (lfd < 0 || bind(lfd, (struct sockaddr *)&sa, sizeof sa) != 0 || listen(lfd, 8) != 0) {
        perror("tcpcut: listen");
        return 1;
    }
    while (time(NULL) < end) {
        struct pollfd lp = { lfd, POLLIN, 0 };
        int c, s;
        unsigned long passed = 0, limit;
        int cut;

        if (poll(&lp, 1, 500) <= 0) {
            continue;
        }
        c = accept(lfd, NULL, NULL);
        if (c < 0) {
            continue;
        }
        cut = conn < (unsigned long)ncuts;
        limit = cut ? cuts[conn] : 0;
        conn++;
        if (cut && limit == 0) {
            fprintf(stderr, "tcpcut: connection %lu refused\n", conn);
            hard_close(c);
            continue;
        }
        s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sa = loopback(tport);
        if (s < 0 || connect(s, (struct sockaddr *)&sa, sizeof sa) != 0) {
            hard_close(c);
            if (s >= 0) {
                close(s);
            }
            continue;
        }
        for (;;) {
            struct pollfd p[2] = { { c, POLLIN, 0 }, { s, POLLIN, 0 } };
            char buf[4096];
            int k, r;

            if (time(NULL) >= end) {
                break;
            }
            r = poll(p, 2, 500);
            if (r < 0 && errno != EINTR) {
                break;
            }
            if (r <= 0) {
                continue;
            }
            for (k = 0; k < 2; k++) {
                ssize_t n, w;
                size_t want = sizeof buf;

                if (!(p[k].revents & (POLLIN | POLLHUP | POLLERR))) {
                    continue;
                }
                if (cut && limit - passed < want) {
                    want = limit - passed;
                }
                n = read(p[k].fd, buf, want);
                if (n <= 0) {
                    goto done;
                }
                w = write(p[1 - k].fd, buf, (size_t)n);
                if (w != n) {
                    goto done;
                }
                passed += (unsigned long)n;
                if (cut && passed >= limit) {
                    fprintf(stderr, "tcpcut: connection %lu cut after %lu bytes\n", conn, passed);
                    goto done;
                }
            }
        }
done:
        hard_close(c);
        hard_close(s);
    }
    close(lfd);
    return 0;
}
