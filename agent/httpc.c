/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * httpc.c - HTTP/1.1 response parser and request head (httpc.h).
 *
 * Strict on purpose: the only server the agent talks to is the collector,
 * so anything unusual (bare LF, folded headers, conflicting lengths, both a
 * length and a transfer coding) is refused instead of guessed at.
 */
#include "httpc.h"
#include "util.h"

#include <string.h>

static int name_is(const char *s, size_t n, const char *lit)
{
    size_t i;

    if (strlen(lit) != n) {
        return 0;
    }
    for (i = 0; i < n; i++) {
        if (util_lower((unsigned char)s[i]) != lit[i]) {
            return 0;
        }
    }
    return 1;
}

/* RFC 9110 tchar */
static int is_tchar(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (c != 0 && strchr("!#$%&'*+-.^_`|~", c) != NULL);
}

/* field-value bytes: VCHAR, obs-text, SP, HTAB */
static int is_vbyte(int c)
{
    return c == ' ' || c == '\t' || (c > 0x20 && c != 0x7f);
}

/* Does the comma-separated list V[0..N) hold TOKEN (case-insensitive)? */
static int list_has(const char *v, size_t n, const char *token)
{
    size_t i = 0;

    while (i < n) {
        size_t s, e;

        while (i < n && (v[i] == ' ' || v[i] == '\t' || v[i] == ',')) {
            i++;
        }
        s = i;
        while (i < n && v[i] != ',') {
            i++;
        }
        e = i;
        while (e > s && (v[e - 1] == ' ' || v[e - 1] == '\t')) {
            e--;
        }
        if (e > s && name_is(v + s, e - s, token)) {
            return 1;
        }
    }
    return 0;
}

/* Offset just past the first CRLF in [P, END), or 0 if there is none. */
static size_t find_crlf(const char *buf, size_t p, size_t end)
{
    size_t i;

    for (i = p; i + 1 < end; i++) {
        if (buf[i] == '\r' && buf[i + 1] == '\n') {
            return i + 2;
        }
    }
    return 0;
}

/*
 * chunked-body = *chunk last-chunk trailer-section CRLF
 * chunk        = chunk-size [ chunk-ext ] CRLF chunk-data CRLF
 * chunk-size   = 1*8HEXDIG
 * chunk-ext    = ";" *( VCHAR / SP / HTAB )     ; skipped
 * last-chunk   = 1*("0") [ chunk-ext ] CRLF
 * trailer-section = *( field-line CRLF )       ; skipped, bytes checked
 * Returns IH_OK (R->complete set when whole), IH_EPARSE, IH_ETOOBIG.
 */
static int parse_chunked(const char *buf, size_t p, size_t len, int eof,
                         struct httpc_response *r)
{
    for (;;) {
        size_t eol = find_crlf(buf, p, len), i, digits = 0;
        uint64_t size = 0;

        if (!eol) {
            return (eof || len - p > 64) ? IH_EPARSE : IH_OK;
        }
        for (i = p; i < eol - 2 && buf[i] != ';'; i++) {
            digits++;
        }
        if (digits == 0 || digits > 8 || util_parse_hex(buf + p, digits, &size) != IH_OK) {
            return IH_EPARSE;
        }
        for (; i < eol - 2; i++) {
            if (!is_vbyte((unsigned char)buf[i])) {
                return IH_EPARSE;
            }
        }
        p = eol;
        if (size == 0) {
            /* trailers, then the final empty line */
            for (;;) {
                eol = find_crlf(buf, p, len);
                if (!eol) {
                    return (eof || len - p > HTTPC_HEAD_MAX) ? IH_EPARSE : IH_OK;
                }
                if (eol == p + 2) {
                    r->consumed = eol;
                    r->complete = 1;
                    return IH_OK;
                }
                for (i = p; i < eol - 2; i++) {
                    if (!is_vbyte((unsigned char)buf[i])) {
                        return IH_EPARSE;
                    }
                }
                p = eol;
            }
        }
        if (size > HTTPC_BODY_MAX - r->body_len) {
            return IH_ETOOBIG;
        }
        if (len - p < size + 2) {
            return eof ? IH_EPARSE : IH_OK;
        }
        if (buf[p + size] != '\r' || buf[p + size + 1] != '\n') {
            return IH_EPARSE;
        }
        memcpy(r->body + r->body_len, buf + p, (size_t)size);
        r->body_len += (size_t)size;
        r->body[r->body_len] = '\0';
        p += (size_t)size + 2;
    }
}

