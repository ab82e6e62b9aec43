/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_rules.c - the YARA-subset engine: constructs refused by name with
 * file:line, malformed and truncated sources, matching semantics (table of
 * rule source x data -> matching rules), rule references across sources,
 * streaming across read chunks (file and buffer agree), digests of the
 * same pass, match caps and the heap bound.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rules.h"
#include "util.h"

/* ---- helpers ---------------------------------------------------------- */

struct names {
    char buf[512];
};

static int collect(const char *rule, void *ctx)
{
    struct names *n = ctx;
    size_t l = strlen(n->buf);

    assert_int_equal(util_fmt(n->buf + l, sizeof n->buf - l, "%s%s", l ? " " : "", rule), IH_OK);
    return 0;
}

/* Load SRC as "t.yar" with stderr captured into DIAG; returns the rc. */
static int load_capture(struct rules *rs, const char *src, char *diag, size_t n)
{
    char path[] = "/tmp/iothunt-test-rules-XXXXXX";
    int fd = mkstemp(path), saved, rc;
    ssize_t r;

    assert_true(fd >= 0);
    unlink(path);
    fflush(stderr);
    saved = dup(2);
    assert_true(saved >= 0);
    assert_int_equal(dup2(fd, 2), 2);
    rc = rules_load_buffer(rs, "t.yar", src, strlen(src));
    fflush(stderr);
    assert_int_equal(dup2(saved, 2), 2);
    close(saved);
    r = pread(fd, diag, n - 1, 0);
    assert_true(r >= 0);
    diag[r] = '\0';
    close(fd);
    return rc;
}

static int temp_file(const void *data, size_t n)
{
    char path[] = "/tmp/iothunt-test-rules-XXXXXX";
    int fd = mkstemp(path);

    assert_true(fd >= 0);
    unlink(path);
    assert_int_equal(write(fd, data, n), (ssize_t)n);
    return fd;
}

/* ---- refused and malformed sources ------------------------------------ */

