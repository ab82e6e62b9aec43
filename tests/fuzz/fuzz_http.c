/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fuzz_http.c - the agent's HTTP response parser and acknowledgement parser
 * over arbitrary bytes.  Invariants (trap on violation): a complete
 * response consumed no more than it was given, its body is within the cap
 * and NUL-terminated, and the same bytes cut at `consumed` parse to the
 * same status and body (framing does not depend on bytes after the end).
 */
#include "httpc.h"
#include "util.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct httpc_response r, r2;
    const char *buf = (const char *)data;
    uint64_t acked;
    int eof;

    util_diag_quiet = 1;
    if (size == 0 || size > HTTPC_RESP_MAX + 1024) {
        return 0;
    }
    eof = data[0] & 1;
    buf++;
    size--;
    if (httpc_parse_response(buf, size, eof, &r) != IH_OK || !r.complete) {
        (void)httpc_parse_acked(buf, size, &acked);
        return 0;
    }
    if (r.consumed > size || r.body_len > HTTPC_BODY_MAX || r.body[r.body_len] != '\0' ||
        r.status < 200 || r.status > 599) {
        __builtin_trap();
    }
    if (r.consumed < size || !eof) {
        if (httpc_parse_response(buf, r.consumed, 0, &r2) != IH_OK || !r2.complete ||
            r2.status != r.status || r2.body_len != r.body_len ||
            memcmp(r2.body, r.body, r.body_len) != 0) {
            __builtin_trap();
        }
    }
    (void)httpc_parse_acked(r.body, r.body_len, &acked);
    return 0;
}