/*
 * response     = status-line *( field-line CRLF ) CRLF [ body ]
 * status-line  = "HTTP/1." ( "0" / "1" ) SP 3DIGIT [ SP reason ] CRLF
 * reason       = *( VCHAR / SP / HTAB / obs-text )
 * field-line   = token ":" OWS field-value OWS    ; no obs-fold
 * body framing : Content-Length (1*10DIGIT, repeats must agree) or
 *                Transfer-Encoding: chunked (alone), never both; with
 *                neither, the body runs to EOF.  204 and 304 have none.
 */
int httpc_parse_response(const char *buf, size_t len, int eof, struct httpc_response *r)
{
    size_t head_end = 0, p, eol, i;
    int minor, headers = 0, have_cl = 0, chunked = 0, conn_close = 0, conn_keep = 0;
    uint64_t cl = 0;

    memset(r, 0, sizeof *r);
    for (i = 0; i + 3 < len && i + 4 <= HTTPC_HEAD_MAX; i++) {
        if (buf[i] == '\r' && buf[i + 1] == '\n' && buf[i + 2] == '\r' && buf[i + 3] == '\n') {
            head_end = i + 4;
            break;
        }
    }
    if (!head_end) {
        if (len >= HTTPC_HEAD_MAX) {
            return IH_ETOOBIG;
        }
        return eof ? IH_EPARSE : IH_OK;
    }
    /* status line */
    eol = find_crlf(buf, 0, head_end);
    if (eol < 14 || memcmp(buf, "HTTP/1.", 7) != 0 || (buf[7] != '0' && buf[7] != '1') ||
        buf[8] != ' ') {
        return IH_EPARSE;
    }
    minor = buf[7] - '0';
    for (i = 9; i < 12; i++) {
        if (buf[i] < '0' || buf[i] > '9') {
            return IH_EPARSE;
        }
    }
    r->status = (buf[9] - '0') * 100 + (buf[10] - '0') * 10 + (buf[11] - '0');
    if (eol > 14 && buf[12] != ' ') {
        return IH_EPARSE;
    }
    for (i = 13; i < eol - 2; i++) {
        if (!is_vbyte((unsigned char)buf[i])) {
            return IH_EPARSE;
        }
    }
    if (r->status >= 100 && r->status < 200) {
        return IH_EUNSUPP;
    }
    if (r->status < 200 || r->status > 599) {
        return IH_EPARSE;
    }
    /* header fields */
    for (p = eol; p < head_end - 2; p = eol) {
        size_t nend, vs, ve;

        eol = find_crlf(buf, p, head_end);
        if (++headers > HTTPC_HEADERS_MAX) {
            return IH_ETOOBIG;
        }
        for (nend = p; nend < eol - 2 && is_tchar((unsigned char)buf[nend]); nend++) {
        }
        if (nend == p || buf[nend] != ':') {
            return IH_EPARSE;       /* also rejects obs-fold (leading SP) */
        }
        vs = nend + 1;
        ve = eol - 2;
        for (i = vs; i < ve; i++) {
            if (!is_vbyte((unsigned char)buf[i])) {
                return IH_EPARSE;
            }
        }
        while (vs < ve && (buf[vs] == ' ' || buf[vs] == '\t')) {
            vs++;
        }
        while (ve > vs && (buf[ve - 1] == ' ' || buf[ve - 1] == '\t')) {
            ve--;
        }
        if (name_is(buf + p, nend - p, "content-length")) {
            uint64_t v;

            if (util_parse_dec(buf + vs, ve - vs, 0xffffffffu, &v) != IH_OK ||
                (have_cl && v != cl)) {
                return IH_EPARSE;
            }
            have_cl = 1;
            cl = v;
        } else if (name_is(buf + p, nend - p, "transfer-encoding")) {
            if (chunked || !name_is(buf + vs, ve - vs, "chunked")) {
                return IH_EUNSUPP;
            }
            chunked = 1;
        } else if (name_is(buf + p, nend - p, "connection")) {
            conn_close |= list_has(buf + vs, ve - vs, "close");
            conn_keep |= list_has(buf + vs, ve - vs, "keep-alive");
        }
    }
    if (have_cl && chunked) {
        return IH_EPARSE;
    }
    r->keep_alive = minor == 1 ? !conn_close : (conn_keep && !conn_close);
    if (r->status == 204 || r->status == 304) {
        r->consumed = head_end;
        r->complete = 1;
        return IH_OK;
    }
    if (chunked) {
        int rc = parse_chunked(buf, head_end, len, eof, r);

        if (rc == IH_OK && !r->complete && len >= HTTPC_RESP_MAX) {
            return IH_ETOOBIG;
        }
        return rc;
    }
    if (have_cl) {
        if (cl > HTTPC_BODY_MAX) {
            return IH_ETOOBIG;
        }
        if (len - head_end < cl) {
            return eof ? IH_EPARSE : IH_OK;
        }
        memcpy(r->body, buf + head_end, (size_t)cl);
        r->body_len = (size_t)cl;
        r->body[cl] = '\0';
        r->consumed = head_end + (size_t)cl;
        r->complete = 1;
        return IH_OK;
    }
    /* no framing: the body ends with the connection */
    r->keep_alive = 0;
    if (len - head_end > HTTPC_BODY_MAX) {
        return IH_ETOOBIG;
    }
    if (!eof) {
        return IH_OK;
    }
    memcpy(r->body, buf + head_end, len - head_end);
    r->body_len = len - head_end;
    r->body[r->body_len] = '\0';
    r->consumed = len;
    r->complete = 1;
    return IH_OK;
}