static const struct {
    const char *src;
    int rc;
    const char *diag;       /* expected stderr line (without newline) */
} refused[] = {
    { "rule a {\n strings:\n  $a = /abc/ xor\n condition: $a }", IH_EPARSE,
      "t.yar:3: invalid modifier for a regular expression" },
    { "rule a {\n strings:\n  $a = /ab(c/\n condition: $a }", IH_EPARSE,
      "t.yar:3: invalid regular expression \"$a\": missing ')'" },
    { "rule a { strings: $a = /a{2977952116}/ condition: $a }", IH_EPARSE,
      "t.yar:1: invalid regular expression \"$a\": bad repeat interval" },
    { "rule a { strings: $a = /abc\ncondition: $a }", IH_EPARSE, "t.yar:1: unterminated regular expression" },
    { "rule a {\n strings:\n  $a = \"abc\" xor nocase\n condition: $a }", IH_EPARSE,
      "t.yar:3: invalid modifier combination: xor nocase" },
    { "rule a {\n strings:\n  $a = \"abc\" base64 fullword\n condition: $a }", IH_EPARSE,
      "t.yar:3: invalid modifier combination: base64 fullword" },
    { "rule a { strings: $a = \"abc\" xor base64 condition: $a }", IH_EPARSE,
      "t.yar:1: invalid modifier combination: base64 xor" },
    { "rule a { strings: $a = \"abc\" xor(2-1) condition: $a }", IH_EPARSE,
      "t.yar:1: xor lower bound exceeds upper bound" },
    { "rule a { strings: $a = \"abc\" xor(1-256) condition: $a }", IH_EPARSE, "t.yar:1: invalid xor range" },
    { "rule a { strings: $a = \"abc\" xor xor condition: $a }", IH_EPARSE, "t.yar:1: duplicated modifier" },
    { "rule a { strings: $a = \"abc\" base64(\"abc\") condition: $a }", IH_EPARSE,
      "t.yar:1: length of base64 alphabet must be 64" },
    { "import \"pe\"\nrule a {\n condition:\n  pe.is_dll()\n}", IH_EUNSUPP,
      "t.yar:4: unsupported construct 'pe'" },
    { "import \"math\"\n", IH_EUNSUPP, "t.yar:1: unsupported construct 'import \"math\"'" },
    { "import \"elf\"\nrule a { condition: elf.DT_NEEDED == 1 }", IH_EUNSUPP,
      "t.yar:2: unsupported construct 'elf.DT_NEEDED'" },
    { "import \"elf\"\nrule a { condition: for any s in elf.sections : (true) }", IH_EUNSUPP,
      "t.yar:2: unsupported construct 'for ... in array'" },
    { "include \"other.yar\"\n", IH_EUNSUPP, "t.yar:1: unsupported construct 'include'" },
    { "import \"hash\"\nrule a { condition: hash.crc32(0, filesize) == 1 }", IH_EUNSUPP,
      "t.yar:2: unsupported construct 'hash.crc32'" },
    { "import \"hash\"\nrule a { condition: hash.md5(0, 100) == \"x\" }", IH_EUNSUPP,
      "t.yar:2: unsupported construct 'hash range other than (0, filesize)'" },
    { "import \"hash\"\nrule a { condition: hash.md5(\"abc\") == \"x\" }", IH_EUNSUPP,
      "t.yar:2: unsupported construct 'hash of a string'" },
    { "rule a { strings: $h = { AA ( BB [2-] CC | DD ) EE } condition: $h }", IH_EPARSE,
      "t.yar:1: invalid hex string: unbounded jump in alternatives" },
    { "rule a { strings: $h = { AA ~BB } condition: $h }", IH_EUNSUPP, "t.yar:1: unsupported construct '~'" },
    { "rule a { condition: filesize > 1.5 }", IH_EUNSUPP, "t.yar:1: unsupported construct 'float'" },
    /* malformed */
    { "rule a { condition: for any i in (1..2) : (for any i in (1..2) : (true)) }", IH_EPARSE,
      "t.yar:1: duplicated loop identifier \"i\"" },
    { "rule a { condition: for any i in (1..2) : (for any j in (1..2) : (for any k in (1..2) : "
      "(for any l in (1..2) : (for any m in (1..2) : (true))))) }", IH_EPARSE,
      "t.yar:1: loop nesting limit exceeded" },
    { "rule a { strings: $a = \"x\" condition: for any of them : (for any of them : ($)) }", IH_EPARSE,
      "t.yar:1: 'for <quantifier> of <string set>' loops can't be nested" },
    { "rule a { strings: $a = \"x\" condition: $a and for any i in (1..2) : ($) }", IH_EPARSE,
      "t.yar:1: wrong use of anonymous string" },
    { "import \"elf\"\nrule a { condition: elf.sections == 1 }", IH_EPARSE,
      "t.yar:2: wrong usage of identifier \"sections\"" },
    { "import \"elf\"\nrule a { condition: elf.segments[0].name == 1 }", IH_EPARSE,
      "t.yar:2: invalid field name \"name\"" },
    { "import \"elf\"\nrule a { condition: elf.sections[\"x\"].type == 1 }", IH_EPARSE,
      "t.yar:2: wrong type: integer expected" },
    { "import \"elf\"\nrule elf { condition: true }", IH_EPARSE, "t.yar:2: duplicated identifier \"elf\"" },
    { "rule a { condition: for any filesize in (1..2) : (true) }", IH_EPARSE,
      "t.yar:1: syntax error, expected a loop variable" },
    { "rule a { condition: for any i in (1..\"x\") : (true) }", IH_EPARSE, "t.yar:1: wrong type: integer expected" },
    { "rule a { strings: $a = \"x\" condition: 101% of them }", IH_EPARSE,
      "t.yar:1: percentage must be between 1 and 100 (inclusive)" },
    { "rule a { condition: \"ab\" matches /a(/ }", IH_EPARSE, "t.yar:1: invalid regular expression: missing ')'" },
    { "rule a { strings: $a = /a*b{2}?/ condition: $a }", IH_EPARSE,
      "t.yar:1: invalid regular expression \"$a\": greedy and lazy quantifiers mixed" },
    { "rule a { condition: filesize matches /a/ }", IH_EPARSE,
      "t.yar:1: wrong type: 'matches' takes a string and a regular expression" },
    { "rule a { strings: $a = \"x\" condition: $b }", IH_EPARSE, "t.yar:1: undefined string \"$b\"" },
    { "rule a {\n strings:\n  $a = \"x\"\n  $b = \"y\"\n condition: $a }", IH_EPARSE,
      "t.yar:1: unreferenced string \"$b\"" },
    { "rule a { condition: b }\nrule b { condition: true }", IH_EPARSE, "t.yar:1: undefined identifier \"b\"" },
    { "rule a { condition: true }\nrule a { condition: true }", IH_EPARSE,
      "t.yar:2: duplicated identifier \"a\"" },
    { "rule a { strings: $a = \"x\" $a = \"y\" condition: $a }", IH_EPARSE,
      "t.yar:1: duplicated string identifier \"$a\"" },
    { "rule a { strings: $a = \"x\" nocase nocase condition: $a }", IH_EPARSE, "t.yar:1: duplicated modifier" },
    { "rule a {\n strings:\n  $a = \"abc\n condition: $a }", IH_EPARSE, "t.yar:3: unterminated string" },
    { "rule a { strings: $a = \"a\\qb\" condition: $a }", IH_EPARSE, "t.yar:1: illegal escape sequence" },
    { "rule a { strings: $a = \"\" condition: $a }", IH_EPARSE, "t.yar:1: empty string \"$a\"" },
    { "/* open\ncomment\n", IH_EPARSE, "t.yar:1: unterminated comment" },
    { "rule a { condition: (true and\n", IH_EPARSE, "t.yar:2: syntax error, unexpected end of file" },
    { "rule a {\n condition: true", IH_EPARSE, "t.yar:2: syntax error, expected '}'" },
    { "rule a { strings: $h = { AA GG } condition: $h }", IH_EPARSE,
      "t.yar:1: invalid hex string: unexpected 'G'" },
    { "rule a { strings: $h = { AA [6-2] BB } condition: $h }", IH_EPARSE, "t.yar:1: invalid jump length" },
    { "rule a { strings: $h = { AA [0] BB } condition: $h }", IH_EPARSE, "t.yar:1: invalid jump length" },
    { "rule a : t1 t2\n t1 { condition: true }", IH_EPARSE, "t.yar:2: duplicated tag identifier \"t1\"" },
    { "rule a { condition: 1 << -1 == 0 }", IH_EPARSE, "t.yar:1: negative shift count" },
    { "rule a { condition: filesize >> (1 - 2) == 0 }", IH_EPARSE, "t.yar:1: negative shift count" },
    { "rule a { condition: 4611686018427387904 * -2 < 0 }", IH_EPARSE, "t.yar:1: integer overflow" },
    { "rule a { condition: \"ab\" contains 1 }", IH_EPARSE, "t.yar:1: wrong type: a string compares with a string" },
    { "rule a { strings: $h = { AA [-3] BB } condition: $h }", IH_EPARSE,
      "t.yar:1: invalid jump in hex string" },
    { "rule a { strings: $h = { [-] BB } condition: $h }", IH_EPARSE,
      "t.yar:1: invalid hex string: leading jump" },
    { "rule a { strings: $h = { [2] BB } condition: $h }", IH_EPARSE,
      "t.yar:1: invalid hex string: leading jump" },
    { "rule a { strings: $h = { AA BB [2] } condition: $h }", IH_EPARSE,
      "t.yar:1: invalid hex string: trailing jump" },
    { "rule a { strings: $h = { AA ( BB | CC } condition: $h }", IH_EPARSE,
      "t.yar:1: invalid hex string: expected '|' or ')'" },
    { "rule a { strings: $h = { AA BB ", IH_EPARSE, "t.yar:1: unterminated hex string" },
    { "rule a { strings: $h = { AA [0-5000] BB } condition: $h }", IH_ETOOBIG, "t.yar:1: jump longer than 4096" },
    { "rule a { condition: hash.md5(0, filesize) == \"x\" }", IH_EPARSE,
      "t.yar:1: undefined identifier \"hash\"" },
    { "rule a { condition: 99999999999999999999 > 1 }", IH_EPARSE, "t.yar:1: invalid integer" },
    { "rule a { condition: 1 \\ 0 == 1 }", IH_EPARSE, "t.yar:1: division by zero" },
    { "rule a { condition: 1 \\ (2 - 2) == 1 }", IH_EPARSE, "t.yar:1: division by zero" },
    { "rule a { condition: 312 * -2305843009213693952 < 0 }", IH_EPARSE, "t.yar:1: integer overflow" },
    { "rule a { condition: 9223372036854775807 + 1 < 0 }", IH_EPARSE, "t.yar:1: integer overflow" },
    { "rule a { condition: 9223372036854775807 + (8 >> 1) < 0 }", IH_EPARSE, "t.yar:1: integer overflow" },
    { "rule a { condition: 2089 - (0o16 >> 62) == 2089 }", IH_EPARSE, "t.yar:1: integer overflow" },
    { "rule a { condition: filesize + true }", IH_EPARSE, "t.yar:1: wrong type: integer expected" },
    { "rule a { condition: \"abc\" }", IH_EPARSE, "t.yar:1: wrong type: a string must be compared" },
    { "rule a { condition: 1 < 2 < 3 }", IH_EPARSE, "t.yar:1: wrong type: comparison of a comparison" },
    { "rule for { condition: true }", IH_EPARSE, "t.yar:1: syntax error, expected a rule name" },
    { "rules a { condition: true }", IH_EPARSE, "t.yar:1: syntax error, expected 'rule' or 'import'" },
    { "rule a { condition: true } \x01", IH_EPARSE, "t.yar:1: syntax error, unexpected byte 0x01" },
};

