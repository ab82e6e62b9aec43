/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * config.h - the agent's one configuration file (default /etc/iothunt.conf),
 * used by `report`, `daemon` and `selftest`.  Every key is documented in
 * docs/CONFIG.md.  The device's identity is not configurable: it is the CN
 * of its client certificate.
 */
#ifndef IOTHUNT_CONFIG_H
#define IOTHUNT_CONFIG_H

#include <stddef.h>
#include <stdint.h>

#define CONFIG_DEFAULT_PATH "/etc/iothunt.conf"
#define CONFIG_FILE_MAX     (16 * 1024)
#define CONFIG_LINE_MAX     512
#define CONFIG_PATH_MAX     240
#define CONFIG_HOST_MAX     128
#define CONFIG_USER_MAX     32
#define CONFIG_MAX_LISTS    16      /* rules / iocs entries (SCAN_MAX_PATHS) */
#define CONFIG_MAX_COLLECTORS 4     /* entries of `collector`, tried in order */

struct config {
    char host[CONFIG_HOST_MAX];             /* collector in use (name, IPv4, IPv6) */
    uint16_t port;                          /* 0: collector not set */
    char host_list[CONFIG_MAX_COLLECTORS][CONFIG_HOST_MAX];  /* `collector`, in order */
    uint16_t port_list[CONFIG_MAX_COLLECTORS];
    unsigned n_collectors;
    char server_name[CONFIG_HOST_MAX];      /* "": the collector host */
    char ca[CONFIG_PATH_MAX];
    char cert[CONFIG_PATH_MAX];
    char key[CONFIG_PATH_MAX];
    char spool_path[CONFIG_PATH_MAX];
    char state_path[CONFIG_PATH_MAX];       /* "": no seq ceiling file */
    uint64_t spool_max_bytes;
    int spool_sync;
    uint32_t interval;                      /* seconds between daemon cycles */
    uint32_t jitter;                        /* +- random seconds per cycle */
    uint32_t timeout;                       /* seconds per network step */
    uint32_t backoff_max;                   /* seconds, cap of the retry delay */
    uint32_t batch_max_bytes;               /* request body cap */
    char rules[CONFIG_MAX_LISTS][CONFIG_PATH_MAX];
    unsigned n_rules;
    char iocs[CONFIG_MAX_LISTS][CONFIG_PATH_MAX];
    unsigned n_iocs;
    char allow[CONFIG_PATH_MAX];
    char root[CONFIG_PATH_MAX];             /* "": the live device */
    int builtin;                            /* use the compiled-in rules and IOCs */
    int resolve;                            /* resolve IOC domains with DNS */
    char user[CONFIG_USER_MAX];             /* the network half's user or uid */
    char bundle[CONFIG_PATH_MAX];           /* active intel bundle ("": none) */
    char bundle_key[CONFIG_PATH_MAX];       /* trusted bundle signing keys (PEM) */
    char bundle_key_next[CONFIG_PATH_MAX];  /* ... the next one, for rotation */
    uint32_t bundle_max_bytes;              /* size cap of a bundle */
    uint32_t bundle_interval;               /* seconds between daemon bundle checks, 0: never */
};

/* Fill C with the defaults of docs/CONFIG.md (no collector, no paths). */
void config_defaults(struct config *c);

/*
 * Parse the text BUF[0..LEN) of config file FILE into C (which should hold
 * config_defaults first).  Every bad line is reported with
 * util_diag(FILE, line, ...); the result is IH_OK or IH_EPARSE (C is then
 * partly filled and must not be used).
 */
int config_parse(const char *buf, size_t len, const char *file, struct config *c);

/*
 * Read PATH (at most CONFIG_FILE_MAX bytes, opened with util_open_ro) and
 * parse it over the defaults into C.  IH_OK, IH_ENOENT, IH_EIO, IH_ETOOBIG,
 * IH_EPARSE; every failure is reported on stderr naming PATH.
 */
int config_load(const char *path, struct config *c);

/* Make collector IDX of the list (< n_collectors) the one in use (host, port). */
void config_use_collector(struct config *c, unsigned idx);

/*
 * Check that C holds what delivery needs (collector, ca, cert, key),
 * reporting each missing key against FILE.  IH_OK or IH_EINVAL.
 */
int config_check_delivery(const struct config *c, const char *file);

#endif