static size_t skip_ws(const char *s, size_t i, size_t n)
{
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) {
        i++;
    }
    return i;
}

int httpc_parse_acked(const char *body, size_t len, uint64_t *acked)
{
    static const char key[] = "\"acked\"";
    size_t i = skip_ws(body, 0, len), d;

    if (i >= len || body[i] != '{') {
        return IH_EPARSE;
    }
    i = skip_ws(body, i + 1, len);
    if (len - i < sizeof key - 1 || memcmp(body + i, key, sizeof key - 1) != 0) {
        return IH_EPARSE;
    }
    i = skip_ws(body, i + sizeof key - 1, len);
    if (i >= len || body[i] != ':') {
        return IH_EPARSE;
    }
    i = skip_ws(body, i + 1, len);
    for (d = i; d < len && body[d] >= '0' && body[d] <= '9'; d++) {
    }
    if (d == i || d - i > 19 ||
        util_parse_dec(body + i, d - i, (uint64_t)INT64_MAX, acked) != IH_OK) {
        return IH_EPARSE;
    }
    i = skip_ws(body, d, len);
    if (i >= len || body[i] != '}') {
        return IH_EPARSE;
    }
    i = skip_ws(body, i + 1, len);
    return i == len ? IH_OK : IH_EPARSE;
}

int httpc_format_post(char *buf, size_t cap, const char *host, uint16_t port, size_t body_len,
                      size_t *len)
{
    char hostport[160];
    int rc, v6 = strchr(host, ':') != NULL;

    if (port == 443) {
        rc = util_fmt(hostport, sizeof hostport, v6 ? "[%s]" : "%s", host);
    } else {
        rc = util_fmt(hostport, sizeof hostport, v6 ? "[%s]:%u" : "%s:%u", host, (unsigned)port);
    }
    if (rc != IH_OK) {
        return rc;
    }
    rc = util_fmt(buf, cap,
                  "POST /v1/findings HTTP/1.1\r\n"
                  "Host: %s\r\n"
                  "User-Agent: iothunt/" IOTHUNT_VERSION "\r\n"
                  "Content-Type: application/x-ndjson\r\n"
                  "Content-Length: %lu\r\n"
                  "\r\n",
                  hostport, (unsigned long)body_len);
    if (rc == IH_OK) {
        *len = strlen(buf);
    }
    return rc;
}