static void test_refused(void **state)
{
    size_t i;

    (void)state;
    for (i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        struct rules *rs;
        char diag[512], want[512];
        int rc;

        assert_int_equal(rules_new(&rs), IH_OK);
        rc = load_capture(rs, refused[i].src, diag, sizeof diag);
        assert_int_equal(util_fmt(want, sizeof want, "%s\n", refused[i].diag), IH_OK);
        if (rc != refused[i].rc || strcmp(diag, want) != 0) {
            print_error("case %zu: rc %d (want %d), diag '%s' (want '%s')\n", i, rc, refused[i].rc,
                        diag, refused[i].diag);
            fail();
        }
        assert_int_equal(rules_count(rs), 0);
        rules_free(rs);
    }
}

/* Nesting and chains beyond the caps are refused, not a stack overflow. */
static void test_depth_caps(void **state)
{
    static const char *heads[] = { "(", "not ", "-" };
    size_t i, k, n = 4096;
    char *src = malloc(n * 8 + 100), diag[256];
    struct rules *rs;

    (void)state;
    assert_non_null(src);
    for (k = 0; k < sizeof heads / sizeof heads[0]; k++) {
        size_t l = 0;

        l += (size_t)snprintf(src + l, 100, "rule a { condition: ");
        for (i = 0; i < 200; i++) {
            memcpy(src + l, heads[k], strlen(heads[k]));
            l += strlen(heads[k]);
        }
        memcpy(src + l, "1", 2);
        assert_int_equal(rules_new(&rs), IH_OK);
        assert_int_equal(load_capture(rs, src, diag, sizeof diag), IH_ETOOBIG);
        rules_free(rs);
    }
    /* a long 'and' chain: refused above RULES_MAX_HEIGHT, fine below */
    for (k = 0; k < 2; k++) {
        size_t l = 0, terms = k ? RULES_MAX_HEIGHT / 2 - 2 : RULES_MAX_HEIGHT + 10;

        l += (size_t)snprintf(src + l, 100, "rule a { condition: true");
        for (i = 0; i < terms; i++) {
            memcpy(src + l, " and true", 9);
            l += 9;
        }
        memcpy(src + l, " }", 3);
        assert_int_equal(rules_new(&rs), IH_OK);
        assert_int_equal(load_capture(rs, src, diag, sizeof diag), k ? IH_OK : IH_ETOOBIG);
        if (k) {
            struct names got = { "" };

            assert_int_equal(rules_match_buffer(rs, "", 0, 0, NULL, collect, &got), IH_OK);
            assert_string_equal(got.buf, "a");
        }
        rules_free(rs);
    }
    free(src);
}

/* Every prefix of a real rule file loads or is refused cleanly. */
static void test_truncated(void **state)
{
    char *buf = NULL;
    size_t len, cut, ok = 0;
    struct rules *rs;

    (void)state;
    assert_int_equal(util_read_file("tests/yara/rules/cond.yar", 1 << 20, &buf, &len), IH_OK);
    util_diag_quiet = 1;
    for (cut = 0; cut <= len; cut++) {
        int rc;

        assert_int_equal(rules_new(&rs), IH_OK);
        rc = rules_load_buffer(rs, "cond.yar", buf, cut);
        assert_true(rc == IH_OK || rc == IH_EPARSE);
        if (rc == IH_OK) {
            ok++;
        } else {
            assert_int_equal(rules_count(rs), 0);
        }
        rules_free(rs);
    }
    util_diag_quiet = 0;
    /* the whole file and the empty prefixes (comment only) load */
    assert_true(ok >= 2);
    assert_int_equal(rules_new(&rs), IH_OK);
    assert_int_equal(rules_load_buffer(rs, "cond.yar", buf, len), IH_OK);
    assert_true(rules_count(rs) > 20);
    rules_free(rs);
    free(buf);
}

/* ---- matching semantics ----------------------------------------------- */

/* A big-endian 32-bit ELF: ET_EXEC, EM_MIPS, entry 0x400010 in a PT_LOAD
 * at file offset 0, sections ".text" and the name table. */
static const char elf_be32[] =
    "\x7f\x45\x4c\x46\x01\x02\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\x08\x00\x00\x00\x01"
    "\x00\x40\x00\x10\x00\x00\x00\x34\x00\x00\x00\x54\x00\x00\x00\x00\x00\x34\x00\x20\x00\x01\x00\x28"
    "\x00\x02\x00\x01\x00\x00\x00\x01\x00\x00\x00\x00\x00\x40\x00\x00\x00\x40\x00\x00\x00\x00\x01\x00"
    "\x00\x00\x01\x00\x00\x00\x00\x05\x00\x00\x10\x00\x00\x00\x00\x01\x00\x00\x00\x01\x00\x00\x00\x06"
    "\x00\x40\x00\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x04"
    "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\xa4"
    "\x00\x00\x00\x07\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00\x00\x2e\x74\x65"
    "\x78\x74\x00";

