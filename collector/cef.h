/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef IOTHUNT_COLLECTOR_CEF_H
#define IOTHUNT_COLLECTOR_CEF_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include <jansson.h>

#ifndef IOTHUNT_VERSION
#define IOTHUNT_VERSION "0.1.0"
#endif

/* Longest CEF record and syslog frame we produce (rsyslog's default limit is 8 KiB). */
#define CEF_RECORD_MAX 7168
#define CEF_FRAME_MAX 8192

enum cef_syslog_format {
	CEF_SYSLOG_RFC5424 = 0,
	CEF_SYSLOG_RFC3164 = 1
};

enum cef_tcp_framing {
	CEF_FRAMING_OCTET = 0,   /* RFC 6587 octet counting: "LEN SP MSG" */
	CEF_FRAMING_LF = 1       /* RFC 6587 non-transparent: "MSG LF" */
};

/*
 * Map a finding severity (low|medium|high|critical) to the CEF 0-10 scale:
 * 3, 5, 8, 10. Anything else maps to 5.
 */
int cef_map_severity(const char *severity);

/*
 * Format one stored finding as a CEF record (no syslog header, no newline):
 *   CEF:0|iothunt|iothunt|VERSION|<type>|<summary>|<severity 0-10>|<extensions>
 * Header fields escape '\' and '|' and turn CR/LF into spaces; extension
 * values escape '\', '=', CR (\r) and LF (\n); other control characters
 * become spaces. Extensions (each only when the finding has the field):
 *   rt (rt_ms), start (ts * 1000), act (action, default "detected"),
 *   dvchost (host, default agent), deviceExternalId (agent), src/spt (local),
 *   dst/dpt (remote), fname (exe), fileHash (sha256), dvcpid (pid),
 *   msg (summary), cn1 seq, cs1 rule, cs2 ioc, cs3 ioc_source, cs4 cmdline,
 *   cs5 md5, cs6 sha1, with cn1Label/csNLabel naming them.
 * Long values are cut (summary 512 bytes, others 1024) on a UTF-8 boundary.
 * Writes at most cap bytes including a NUL; *len gets the record length.
 * Returns 0, or -ENOSPC if the record does not fit, -EINVAL if obj has no
 * string "type".
 */
int cef_format_finding(json_t *obj, const char *agent, int64_t rt_ms,
    char *buf, size_t cap, size_t *len);

/*
 * Wrap a record in a syslog header (facility local4, severity from the CEF
 * severity) and, for TCP, frame it.
 *   RFC 5424: <PRI>1 TIMESTAMP HOST iothunt - CEF - MSG
 *   RFC 3164: <PRI>Mmm dd hh:mm:ss HOST iothunt: MSG
 * tcp 0: a datagram (no framing). tcp 1: framing per `framing`.
 * Returns 0 with *len set, or -ENOSPC.
 */
int cef_frame_syslog(enum cef_syslog_format format, int tcp,
    enum cef_tcp_framing framing, int cef_severity, time_t now,
    const char *host, const char *rec, size_t rec_len, char *buf, size_t cap,
    size_t *len);

struct cef_sender;

struct cef_sender_config {
	const char *url;                 /* udp://IP:PORT or tcp://IP:PORT */
	enum cef_syslog_format format;
	enum cef_tcp_framing framing;
	size_t queue_max;                /* frames held while the peer is slow */
};

struct cef_sender_stats {
	uint64_t queued;
	uint64_t sent;
	uint64_t dropped;   /* queue full, peer down, or send error */
};

/*
 * Parse cfg->url and start the sender thread. Sending never blocks the
 * caller: cef_sender_send formats and queues; the thread writes to the peer,
 * with connect/send timeouts and a reconnect backoff for TCP. When the queue
 * is full the new record is dropped and counted. Returns 0 with *out, or
 * -EINVAL (bad url), -ENOMEM, or a negative errno from pthread_create.
 */
int cef_sender_start(const struct cef_sender_config *cfg,
    struct cef_sender **out);

/*
 * Format obj (see cef_format_finding) and queue it. Thread-safe.
 * Returns 0 if queued, -ENOBUFS if dropped because the queue is full, or the
 * formatting error; every failure is counted as dropped.
 */
int cef_sender_send(struct cef_sender *s, json_t *obj, const char *agent,
    int64_t rt_ms);

/* Copy the counters. Thread-safe. */
void cef_sender_get_stats(struct cef_sender *s, struct cef_sender_stats *st);

/*
 * Stop the thread, giving it up to flush_ms to send what is queued; what is
 * left is counted as dropped. The final counters go to *last when it is not
 * NULL. Frees s. NULL s is a no-op.
 */
void cef_sender_stop(struct cef_sender *s, int flush_ms,
    struct cef_sender_stats *last);

#endif
