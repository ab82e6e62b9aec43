/* SPDX-License-Identifier: BSD-2-Clause */
#include "json.h"
#include "util.h"

#include <string.h>

static void json_put(struct json_writer *w, const char *s, size_t n)
{
    if (w->overflow) {
        return;
    }
    /* keep one byte for the final NUL */
    if (n >= w->cap - w->len) {
        w->overflow = 1;
        return;
    }
    memcpy(w->buf + w->len, s, n);
    w->len += n;
}

static void json_putc(struct json_writer *w, char c)
{
    json_put(w, &c, 1);
}

/* Length of the valid UTF-8 sequence at S (max N bytes), 0 if invalid. */
static size_t json_utf8_len(const unsigned char *s, size_t n)
{
    size_t len, i;
    uint32_t cp;

    if (s[0] < 0x80) {
        return 1;
    } else if ((s[0] & 0xe0) == 0xc0) {
        len = 2;
        cp = s[0] & 0x1f;
    } else if ((s[0] & 0xf0) == 0xe0) {
        len = 3;
        cp = s[0] & 0x0f;
    } else if ((s[0] & 0xf8) == 0xf0) {
        len = 4;
        cp = s[0] & 0x07;
    } else {
        return 0;
    }
    if (len > n) {
        return 0;
    }
    for (i = 1; i < len; i++) {
        if ((s[i] & 0xc0) != 0x80) {
            return 0;
        }
        cp = (cp << 6) | (s[i] & 0x3f);
    }
    /* reject overlong forms, surrogates and out-of-range code points */
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) {
        return 0;
    }
    return len;
}

static void json_escaped(struct json_writer *w, const char *v, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *s = (const unsigned char *)v;
    size_t i = 0;

    json_putc(w, '"');
    while (i < n) {
        unsigned char c = s[i];
        size_t l;

        if (c == '"' || c == '\\') {
            char e[2] = { '\\', (char)c };
            json_put(w, e, 2);
            i++;
            continue;
        }
        if (c == '\n') {
            json_put(w, "\\n", 2);
            i++;
            continue;
        }
        if (c == '\t') {
            json_put(w, "\\t", 2);
            i++;
            continue;
        }
        l = (c >= 0x20 && c != 0x7f) ? json_utf8_len(s + i, n - i) : 0;
        if (l == 0) {
            char e[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };
            json_put(w, e, 6);
            i++;
            continue;
        }
        json_put(w, v + i, l);
        i += l;
    }
    json_putc(w, '"');
}

static void json_key(struct json_writer *w, const char *key)
{
    if (!w->first) {
        json_putc(w, ',');
    }
    w->first = 0;
    json_escaped(w, key, strlen(key));
    json_putc(w, ':');
}

void json_begin(struct json_writer *w, char *buf, size_t cap)
{
    w->buf = buf;
    w->cap = cap;
    w->len = 0;
    w->overflow = cap == 0;
    w->first = 1;
    json_putc(w, '{');
}

void json_str_n(struct json_writer *w, const char *key, const char *value, size_t n)
{
    json_key(w, key);
    json_escaped(w, value, n);
}

void json_str(struct json_writer *w, const char *key, const char *value)
{
    json_str_n(w, key, value, strlen(value));
}

void json_int(struct json_writer *w, const char *key, int64_t value)
{
    char num[24];
    char *p = num + sizeof num;
    uint64_t u = value < 0 ? (uint64_t)0 - (uint64_t)value : (uint64_t)value;

    /* hand-rolled: keeps %lld (and its 64-bit division helpers) small */
    do {
        *--p = (char)('0' + (u % 10));
        u /= 10;
    } while (u);
    if (value < 0) {
        *--p = '-';
    }
    json_key(w, key);
    json_put(w, p, (size_t)(num + sizeof num - p));
}

void json_bool(struct json_writer *w, const char *key, int value)
{
    json_key(w, key);
    if (value) {
        json_put(w, "true", 4);
    } else {
        json_put(w, "false", 5);
    }
}

void json_raw(struct json_writer *w, const char *key, const char *raw)
{
    json_key(w, key);
    json_put(w, raw, strlen(raw));
}

int json_end(struct json_writer *w)
{
    json_putc(w, '}');
    if (w->overflow) {
        if (w->cap) {
            w->buf[0] = '\0';
        }
        w->len = 0;
        return IH_ETRUNC;
    }
    w->buf[w->len] = '\0';
    return IH_OK;
}