static const struct {
    const char *src;
    const char *data;
    size_t len;             /* 0: strlen(data) */
    const char *want;       /* matching rules, space-separated */
} cases[] = {
    { "rule a { strings: $a = \"Myname\" condition: $a }", "xxMynamexx", 0, "a" },
    { "rule a { strings: $a = \"Myname\" condition: $a }", "xxMYNAMExx", 0, "" },
    { "rule a { strings: $a = \"Myname\" nocase condition: $a }", "xxMYNAMExx", 0, "a" },
    { "rule a { strings: $a = \"ab\" wide condition: $a }", "-a\0b\0-", 7, "a" },
    { "rule a { strings: $a = \"ab\" wide condition: $a }", "-ab-", 0, "" },
    { "rule a { strings: $a = \"ab\" wide ascii condition: #a == 2 }", "ab a\0b\0", 8, "a" },
    { "rule a { condition: \"ab\" < \"abc\" and \"abd\" > \"abc\" and \"b\" >= \"b\" }", "", 0, "a" },
    { "rule a { condition: \"abc\" <= \"abb\" }", "", 0, "" },
    { "rule a { condition: \"fooBARbaz\" icontains \"bar\" and \"foobar\" contains \"oba\" }", "", 0, "a" },
    { "rule a { condition: \"foobar\" contains \"bax\" }", "", 0, "" },
    { "rule a { condition: \"foobar\" startswith \"foo\" and \"foobar\" iendswith \"BAR\" }", "", 0, "a" },
    { "rule a { condition: \"Foo\" iequals \"fOO\" and not (\"Foo\" istartswith \"fooo\") }", "", 0, "a" },
    { "rule a { strings: $a = /ab+c/ condition: #a == 2 }", "xabbbc abc", 0, "a" },
    { "rule a { strings: $a = /[0-9]{3}-x/ condition: $a }", "12-x 123-x", 0, "a" },
    { "rule a { strings: $a = /[0-9]{3}-x/ condition: $a }", "12-x 12-3x", 0, "" },
    { "rule a { strings: $a = /(foo|bar)baz$/ nocase condition: $a at 3 }", "xxxBARbaz", 0, "a" },
    { "rule a { strings: $a = /\\bword\\b/ wide condition: $a }", "a\0 \0w\0o\0r\0d\0.\0", 14, "a" },
    { "rule a { strings: $h = { 31 32 [-] 38 39 } condition: !h == 9 }", "1234567890", 0, "a" },
    { "rule a { strings: $h = { 31 32 [2-] 34 35 } condition: $h }", "1234567890", 0, "" },
    { "rule a { strings: $h = { 31 [0-3] (32|33) } condition: !h[1] == 2 }", "122222222", 0, "a" },
    { "rule a { strings: $a = /m.*?ssi/ condition: !a == 5 and !a[2] == 0 }", "mississippi", 0, "" },
    { "rule a { strings: $a = /ssi.*ppi/ condition: !a[1] == 9 and !a[2] == 6 }", "mississippi", 0, "a" },
    { "rule a { strings: $a = \"ab\" wide condition: !a == 4 }", "-a\0b\0-", 7, "a" },
    { "rule a { strings: $a = \"word\" fullword condition: $a }", "a word.", 0, "a" },
    { "rule a { strings: $a = \"word\" fullword condition: $a }", "swords", 0, "" },
    { "rule a { strings: $a = \"word\" fullword condition: $a }", "word", 0, "a" },
    { "rule a { strings: $a = \"word\" fullword condition: $a }", "_word", 0, "a" },
    /* as YARA: a regex's wide form only where its ascii form does not match,
     * even when that match is no full word; a text string's forms each alone */
    { "rule a { strings: $a = /B./ ascii wide nocase fullword condition: $a }", "yb\0A\0_", 6, "" },
    { "rule a { strings: $a = /B./ wide nocase fullword condition: $a }", "yb\0A\0_", 6, "a" },
    { "rule a { strings: $a = /ab?/ ascii wide condition: !a == 1 }", "a\0b\0", 4, "a" },
    { "rule a { strings: $a = \"a\" ascii wide fullword condition: $a at 1 and !a == 2 }", "ya\0_", 4, "a" },
    /* as YARA: \b holds at the start of the data and at its end, \B fails there */
    { "rule a { strings: $a = /\\b\\.x/ condition: $a at 0 }", ".x", 0, "a" },
    { "rule a { strings: $a = /x\\.\\b/ condition: $a }", "x.", 0, "a" },
    { "rule a { strings: $a = /\\B\\.x/ condition: $a }", ".x", 0, "" },
    { "rule a { strings: $a = /x\\.\\B/ condition: $a }", "x.", 0, "" },
    { "rule a { strings: $a = /\\b\\.x/ condition: $a }", "..x", 0, "" },
    { "import \"elf\" rule a { condition: elf.type == elf.ET_EXEC and elf.machine == elf.EM_MIPS and "
      "elf.entry_point == 16 and elf.sections[0].name == \".text\" and elf.segments[0].memory_size == 0x100 and "
      "elf.number_of_sections == 2 and not defined elf.sections[2].type and entrypoint == 0 }",
      elf_be32, sizeof elf_be32 - 1, "a" },
    /* the name's NUL cut off: the name is undefined, the table is not */
    { "import \"elf\" rule b { condition: defined elf.sections[0].type and not defined (elf.sections[0].name == \"\") }",
      elf_be32, sizeof elf_be32 - 2, "b" },
    /* not longer than its header: no elf fields; entrypoint reads it (little-endian) and finds nothing */
    { "import \"elf\" rule c { condition: not defined elf.type and entrypoint == 0 }", elf_be32, 52, "c" },
    { "rule a { strings: $h = { 7F 45 4C 46 } condition: $h at 0 }", "\x7f" "ELF", 0, "a" },
    { "rule a { strings: $h = { 7F 45 4C 46 } condition: $h at 0 }", "x\x7f" "ELF", 0, "" },
    { "rule a { strings: $h = { 01 ?? 03 } condition: $h }", "\x01\x99\x03", 0, "a" },
    { "rule a { strings: $h = { 01 9? ?3 } condition: $h }", "\x01\x9a\x13", 0, "a" },
    { "rule a { strings: $h = { 01 9? ?3 } condition: $h }", "\x01\xa9\x13", 0, "" },
    { "rule a { strings: $h = { 01 02 [1-3] 05 } condition: $h }", "\x01\x02xx\x05", 0, "a" },
    { "rule a { strings: $h = { 01 02 [1-3] 05 } condition: $h }", "\x01\x02xxxx\x05", 0, "" },
    { "rule a { strings: $h = { 01 02 [1-3] 05 } condition: $h }", "\x01\x02\x05", 0, "" },
    { "rule a { strings: $h = { 01 02 ( 03 | 04 05 ) 06 } condition: $h }", "\x01\x02\x04\x05\x06", 0, "a" },
    { "rule a { strings: $h = { 01 02 ( 03 | 04 05 ) 06 } condition: $h }", "\x01\x02\x04\x06", 0, "" },
    { "rule a { strings: $h = { ( 0A | 0B ) 0C 0D } condition: #h == 2 }", "\x0a\x0c\x0d\x0b\x0c\x0d", 0, "a" },
    { "rule a { strings: $a = \"aa\" condition: #a == 3 and @a[1] == 0 and @a[3] == 2 }", "aaaa", 0, "a" },
    { "rule a { strings: $a = \"aa\" condition: @a[4] == 3 or @a[0] == 0 }", "aaaa", 0, "" },
    { "rule a { strings: $a = \"aa\" condition: not (@a[4] == 3) }", "aaaa", 0, "" },
    { "rule a { strings: $a = \"b\" condition: $a in (1..2) and not $a at 0 }", "abc", 0, "a" },
    { "rule a { strings: $a = \"b\" $b = \"z\" condition: 0 of them }", "abc", 0, "" },
    { "rule a { strings: $a = \"y\" $b = \"z\" condition: 0 of them }", "abc", 0, "a" },
    { "rule a { strings: $a1 = \"a\" $a2 = \"b\" $b = \"z\" condition: all of ($a*) and not any of ($b) }",
      "abc", 0, "a" },
    { "rule a { strings: $a = \"a\" $b = \"b\" $c = \"q\" condition: 2 of them and not 3 of them }", "abc", 0, "a" },
    { "rule a { condition: filesize == 3 and uint8(0) == 0x61 and uint16(0) == 0x6261 }", "abc", 0, "a" },
    { "rule a { condition: uint16be(1) == 0x6263 and uint32(0) == 0 }", "abc", 0, "" },
    { "rule a { condition: not (uint32(0) == 0) }", "abc", 0, "" },
    { "rule a { condition: int8(0) == -1 and uint8(0) == 255 and int16be(0) == -2 }", "\xff\xfe", 2, "a" },
    { "rule a { condition: uint32be(0) == 0x7f454c46 and int32(0) == 0x464c457f }", "\x7f" "ELF", 0, "a" },
    { "rule a { condition: 2KB == 2048 and 1MB \\ 1KB == 1024 and 0x10 % 3 == 1 and 0o10 == 8 }", "", 0, "a" },
    { "rule a { condition: -7 \\ 2 == -3 and -7 % 3 == -1 and (1 << 64) == 0 and (-8 >> 1) == -4 }", "", 0, "a" },
    { "rule a { condition: (1 \\ (filesize - filesize)) == 0 or not ((1 % (filesize - filesize)) == 0) }", "", 0, "" },
    { "rule a { condition: 9223372036854775807 + filesize < 0 }", "x", 0, "a" },
    { "rule a { condition: 5 - (8 >> 1) == 1 and 1 \\ (2 >> 5) == 0 }", "x", 0, "" },
    { "rule a { condition: 5 - (8 >> 1) == 1 and -(14 >> 2) == -3 and ~8 == -9 }", "x", 0, "a" },
    { "rule a { condition: filesize }", "x", 0, "a" },
    { "rule a { condition: filesize }", "", 0, "" },
    { "private rule p { strings: $a = \"x\" condition: $a } rule a { condition: p }", "x", 0, "a" },
    { "rule p { strings: $a = \"x\" condition: $a } rule a { condition: not p }", "y", 0, "a" },
    { "global rule g { condition: filesize < 3 } rule a { condition: true }", "ab", 0, "g a" },
    { "global rule g { condition: filesize < 3 } rule a { condition: true }", "abc", 0, "" },
    { "global private rule g { condition: filesize < 3 } rule a { condition: true }", "ab", 0, "a" },
    { "rule a : T1 T2 { meta: x = \"y\" n = -1 b = true strings: $ = \"q\" condition: any of them }", "q", 0, "a" },
    { "import \"hash\" rule a { condition: hash.md5(0, filesize) == \"900150983cd24fb0d6963f7d28e17f72\" and "
      "hash.sha1(0, filesize) == \"a9993e364706816aba3e25717850c26c9cd0d89d\" and "
      "hash.sha256(0, filesize) == \"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\" }",
      "abc", 0, "a" },
    { "import \"hash\" rule a { condition: hash.md5(0, filesize) != \"900150983cd24fb0d6963f7d28e17f72\" }",
      "abc", 0, "" },
    { "import \"hash\" rule a { condition: not (hash.md5(0, filesize) == \"x\") }", "", 0, "" },
    { "import \"pe\" rule a { condition: true }", "", 0, "a" },
    { "rule a { strings: $a = \"\\x00\\x01\" condition: $a }", "\x02\x00\x01", 3, "a" },
    { "rule a { strings: $a = \"a\\\"b\\\\c\\td\" condition: $a }", "a\"b\\c\td", 0, "a" },
    { "rule a { condition: true } rule b { condition: false } rule c { condition: a and not b }", "", 0, "a c" },
    /* xor and base64 (answers as yara 4.2.3's) */
    { "rule a { strings: $a = \"This prog\" xor condition: #a == 2 and @a[2] == 10 and !a[2] == 9 }",
      "This prog \x56\x6a\x6b\x71\x22\x72\x70\x6d\x65 Uhis prog", 0, "a" },
    { "rule a { strings: $a = \"ab\" xor(1-2) wide condition: #a == 1 } rule b { strings: $a = \"ab\" xor(1) condition: $a }",
      "\x63\x02\x60\x02 ab", 0, "a" },
    { "rule a { strings: $a = \"ab\" xor fullword condition: #a == 1 }", "x\x43\x40 \x43\x40", 0, "a" },
    { "rule a { strings: $a = \"This program\" base64 condition: #a == 3 }",
      "VGhpcyBwcm9ncmFt eFRoaXMgcHJvZ3JhbXo= eHlUaGlzIHByb2dyYW0=", 0, "a" },
    { "rule a { strings: $a = \"This prog\" base64wide condition: $a } rule b { strings: $a = \"This prog\" base64 condition: $a }",
      "V\0G\0h\0p\0c\0y\0B\0w\0c\0m\09\0n\0", 24, "a" },
    { "rule a { strings: $a = \"ab\" base64(\"!@#$%^&*(){}[].,|ABCDEFGHIJ\\x09LMNOPQRSTUVWXYZabcdefghijklmnopqrstu\") condition: $a }",
      "YW J", 0, "" },
    /* loops, 'of' over ranges, 'defined', 'matches' (answers as yara 4.2.3's) */
    { "rule a { strings: $a = \"ssi\" condition: for all i in (1..#a) : (@a[i] >= 2 and @a[i] <= 5) }",
      "mississippi", 0, "a" },
    { "rule a { condition: for any i in (1, 2, 3) : (i == uint8(0)) and for 2 i in (5..10) : (i == 6 or i == 7) }",
      "\x03", 0, "a" },
    { "rule a { condition: for all i in (2..1) : (true) } rule b { condition: not for none i in (2..1) : (false) }",
      "", 0, "b" },
    { "rule a { condition: for all i in (1..uint32(9)) : (true) } rule b { condition: for all i in (1, uint32(9)) : (true) }",
      "", 0, "b" },
    { "rule a { condition: for 1 i in (1, uint32(9)) : (not defined i) and defined filesize and not defined (1 \\ (filesize - filesize)) }",
      "", 0, "a" },
    { "rule a { strings: $a = \"x\" $b = \"y\" condition: for all of them : (# == 1 and @ < 2 and ! == 1) }",
      "xy", 0, "a" },
    { "rule a { strings: $a = \"x\" $b = \"y\" condition: for any of ($*) : (@[1] == 1 and ![1] == 1) }",
      "xy", 0, "a" },
    { "rule a { strings: $ = \"abc\" $ = \"def\" condition: for any of ($*) : ( for any i in (1..#) : (uint8(@[i] - 1) == 0) ) }",
      "abc\0def", 8, "a" },
    { "rule a { strings: $a = \"x\" $b = \"y\" condition: 50% of them and not 51% of them and none of ($b) }", "x", 0, "a" },
    { "rule a { strings: $a = \"x\" $b = \"y\" condition: any of them in (1..1) and not all of them in (1..5) }",
      "yx", 0, "a" },
    /* yara 4.2.3 fails scans that use '#a in' (its error 31, VirusTotal/yara#1721): the
     * answer is the count of matches in the range, as YARA documents */
    { "rule a { strings: $a = \"x\" condition: #a in (1..2) == 2 and #a in (5..9) == 0 }", "xxxx", 0, "a" },
    { "rule a { condition: \"bcd\" matches /a*/ and \"abc\" matches /C$/i and not (\"abc\" matches /^b/) }", "", 0, "a" },
    { "rule a { condition: \"\" matches /a*/ } rule b { condition: not (\"\" matches /a*/) }", "", 0, "b" },
    { "import \"hash\" rule a { condition: hash.md5(0, filesize) matches /^9001[0-9a-f]{28}$/ }", "abc", 0, "a" },
};

