/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * httpc.h - HTTP/1.1 client framing for the agent's one request
 * (POST /v1/findings, DESIGN.md section 5): the request head, and a bounded
 * parser of the collector's response.  Pure: bytes in, struct out; the
 * transport feeds it, and so does a fuzzer.
 */
#ifndef IOTHUNT_HTTPC_H
#define IOTHUNT_HTTPC_H

#include <stddef.h>
#include <stdint.h>

#define HTTPC_HEAD_MAX  8192    /* status line + headers */
#define HTTPC_BODY_MAX  4096    /* decoded body kept */
#define HTTPC_RESP_MAX  (HTTPC_HEAD_MAX + HTTPC_BODY_MAX + 1024)   /* raw, with chunk framing */
#define HTTPC_HEADERS_MAX 64

struct httpc_response {
    int complete;               /* 1: the whole response is in the buffer */
    int status;                 /* 200..599 */
    int keep_alive;             /* the connection may carry another request */
    size_t consumed;            /* raw bytes of this response */
    char body[HTTPC_BODY_MAX + 1];  /* decoded, NUL-terminated */
    size_t body_len;
};

/*
 * Parse the response held in BUF[0..LEN).  EOF says the peer closed after
 * LEN bytes (a response without a length ends there).  Returns IH_OK with
 * R->complete 0 (need more bytes) or 1 (done), IH_EPARSE when malformed,
 * IH_ETOOBIG when the head, the body or the raw size is over its cap,
 * IH_EUNSUPP for framings the agent does not speak (1xx, a transfer coding
 * other than chunked).  Call again with the grown buffer until complete.
 */
int httpc_parse_response(const char *buf, size_t len, int eof, struct httpc_response *r);

/*
 * Parse the collector's acknowledgement body.
 * Grammar: *WS "{" *WS "\"acked\"" *WS ":" *WS 1*19DIGIT *WS "}" *WS
 * IH_OK with *ACKED, or IH_EPARSE.
 */
int httpc_parse_acked(const char *body, size_t len, uint64_t *acked);

/*
 * Write the request head of POST /v1/findings with a body of BODY_LEN bytes
 * for HOST (and PORT, when not 443) into BUF[CAP]; *LEN gets its length.
 * IH_OK or IH_ETRUNC.
 */
int httpc_format_post(char *buf, size_t cap, const char *host, uint16_t port, size_t body_len,
                      size_t *len);

#endif
