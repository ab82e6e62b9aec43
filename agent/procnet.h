/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * procnet.h - parser for /proc/net/{tcp,tcp6,udp,udp6,raw,raw6}.
 *
 * Pure: bytes in, entries out through a callback.  The kernel prints each
 * 32-bit word of an address with %08X of the word as it sits in memory, so
 * the hex is in the byte order of the machine that wrote the file: 127.0.0.1
 * is "7F000001" on a big-endian router and "0100007F" on x86.  Callers say
 * which order the file is in (see procnet_order_*); ports are always
 * printed in host order as numbers and need no care.
 */
#ifndef IOTHUNT_PROCNET_H
#define IOTHUNT_PROCNET_H

#include <stddef.h>
#include <stdint.h>

enum procnet_order {
    PROCNET_ORDER_UNKNOWN = 0,
    PROCNET_ORDER_BE,
    PROCNET_ORDER_LE
};

/* TCP states as the kernel numbers them (include/net/tcp_states.h). */
enum procnet_tcp_state {
    TCPS_ESTABLISHED = 1, TCPS_SYN_SENT, TCPS_SYN_RECV, TCPS_FIN_WAIT1,
    TCPS_FIN_WAIT2, TCPS_TIME_WAIT, TCPS_CLOSE, TCPS_CLOSE_WAIT,
    TCPS_LAST_ACK, TCPS_LISTEN, TCPS_CLOSING
};

struct procnet_entry {
    uint8_t family;         /* 4 or 6 */
    uint8_t state;          /* st column; for udp/raw the kernel's value */
    uint16_t lport, rport;  /* for raw sockets lport is the IP protocol */
    uint8_t laddr[16];      /* network byte order; IPv4 uses the first 4 */
    uint8_t raddr[16];
    uint32_t uid;
    uint64_t inode;
};

struct procnet_stats {
    unsigned long entries;  /* lines parsed into entries */
    unsigned long bad;      /* malformed lines skipped */
    unsigned long first_bad_line; /* 1-based line number of the first bad one */
};

/* Longest line accepted; a longer one is dropped as malformed, never cut. */
#define PROCNET_MAX_LINE 512

/*
 * Parse BUF[0..LEN) (the whole file; need not be NUL-terminated), written by
 * a machine of byte order ORDER (BE or LE), calling CB for every entry.
 * IPV6 selects 32-hex-digit addresses.  The header line is skipped; bad
 * lines, and a last line without its newline (truncated), are counted in
 * *ST (if not NULL) and skipped.  Returns IH_OK, or the
 * first non-zero value CB returned.
 */
int procnet_parse(const char *buf, size_t len, int ipv6, enum procnet_order order,
                  int (*cb)(void *ctx, const struct procnet_entry *e), void *ctx,
                  struct procnet_stats *st);

/* The byte order this program runs in. */
enum procnet_order procnet_order_native(void);

/*
 * Byte order of an ELF image from its header (EI_DATA), or UNKNOWN.  Under
 * --root the device's own binaries say which order its kernel writes in.
 */
enum procnet_order procnet_order_from_elf(const unsigned char *hdr, size_t len);

/*
 * Guess the byte order of a /proc/net/tcp-style file from its IPv4
 * addresses: loopback and private addresses read the right way round start
 * with 127, 10, 192.168 or 172.16-31.  UNKNOWN when the file says nothing.
 */
enum procnet_order procnet_order_guess(const char *buf, size_t len);

/*
 * Format an address and port as "a.b.c.d:port" or "[v6]:port" into OUT.
 * IPv4-mapped IPv6 addresses are printed as IPv4.  IH_OK or IH_ETRUNC.
 */
int procnet_format_endpoint(int family, const uint8_t *addr, uint16_t port, char *out, size_t n);

#endif