static void test_match_table(void **state)
{
    size_t i;

    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct rules *rs;
        struct names got = { "" };
        size_t len = cases[i].len ? cases[i].len : strlen(cases[i].data);
        int rc;

        assert_int_equal(rules_new(&rs), IH_OK);
        rc = rules_load_buffer(rs, "case", cases[i].src, strlen(cases[i].src));
        if (rc != IH_OK) {
            print_error("case %zu: load failed %d\n", i, rc);
            fail();
        }
        assert_int_equal(rules_match_buffer(rs, cases[i].data, len, 0, NULL, collect, &got), IH_OK);
        if (strcmp(got.buf, cases[i].want) != 0) {
            print_error("case %zu: got '%s', want '%s'\n", i, got.buf, cases[i].want);
            fail();
        }
        /* the same through a file descriptor */
        {
            struct names got2 = { "" };
            int fd = temp_file(cases[i].data, len);

            assert_int_equal(rules_match_fd(rs, fd, 0, NULL, collect, &got2), IH_OK);
            close(fd);
            assert_string_equal(got2.buf, cases[i].want);
        }
        rules_free(rs);
    }
}

/* Sources loaded together form one set; a failed load changes nothing. */
static void test_sources(void **state)
{
    static const char base[] = "import \"hash\"\nprivate rule is_x { strings: $a = \"x\" condition: $a }";
    static const char use[] = "rule uses_x { condition: is_x and hash.md5(0, filesize) != \"\" }";
    static const char bad[] = "rule uses_y { condition: true }\nrule broken { condition: nope }";
    static const char again[] = "rule uses_y { condition: filesize == 1 }";
    struct rules *rs;
    struct names got = { "" };
    char diag[256];

    (void)state;
    assert_int_equal(rules_new(&rs), IH_OK);
    assert_int_equal(rules_load_buffer(rs, "builtin:base.yar", base, strlen(base)), IH_OK);
    assert_int_equal(rules_load_buffer(rs, "use.yar", use, strlen(use)), IH_OK);
    assert_int_equal(rules_count(rs), 2);
    assert_int_equal(load_capture(rs, bad, diag, sizeof diag), IH_EPARSE);
    assert_string_equal(diag, "t.yar:2: undefined identifier \"nope\"\n");
    assert_int_equal(rules_count(rs), 2);
    assert_int_equal(rules_load_buffer(rs, "again.yar", again, strlen(again)), IH_OK);
    assert_int_equal(rules_match_buffer(rs, "x", 1, 0, NULL, collect, &got), IH_OK);
    assert_string_equal(got.buf, "uses_x uses_y");
    rules_free(rs);

    /* the other order: the reference comes before the rule */
    assert_int_equal(rules_new(&rs), IH_OK);
    assert_int_equal(load_capture(rs, use, diag, sizeof diag), IH_EPARSE);
    rules_free(rs);
}

