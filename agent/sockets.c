#include "sockets.h"
#include "util.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *const proto_names[SP__COUNT] = { "tcp", "tcp6", "udp", "udp6", "raw", "raw6" };
static const char *const proto_files[SP__COUNT] = {
    "/proc/net/tcp", "/proc/net/tcp6", "/proc/net/udp",
    "/proc/net/udp6", "/proc/net/raw", "/proc/net/raw6"
};

/* Largest /proc/net file read (5,000 sockets are ~750 KiB of text). */
#define SOCKETS_FILE_MAX (16u << 20)

const char *sockets_proto_name(enum sock_proto p)
{
    return (unsigned)p < SP__COUNT ? proto_names[p] : "?";
}

const char *sockets_state_name(enum sock_proto p, uint8_t state)
{
    static const char *const tcp[] = {
        "", "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2",
        "TIME_WAIT", "CLOSE", "CLOSE_WAIT", "LAST_ACK", "LISTEN", "CLOSING"
    };

    if ((p == SP_TCP || p == SP_TCP6) && state < sizeof tcp / sizeof tcp[0]) {
        return tcp[state];
    }
    return "";
}

struct add_ctx {
    struct sock_table *t;
    enum sock_proto p;
};

static int sockets_add_cb(void *ctx, const struct procnet_entry *e)
{
    struct add_ctx *a = ctx;
    struct sock_table *t = a->t;

    if (t->n == t->cap) {
        size_t ncap = t->cap ? t->cap * 2 : 64;
        struct sock_rec *nv;

        if (t->cap >= SOCKETS_MAX) {
            return IH_ETOOBIG;
        }
        if (ncap > SOCKETS_MAX) {
            ncap = SOCKETS_MAX;
        }
        nv = realloc(t->v, ncap * sizeof *nv);
        if (!nv) {
            return IH_ENOMEM;
        }
        t->v = nv;
        t->cap = ncap;
    }
    t->v[t->n].e = *e;
    t->v[t->n].proto = a->p;
    t->v[t->n].pid = 0;
    t->n++;
    return 0;
}

int sockets_add_buffer(struct sock_table *t, enum sock_proto p, const char *buf, size_t len)
{
    struct add_ctx a = { t, p };
    struct procnet_stats st;
    int ipv6 = (p == SP_TCP6 || p == SP_UDP6 || p == SP_RAW6);
    int rc;

    rc = procnet_parse(buf, len, ipv6, t->order, sockets_add_cb, &a, &st);
    t->bad += st.bad;
    return rc;
}

/*
 * Live byte-order probe.  Under qemu-user a big-endian agent reads the
 * host's /proc/net files, which are little-endian; on a router they are
 * big-endian.  Rather than trust the build, ask the kernel: connect a UDP
 * socket (no packet is sent by connect) to 127.1.2.3, an address whose two
 * byte orders differ, find our socket's line by its inode and see how the
 * kernel printed the peer.
 */
static enum procnet_order sockets_probe_order(const struct root *r)
{
    enum procnet_order found = PROCNET_ORDER_UNKNOWN;
    struct sockaddr_in sa;
    struct stat st;
    char path[ROOT_PATH_MAX];
    char *buf = NULL;
    size_t len, pos = 0;
    char ino[24];
    int fd;

    fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        return PROCNET_ORDER_UNKNOWN;
    }
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_port = htons(9);
    sa.sin_addr.s_addr = htonl(0x7f010203u);
    if (connect(fd, (struct sockaddr *)&sa, sizeof sa) != 0 || fstat(fd, &st) != 0) {
        goto out;
    }
    if (root_path(r, "/proc/net/udp", path, sizeof path) != IH_OK ||
        util_read_file(path, SOCKETS_FILE_MAX, &buf, &len) != IH_OK) {
        goto out;
    }
    if (util_fmt(ino, sizeof ino, " %lu ", (unsigned long)st.st_ino) != IH_OK) {
        goto out;
    }
    while (pos < len) {
        char *nl = memchr(buf + pos, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - (buf + pos)) : len - pos;
        char *line = buf + pos;

        pos += n + 1;
        if (!util_memmem(line, n, ino, strlen(ino))) {
            continue;
        }
        if (util_memmem(line, n, " 7F010203:0009 ", 15)) {
            found = PROCNET_ORDER_BE;
        } else if (util_memmem(line, n, " 0302017F:0009 ", 15)) {
            found = PROCNET_ORDER_LE;
        }
        break;
    }
out:
    free(buf);
    close(fd);
    return found;
}

/* Byte order of a --root image: its own binaries' ELF header. */
static enum procnet_order sockets_elf_order(const struct root *r)
{
    static const char *const cand[] = { "/bin/busybox", "/sbin/init", "/bin/sh", "/proc/1/exe" };
    size_t i;

    for (i = 0; i < sizeof cand / sizeof cand[0]; i++) {
        char path[ROOT_PATH_MAX];
        unsigned char hdr[16];
        enum procnet_order o;
        ssize_t got;
        int fd;

        if (root_path(r, cand[i], path, sizeof path) != IH_OK ||
            util_open_ro(path, 1, &fd, NULL) != IH_OK) {
            continue;
        }
        got = read(fd, hdr, sizeof hdr);
        close(fd);
        if (got < 6) {
            continue;
        }
        o = procnet_order_from_elf(hdr, (size_t)got);
        if (o != PROCNET_ORDER_UNKNOWN) {
            return o;
        }
    }
    return PROCNET_ORDER_UNKNOWN;
}

int sockets_load(const struct root *r, struct sock_table *t)
{
    char *bufs[SP__COUNT] = { 0 };
    size_t lens[SP__COUNT] = { 0 };
    int p, rc = IH_OK;

    memset(t, 0, sizeof *t);
    for (p = 0; p < SP__COUNT; p++) {
        char path[ROOT_PATH_MAX];

        if (root_path(r, proto_files[p], path, sizeof path) != IH_OK ||
            util_read_file(path, SOCKETS_FILE_MAX, &bufs[p], &lens[p]) != IH_OK) {
            bufs[p] = NULL;
            t->missing++;
        }
    }
    if (root_is_live(r)) {
        t->order = sockets_probe_order(r);
        t->order_how = "probe";
    } else {
        t->order = sockets_elf_order(r);
        t->order_how = "elf";
    }
    if (t->order == PROCNET_ORDER_UNKNOWN && bufs[SP_TCP]) {
        t->order = procnet_order_guess(bufs[SP_TCP], lens[SP_TCP]);
        t->order_how = "guess";
    }
    if (t->order == PROCNET_ORDER_UNKNOWN) {
        /* a live kernel writes in the order we run in; images are routers */
        t->order = root_is_live(r) ? procnet_order_native() : PROCNET_ORDER_BE;
        t->order_how = "default";
    }
    for (p = 0; p < SP__COUNT; p++) {
        if (bufs[p]) {
            rc = sockets_add_buffer(t, (enum sock_proto)p, bufs[p], lens[p]);
            if (rc != IH_OK) {
                break;
            }
        }
    }
    for (p = 0; p < SP__COUNT; p++) {
        free(bufs[p]);
    }
    return rc;
}

struct sock_rec *sockets_find_inode(struct sock_table *t, uint64_t inode)
{
    size_t i;

    for (i = 0; i < t->n; i++) {
        if (t->v[i].e.inode == inode) {
            return &t->v[i];
        }
    }
    return NULL;
}

void sockets_free(struct sock_table *t)
{
    free(t->v);
    memset(t, 0, sizeof *t);
}