/* ---- streaming, digests, caps ----------------------------------------- */

#define BIG (5 * RULES_CHUNK + 1234)

static void test_stream(void **state)
{
    static const char src[] =
        "rule r_text { strings: $a = \"needle-in-stream\" condition: #a == 9 and @a[1] == 0 and "
        "  @a[9] == filesize - 16 }\n"
        "rule r_hexj { strings: $h = { AB CD EF [0-40] 12 34 } condition: #h == 8 }\n"
        "rule r_wide { strings: $w = \"wneedle\" wide condition: #w == 8 }\n"
        "rule r_tail { condition: uint32be(filesize - 4) == 0x7265616d and uint16(10) == 0x7473 }\n";
    static const size_t at[] = { 0, RULES_CHUNK - 30, RULES_CHUNK + 60, 2 * RULES_CHUNK + 1000,
                                 3 * RULES_CHUNK - 1, 4 * RULES_CHUNK + 4096 + 2, 4 * RULES_CHUNK + 9000 };
    unsigned char *buf = malloc(BIG);
    struct rules *rs;
    struct names g1 = { "" }, g2 = { "" };
    struct hash_hex h1, h2;
    struct hash_ctx hc;
    size_t i, k;
    int fd;

    (void)state;
    assert_non_null(buf);
    memset(buf, 'f', BIG);
    for (i = 0; i < sizeof at / sizeof at[0]; i++) {
        static const unsigned char hx[] = { 0xab, 0xcd, 0xef, 'q', 'q', 0x12, 0x34 };

        memcpy(buf + at[i], "needle-in-stream", 16);
        memcpy(buf + at[i] + 40, hx, sizeof hx);
        for (k = 0; k < 7; k++) {
            buf[at[i] + 60 + 2 * k] = (unsigned char)"wneedle"[k];
            buf[at[i] + 61 + 2 * k] = 0;
        }
    }
    /* the 8th: a jump that straddles the end of a chunk */
    buf[BIG - 200] = 0xab;
    buf[BIG - 199] = 0xcd;
    buf[BIG - 198] = 0xef;
    buf[BIG - 160] = 0x12;
    buf[BIG - 159] = 0x34;
    for (k = 0; k < 7; k++) {
        buf[BIG - 150 + 2 * k] = (unsigned char)"wneedle"[k];
        buf[BIG - 149 + 2 * k] = 0;
    }
    memcpy(buf + BIG - 100, "needle-in-stream", 16);
    memcpy(buf + BIG - 16, "needle-in-stream", 16);
    assert_int_equal(rules_new(&rs), IH_OK);
    assert_int_equal(rules_load_buffer(rs, "stream", src, strlen(src)), IH_OK);
    fd = temp_file(buf, BIG);
    assert_int_equal(rules_match_fd(rs, fd, 0, &h1, collect, &g1), IH_OK);
    assert_int_equal(rules_match_buffer(rs, buf, BIG, 0, &h2, collect, &g2), IH_OK);
    close(fd);
    assert_string_equal(g1.buf, g2.buf);
    assert_string_equal(g1.buf, "r_text r_hexj r_wide r_tail");
    hash_init(&hc, HASH_ALL);
    hash_update(&hc, buf, BIG);
    hash_final(&hc, &h2);
    assert_string_equal(h1.md5, h2.md5);
    assert_string_equal(h1.sha1, h2.sha1);
    assert_string_equal(h1.sha256, h2.sha256);
    /* heap: the set plus one window, whatever the file size */
    assert_true(rules_heap_peak(rs) < 64 * 1024);
    rules_free(rs);
    free(buf);
}

/*
 * #a stays exact past the stored offsets, and so do '$a at' and '$a in'
 * (the target is read again there); @a[i] beyond them is undefined.
 */
static void test_match_cap(void **state)
{
    static const char src[] =
        "rule cnt { strings: $a = \"zz\" condition: #a == 3000 }\n"
        "rule last_kept { strings: $a = \"zz\" condition: @a[1024] == 1023 }\n"
        "rule past { strings: $a = \"zz\" condition: @a[1025] == 1024 }\n"
        "rule far_at { strings: $a = \"zz\" condition: $a at 2500 and not $a at 3000 }\n"
        "rule far_in { strings: $a = \"zz\" condition: $a in (2990..3005) and not $a in (3000..4000) }\n";
    size_t n = 3001;
    char *buf = malloc(n);
    struct rules *rs;
    struct names got = { "" };

    (void)state;
    assert_non_null(buf);
    memset(buf, 'z', n);    /* "zz" at 0..2999: 3000 matches */
    assert_int_equal(rules_new(&rs), IH_OK);
    assert_int_equal(rules_load_buffer(rs, "cap", src, strlen(src)), IH_OK);
    assert_int_equal(rules_match_buffer(rs, buf, n, 0, NULL, collect, &got), IH_OK);
    assert_string_equal(got.buf, "cnt last_kept far_at far_in");
    {
        struct names got2 = { "" };
        int fd = temp_file(buf, n);

        assert_int_equal(rules_match_fd(rs, fd, 0, NULL, collect, &got2), IH_OK);
        close(fd);
        assert_string_equal(got2.buf, "cnt last_kept far_at far_in");
    }
    rules_free(rs);
    free(buf);
}

/*
 * '#a in' past the kept offsets is undefined (the count would be a guess);
 * loops stop at RULES_MAX_ITERATIONS bodies per match: the match fails
 * (IH_ETOOBIG) rather than give a verdict on a part of the condition.
 */
static void test_loop_caps(void **state)
{
    static const char cnt[] =
        "rule in_kept { strings: $a = \"zz\" condition: #a in (0..1023) == 1024 }\n"
        "rule in_past { strings: $a = \"zz\" condition: #a in (0..2000) == 2001 }\n"
        "rule not_in_past { strings: $a = \"zz\" condition: not (#a in (0..2000) == 2001) }\n";
    static const char loop[] =
        "rule ok { condition: for all i in (1..1000) : (for all j in (1..1000) : (true)) }\n"
        "rule big { condition: for any i in (0..0x7fffffffffffffff) : (for any j in (0..8) : (false)) }\n";
    size_t n = 3001;
    char *buf = malloc(n);
    struct rules *rs;
    struct names got = { "" };

    (void)state;
    assert_non_null(buf);
    memset(buf, 'z', n);
    assert_int_equal(rules_new(&rs), IH_OK);
    assert_int_equal(rules_load_buffer(rs, "cap", cnt, strlen(cnt)), IH_OK);
    assert_int_equal(rules_match_buffer(rs, buf, n, 0, NULL, collect, &got), IH_OK);
    assert_string_equal(got.buf, "in_kept");
    rules_free(rs);
    free(buf);

    assert_int_equal(rules_new(&rs), IH_OK);
    assert_int_equal(rules_load_buffer(rs, "loop", loop, 82), IH_OK);   /* "ok" only */
    got.buf[0] = '\0';
    assert_int_equal(rules_match_buffer(rs, "", 0, 0, NULL, collect, &got), IH_OK);
    assert_string_equal(got.buf, "ok");
    assert_int_equal(rules_load_buffer(rs, "loop", loop + 82, strlen(loop) - 82), IH_OK);
    got.buf[0] = '\0';
    assert_int_equal(rules_match_buffer(rs, "", 0, 0, NULL, collect, &got), IH_ETOOBIG);
    assert_string_equal(got.buf, "");
    rules_free(rs);
}

/*
 * Jumps that can combine in exponentially many ways over a run of bytes
 * that always almost match: the memo of failed (element, offset) pairs
 * keeps this to elements x span per candidate (it would not finish
 * otherwise).
 */
static void test_hex_pathological(void **state)
{
    static const char src[] =
        "rule p { strings: $h = { 41 41 41 41 [0-300] 41 [0-300] 41 [0-300] 41 [0-300] 41 [0-300] 42 } "
        "condition: $h }\n"
        "rule q { strings: $h = { 41 41 41 41 [0-300] 41 [0-300] 41 [0-300] 41 [0-300] 41 [0-300] 41 } "
        "condition: #h > 100 }\n";
    size_t n = 20000;
    char *buf = malloc(n);
    struct rules *rs;
    struct names got = { "" };

    (void)state;
    assert_non_null(buf);
    memset(buf, 'A', n);
    assert_int_equal(rules_new(&rs), IH_OK);
    assert_int_equal(rules_load_buffer(rs, "patho", src, strlen(src)), IH_OK);
    assert_int_equal(rules_match_buffer(rs, buf, n, 0, NULL, collect, &got), IH_OK);
    assert_string_equal(got.buf, "q");
    rules_free(rs);
    free(buf);
}

/* N bytes of C, freed by the caller. */
static char *filled(size_t n, int c)
{
    char *buf = malloc(n);

    assert_non_null(buf);
    memset(buf, c, n);
    return buf;
}

/* SRC over BUF[N], from memory and from a file: the rules WANT match. */
static void match_both(const char *src, const char *buf, size_t n, const char *want)
{
    struct rules *rs;
    struct names got = { "" }, got2 = { "" };
    int fd;

    assert_int_equal(rules_new(&rs), IH_OK);
    assert_int_equal(rules_load_buffer(rs, "both", src, strlen(src)), IH_OK);
    assert_int_equal(rules_match_buffer(rs, buf, n, 0, NULL, collect, &got), IH_OK);
    assert_string_equal(got.buf, want);
    fd = temp_file(buf, n);
    assert_int_equal(rules_match_fd(rs, fd, 0, NULL, collect, &got2), IH_OK);
    close(fd);
    assert_string_equal(got2.buf, want);
    rules_free(rs);
}

/*
 * Regular expressions without a literal first byte are tried at every
 * offset; a start with no byte of the class every match needs ('c', 'd')
 * within the scan limit is skipped.  Over 60,000 bytes of 'a' (four read
 * chunks, in a buffer and through a file) the matches near 'c' and near
 * 'd' (just past the first chunk) are all found: each start from 4,095
 * bytes before the byte to the byte itself, 4,096 of them (yara, which
 * counts the limit from its atom, the 'c' or the 'd', finds 4,097);
 * nothing for a class that is absent.
 */
static void test_regex_required(void **state)
{
    static const char src[] =
        "rule c { strings: $a = /(a|aa)*c/ ascii wide condition: #a == 4096 and @a[1] == 35905 and "
        "!a[1] == 4096 and $a at 40000 }\n"
        "rule d { strings: $a = /a*d/ condition: #a == 4096 and @a[1] == 12294 and !a[1] == 4096 }\n"
        "rule e { strings: $a = /a*(a|b)e/ condition: #a == 0 }\n";
    size_t n = 60000;
    char *buf = filled(n, 'a');

    (void)state;
    buf[40000] = 'c';
    buf[16389] = 'd';
    match_both(src, buf, n, "c d e");
    free(buf);
}

/* Atoms after variable jumps (a range of starts per hit, across a chunk
 * boundary), a required regex literal and \b, both cases through the
 * byte filter: buffer and file give the same offsets. */
static void test_atom_ranges(void **state)
{
    static const char src[] =
        "rule r1 { strings: $a = { 41 [1-3] 42 43 44 45 } condition: #a == 5 and @a[1] == 100 and "
        "@a[2] == 200 and @a[3] == 400 and @a[4] == 401 and !a[4] == 6 and @a[5] == 16380 and !a[5] == 8 }\n"
        "rule r2 { strings: $b = /\\b\\w+:\\s%s/ condition: #b == 3 and @b[1] == 1000 and "
        "@b[2] == 2003 and !b[2] == 6 and @b[3] == 50000 }\n"
        "rule r3 { strings: $c = \"MiXeD\" nocase $d = \"MiXeD\" condition: #c == 3 and #d == 1 and "
        "@d[1] == 60020 }\n";
    size_t n = 70000, k;
    char *buf = filled(n, '.');

    (void)state;
    memcpy(buf + 100, "A.BCDE", 6);
    memcpy(buf + 200, "A..BCDE", 7);
    memcpy(buf + 300, "A....BCDE", 9);     /* jump too long */
    memcpy(buf + 400, "AAxBCDE", 7);       /* two starts, one hit */
    memcpy(buf + 16380, "A...BCDE", 8);    /* across the first read */
    memcpy(buf + 1000, "key: %s", 7);
    memcpy(buf + 2000, "ab-cd: %s", 9);
    for (k = 20000; k < 40000; k += 4) {
        memcpy(buf + k, "abc ", 4);         /* words, no literal in reach */
    }
    memcpy(buf + 50000, "word:\t%s", 8);
    memcpy(buf + 60000, "mixed", 5);
    memcpy(buf + 60010, "MIXED", 5);
    memcpy(buf + 60020, "MiXeD", 5);
    match_both(src, buf, n, "r1 r2 r3");
    free(buf);
}

/* Regular expressions whose matches begin in several ways take one atom
 * per way (alternatives, an optional first character), wide and nocase
 * too, and a hit verifies from its own branch's offset. */
static void test_regex_branches(void **state)
{
    static const char src[] =
        "rule r1 { strings: $a = /(To|From):\\s%s/ condition: #a == 2 and @a[1] == 100 and !a[1] == 6 and "
        "@a[2] == 16382 and !a[2] == 8 }\n"
        "rule r2 { strings: $b = /web|inf|\\\\c[0-9].bat/ condition: #b == 3 and @b[1] == 500 and "
        "@b[2] == 600 and @b[3] == 700 and !b[3] == 7 }\n"
        "rule r3 { strings: $c = /(ab|cd)ef/ wide nocase condition: #c == 2 and @c[1] == 800 and "
        "!c[1] == 8 and @c[2] == 900 }\n"
        "rule r4 { strings: $d = /x?abc/ condition: #d == 2 and @d[1] == 1000 and !d[1] == 4 and "
        "@d[2] == 1001 }\n";
    static const char wide1[] = "A\0B\0E\0F", wide2[] = "c\0d\0e\0f";
    size_t n = 20000;
    char *buf = filled(n, '.');

    (void)state;
    memcpy(buf + 100, "To: %s", 6);
    memcpy(buf + 16382, "From:\t%s", 8);   /* across the first read */
    memcpy(buf + 300, "to: %s", 6);        /* case matters */
    memcpy(buf + 500, "web", 3);
    memcpy(buf + 600, "inf", 3);
    memcpy(buf + 700, "\\c7.bat", 7);
    memcpy(buf + 800, wide1, 8);
    memcpy(buf + 900, wide2, 8);
    memcpy(buf + 1000, "xabc", 4);
    match_both(src, buf, n, "r1 r2 r3 r4");
    free(buf);
}

/* A condition's bytes (uint16(0), PE header reads, the last bytes) after
 * the pass, after digests and across many files' worth of moves of the
 * read window: the same values from a buffer and from a file. */
static void test_read_window(void **state)
{
    static const char src[] =
        "import \"hash\"\n"
        "rule r1 { condition: uint16(0) == 0x5a4d and uint32(0x3c) == 0x80 and uint32(0x80) == 0x4550 and "
        "uint16be(0x84) == 0x4c01 and uint8(filesize - 1) == 0x7e and int8(filesize - 1) == 0x7e and "
        "uint32be(filesize - 4) == 0x7b7c7d7e and not defined uint32(filesize - 3) and "
        "uint16(0) == 0x5a4d }\n"
        "rule r2 { condition: hash.md5(0, filesize) != \"\" and uint16(0) == 0x5a4d and "
        "uint32(40000) == 0x44434241 and uint32(39998) == 0x42412e2e and uint32(0x80) == 0x4550 and "
        "for all i in (0..200): (uint8(i * 300) == 0x2e or i * 300 < 0x90 or i * 300 == 40000) }\n";
    size_t n = 70000;
    char *buf = filled(n, '.');

    (void)state;
    memcpy(buf, "MZ", 2);
    memcpy(buf + 0x3c, "\x80\0\0\0", 4);
    memcpy(buf + 0x80, "PE\0\0\x4c\x01", 6);
    memcpy(buf + 40000, "ABCD", 4);
    memcpy(buf + n - 4, "{|}~", 4);
    match_both(src, buf, n, "r1 r2");
    free(buf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_refused),
        cmocka_unit_test(test_depth_caps),
        cmocka_unit_test(test_truncated),
        cmocka_unit_test(test_match_table),
        cmocka_unit_test(test_sources),
        cmocka_unit_test(test_stream),
        cmocka_unit_test(test_match_cap),
        cmocka_unit_test(test_loop_caps),
        cmocka_unit_test(test_hex_pathological),
        cmocka_unit_test(test_regex_required),
        cmocka_unit_test(test_atom_ranges),
        cmocka_unit_test(test_regex_branches),
        cmocka_unit_test(test_read_window),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
