# SPDX-License-Identifier: BSD-3-Clause
# cases.py - YARA's tests/test-rules.c (VirusTotal/yara, the 4.x test suite)
# ported as data: each case is a rule source, the bytes it is matched
# against, and what YARA's own test expects (kept for reference only: the
# table stores what the installed `yara` answers, see gen-table.py).
# The C calls are kept nearly verbatim (C and Python string literals agree
# on the escapes used here), so the port can be compared line by line.
#
# Derived from YARA's test-rules.c and blob.h:
# Copyright (c) 2016. The YARA Authors. All Rights Reserved.
# BSD 3-Clause licence: see LICENSE.yara beside this file.

CASES = []       # (group, rule, data bytes or None, expected by YARA's test)
NOT_PORTED = []  # (group, reason)
group = ""


def _b(s):
    if s is None:
        return None
    if isinstance(s, bytes):
        return s
    return s.encode("latin-1")


def T(rule, data):
    CASES.append((group, rule, _b(data), "match"))


def F(rule, data):
    CASES.append((group, rule, _b(data), "nomatch"))


def E(rule, code):
    CASES.append((group, rule, None, "error:" + code))


def TFILE(rule, path):
    NOT_PORTED.append((group, "data file " + path + " (binary, not available here)"))


def W(rule):
    NOT_PORTED.append((group, "compiler warning check (no match to compare)"))


def RT(regexp, string, expected):
    # assert_true_regexp: the regexp matches STRING and its first match is
    # EXPECTED; ported as two cases: it matches, and the length agrees.
    T("rule test { strings: $a = /" + regexp + "/ condition: $a }", string)
    T("rule test { strings: $a = /" + regexp + "/ condition: !a[1] == %d }"
      % len(_b(expected)), string)


def RF(regexp, string):
    F("rule test { strings: $a = /" + regexp + "/ condition: $a }", string)


def RE(regexp):
    E("rule test { strings: $a = /" + regexp + "/ condition: $a }", "ERROR_SYNTAX_ERROR")


def _hex(s):
    return bytes.fromhex(s.replace(" ", "").replace("\n", ""))


def Z(n):
    return "00" * n


PE32_FILE = _hex(
    "4d5a" + Z(58) + "40000000"
    "504500004c010100" "5dbe454500000000" "00000000e0000301"
    "0b01080004000000" + Z(8) + "6001000060010000"
    "6401000000004000" "0100000001000000" "0400000000000000"
    "0400000000000000" "6401000060010000" "0000000002000004"
    "0000100000100000" "0000100000100000" "0000000010000000"
    + Z(8 * 16) +
    "2e74657874000000" "0400000060010000" "0400000060010000"
    + Z(8) + "0000000020000060" "6a2a58c3")

ELF32_FILE = _hex(
    "7f454c4601010100" + Z(8) + "0200030001000000"
    "6080040834000000" "a800000000000000" "3400200001002800"
    "0400030001000000" "0000000000800408" "008004086c000000"
    "6c00000005000000" "0010000000000000" + Z(8) +
    "b801000000bb2a00" "0000cd8000546865" "204e657477696465"
    "20417373656d626c" "657220322e30352e" "303100002e736873"
    "7472746162002e74" "657874002e636f6d" "6d656e7400000000"
    + Z(8 * 5) +
    "0b00000001000000" "0600000060800408" "600000000c000000"
    + Z(8) + "1000000000000000"
    "1100000001000000" + Z(8) + "6c0000001f000000"
    + Z(8) + "0100000000000000"
    "0100000003000000" + Z(8) + "8b0000001a000000"
    + Z(8) + "0100000000000000")

ELF64_FILE = _hex(
    "7f454c4602010100" + Z(8) + "02003e0001000000"
    "8000400000000000" "4000000000000000" "c800000000000000"
    "0000000040003800" "0100400004000300" "0100000005000000"
    + Z(8) + "0000400000000000" "0000400000000000"
    "8c00000000000000" "8c00000000000000" "0000200000000000"
    + Z(8) +
    "b801000000bb2a00" "0000cd8000546865" "204e657477696465"
    "20417373656d626c" "657220322e30352e" "303100002e736873"
    "7472746162002e74" "657874002e636f6d" "6d656e7400000000"
    + Z(8 * 8) +
    "0b00000001000000" "0600000000000000" "8000400000000000"
    "8000000000000000" "0c00000000000000" + Z(8) +
    "1000000000000000" + Z(8) +
    "1100000001000000" + Z(16) + "8c00000000000000"
    "1f00000000000000" + Z(8) + "0100000000000000" + Z(8) +
    "0100000003000000" + Z(16) + "ab00000000000000"
    "1a00000000000000" + Z(8) + "0100000000000000" + Z(8))

TEXT_0063_BYTES = "[ 123456789 123456789 123456789 123456789 123456789 123456789 ]"
TEXT_0256_BYTES_001 = "001" + TEXT_0063_BYTES * 4 + "\n"
TEXT_0256_BYTES_002 = "002" + TEXT_0063_BYTES * 4 + "\n"
TEXT_0256_BYTES_003 = "003" + TEXT_0063_BYTES * 4 + "\n"
TEXT_0256_BYTES_004 = "004" + TEXT_0063_BYTES * 4 + "\n"
TEXT_1024_BYTES = TEXT_0256_BYTES_001 + TEXT_0256_BYTES_002 + TEXT_0256_BYTES_003 + TEXT_0256_BYTES_004
NULL = None

if True:
  group = "boolean_operators"
  T("rule test { condition: true }", NULL);
  T("rule test { condition: true or false }", NULL);
  T("rule test { condition: true and true }", NULL);
  T("rule test { condition: 0x1 and 0x2}", NULL);
  F("rule test { condition: false }", NULL);
  F("rule test { condition: true and false }", NULL);
  F("rule test { condition: false or false }", NULL);

  group = "comparison_operators"
  T("rule test { condition: 2 > 1 }", NULL);
  T("rule test { condition: 1 < 2 }", NULL);
  T("rule test { condition: 2 >= 1 }", NULL);
  T("rule test { condition: 1 <= 1 }", NULL);
  T("rule test { condition: 1 == 1 }", NULL);
  T("rule test { condition: 1.5 == 1.5}", NULL);
  T("rule test { condition: 1.0 == 1}", NULL);
  T("rule test { condition: 1.5 >= 1.0}", NULL);
  T("rule test { condition: 1.0 != 1.000000000000001 }", NULL);
  T("rule test { condition: 1.0 < 1.000000000000001 }", NULL);
  F("rule test { condition: 1.0 >= 1.000000000000001 }", NULL);
  T("rule test { condition: 1.000000000000001 > 1 }", NULL);
  F("rule test { condition: 1.000000000000001 <= 1 }", NULL);
  T("rule test { condition: 1.0 == 1.0000000000000001 }", NULL);
  T("rule test { condition: 1.0 >= 1.0000000000000001 }", NULL);
  T("rule test { condition: 1.5 >= 1}", NULL);
  T("rule test { condition: 1.0 >= 1}", NULL);
  T("rule test { condition: 0.5 < 1}", NULL);
  T("rule test { condition: 0.5 <= 1}", NULL);
  T("rule test { condition: 1.0 <= 1}", NULL);
  T("rule test { condition: \"abc\" == \"abc\"}", NULL);
  T("rule test { condition: \"abc\" <= \"abc\"}", NULL);
  T("rule test { condition: \"abc\" >= \"abc\"}", NULL);
  T("rule test { condition: \"ab\" < \"abc\"}", NULL);
  T("rule test { condition: \"abc\" > \"ab\"}", NULL);
  T("rule test { condition: \"abc\" < \"abd\"}", NULL);
  T("rule test { condition: \"abd\" > \"abc\"}", NULL);
  F("rule test { condition: 1 != 1}", NULL);
  F("rule test { condition: 1 != 1.0}", NULL);
  F("rule test { condition: 2 > 3}", NULL);
  F("rule test { condition: 2.1 < 2}", NULL);
  F("rule test { condition: \"abc\" != \"abc\"}", NULL);
  F("rule test { condition: \"abc\" > \"abc\"}", NULL);
  F("rule test { condition: \"abc\" < \"abc\"}", NULL);

  group = "arithmetic_operators"
  T("rule test { condition: (1 + 1) * 2 == (9 - 1) \\ 2 }", NULL);
  T("rule test { condition: 5 % 2 == 1 }", NULL);
  T("rule test { condition: 1.5 + 1.5 == 3}", NULL);
  T("rule test { condition: 3 \\ 2 == 1}", NULL);
  T("rule test { condition: 3.0 \\ 2 == 1.5}", NULL);
  T("rule test { condition: 1 + -1 == 0}", NULL);
  T("rule test { condition: -1 + -1 == -2}", NULL);
  T("rule test { condition: 4 --2 * 2 == 8}", NULL);
  T("rule test { condition: -1.0 * 1 == -1.0}", NULL);
  T("rule test { condition: 1-1 == 0}", NULL);
  T("rule test { condition: -2.0-3.0 == -5}", NULL);
  T("rule test { condition: --1 == 1}", NULL);
  T("rule test { condition: 1--1 == 2}", NULL);
  T("rule test { condition: 2 * -2 == -4}", NULL);
  T("rule test { condition: -4 * 2 == -8}", NULL);
  T("rule test { condition: -4 * -4 == 16}", NULL);
  T("rule test { condition: -0x01 == -1}", NULL);
  T("rule test { condition: 0o10 == 8 }", NULL);
  T("rule test { condition: 0o100 == 64 }", NULL);
  T("rule test { condition: 0o755 == 493 }", NULL);
  E("rule test { condition: 9223372036854775808 > 0 }", "ERROR_SYNTAX_ERROR");
  E("rule test { condition: 9007199254740992KB > 0 }", "ERROR_SYNTAX_ERROR");
  E("rule test { condition: 8796093022208MB > 0 }", "ERROR_SYNTAX_ERROR");
  E("rule test { condition: 0x8000000000000000 > 0 }", "ERROR_SYNTAX_ERROR");
  E("rule test { condition: 0o1000000000000000000000 > 0 }", "ERROR_SYNTAX_ERROR");
  E("rule test { condition: 0x7FFFFFFFFFFFFFFF + 1 > 0 }", "ERROR_INTEGER_OVERFLOW");
  E("rule test { condition: 9223372036854775807 + 1 > 0 }", "ERROR_INTEGER_OVERFLOW");
  E("rule test { condition: -9223372036854775807 - 2 > 0 }", "ERROR_INTEGER_OVERFLOW");
  E("rule test { condition: -2 + -9223372036854775807 > 0 }", "ERROR_INTEGER_OVERFLOW");
  E("rule test { condition: 1 - -9223372036854775807 > 0 }", "ERROR_INTEGER_OVERFLOW");
  E("rule test { condition: 0x4000000000000000 * 2 }", "ERROR_INTEGER_OVERFLOW");
  E("rule test { condition: 4611686018427387904 * 2 }", "ERROR_INTEGER_OVERFLOW");
  E("rule test { condition: 4611686018427387904 * -2 }", "ERROR_INTEGER_OVERFLOW");
  E("rule test { condition: -4611686018427387904 * 2 }", "ERROR_INTEGER_OVERFLOW");
  E("rule test { condition: -4611686018427387904 * -2 }", "ERROR_INTEGER_OVERFLOW");

  group = "bitwise_operators"
  T("rule test { condition: 0x55 | 0xAA == 0xFF }", NULL);
  T("rule test { condition: ~0xAA ^ 0x5A & 0xFF == (~0xAA) ^ (0x5A & 0xFF) }", NULL);
  T("rule test { condition: ~0x55 & 0xFF == 0xAA }", NULL);
  T("rule test { condition: 8 >> 2 == 2 }", NULL);
  T("rule test { condition: 1 << 3 == 8 }", NULL);
  T("rule test { condition: 1 << 64 == 0 }", NULL);
  T("rule test { condition: 1 >> 64 == 0 }", NULL);
  E("rule test { condition: 1 << -1 == 0 }", "ERROR_INVALID_OPERAND");
  E("rule test { condition: 1 >> -1 == 0 }", "ERROR_INVALID_OPERAND");
  T("rule test { condition: 1 | 3 ^ 3 == 1 | (3 ^ 3) }", NULL);
  F("rule test { condition: ~0xAA ^ 0x5A & 0xFF == 0x0F }", NULL);
  F("rule test { condition: 1 | 3 ^ 3 == (1 | 3) ^ 3}", NULL);

  group = "string_operators"
  T("rule test { condition: \"foobarbaz\" contains \"bar\" }", NULL);
  T("rule test { condition: \"foobarbaz\" contains \"foo\" }", NULL);
  T("rule test { condition: \"foobarbaz\" contains \"baz\" }", NULL);
  T("rule test { condition: \"foobarbaz\" icontains \"BAR\" }", NULL);
  T("rule test { condition: \"foobarbaz\" icontains \"BaR\" }", NULL);
  T("rule test { condition: \"FooBarBaz\" icontains \"bar\" }", NULL);
  T("rule test { condition: \"FooBarBaz\" icontains \"baz\" }", NULL);
  T("rule test { condition: \"FooBarBaz\" icontains \"FOO\" }", NULL);
  T("rule test { condition: \"foobarbaz\" contains \"foo\" }", NULL);
  T("rule test { condition: \"foobarbaz\" contains \"baz\" }", NULL);
  F("rule test { condition: \"foobarbaz\" contains \"baq\" }", NULL);
  F("rule test { condition: \"foo\" contains \"foob\" }", NULL);
  T("rule test { condition: \"foobarbaz\" startswith \"foo\" }", NULL);
  T("rule test { condition: \"foobarbaz\" istartswith \"Foo\" }", NULL);
  T("rule test { condition: \"FooBarBaz\" istartswith \"fOO\" }", NULL);
  F("rule test { condition: \"foobarbaz\" startswith \"fob\" }", NULL);
  T("rule test { condition: \"foobarbaz\" endswith \"baz\" }", NULL);
  T("rule test { condition: \"foobarbaz\" iendswith \"baZ\" }", NULL);
  T("rule test { condition: \"foobarbaz\" iendswith \"BaZ\" }", NULL);
  F("rule test { condition: \"foobarbaz\" endswith \"ba\" }", NULL);

  group = "matches_operator"
  T("rule test { condition: \"foo\" matches /foo/ }", NULL);
  F("rule test { condition: \"foo\" matches /bar/ }", NULL);
  T("rule test { condition: \"FoO\" matches /fOo/i }", NULL);
  T("rule test { condition: \"xxFoOxx\" matches /fOo/i }", NULL);
  F("rule test { condition: \"xxFoOxx\" matches /^fOo/i }", NULL);
  F("rule test { condition: \"xxFoOxx\" matches /fOo$/i }", NULL);
  T("rule test { condition: \"foo\" matches /^foo$/i }", NULL);
  T("rule test { condition: \"foo\\nbar\" matches /foo.*bar/s }", NULL);
  F("rule test { condition: \"foo\\nbar\" matches /foo.*bar/ }", NULL);

  group = "syntax"
  E("rule test { strings: $a = \"a\" $a = \"a\" condition: all of them }", "ERROR_DUPLICATED_STRING_IDENTIFIER");
  E("rule test { strings: $a = /a.c/ xor condition: $a }", "ERROR_SYNTAX_ERROR");
  E("rule test { strings: $a = /abc/ xor condition: $a }", "ERROR_SYNTAX_ERROR");
  E("rule test { strings: $a = {01 02 ?? 03 04} xor condition: $a }", "ERROR_SYNTAX_ERROR");
  E("rule test { strings: $a = {01 02 0? 03 04} xor condition: $a }", "ERROR_SYNTAX_ERROR");
  E("rule test { strings: $a = {01 02 03 04} xor condition: $a }", "ERROR_SYNTAX_ERROR");
  E("rule test rule test", "ERROR_DUPLICATED_IDENTIFIER");

  group = "anonymous_strings"
  T("rule test { strings: $ = \"a\" $ = \"b\" condition: all of them }", "ab");

def TB(rule, data):
    # assert_true_rule_blob: sizeof() of a C literal counts its final NUL
    T(rule, data + "\0" if isinstance(data, str) else data)


def FB(rule, data):
    F(rule, data + "\0" if isinstance(data, str) else data)


if True:
  group = "strings"
  str_ = TEXT_1024_BYTES + "---- abc ---- xyz"
  blob = TEXT_1024_BYTES + "---- a\0b\0c\0 -\0-\0-\0-\0x\0y\0z\0"
  T("rule test { strings: $a = \"a\" condition: $a }", str_);
  T("rule test { strings: $a = \"ab\" condition: $a }", str_);
  T("rule test { strings: $a = \"abc\" condition: $a }", str_);
  T("rule test { strings: $a = \"xyz\" condition: $a }", str_);
  T("rule test { strings: $a = \"abc\" nocase fullword condition: $a }", str_);
  T("rule test { strings: $a = \"aBc\" nocase  condition: $a }", str_);
  T("rule test { strings: $a = \"abc\" fullword condition: $a }", str_);
  F("rule test { strings: $a = \"a\" fullword condition: $a }", str_);
  F("rule test { strings: $a = \"ab\" fullword condition: $a }", str_);
  F("rule test { strings: $a = \"abc\" wide fullword condition: $a }", str_);
  TB("rule test { strings: $a = \"a\" wide condition: $a }", blob);
  TB("rule test { strings: $a = \"a\" wide ascii condition: $a }", blob);
  TB("rule test { strings: $a = \"ab\" wide condition: $a }", blob);
  TB("rule test { strings: $a = \"ab\" wide ascii condition: $a }", blob);
  TB("rule test { strings: $a = \"abc\" wide condition: $a }", blob);
  TB("rule test { strings: $a = \"abc\" wide nocase fullword condition: $a }", blob);
  TB("rule test { strings: $a = \"aBc\" wide nocase condition: $a }", blob);
  TB("rule test { strings: $a = \"aBc\" wide ascii nocase condition: $a }", blob);
  TB("rule test { strings: $a = \"---xyz\" wide nocase condition: $a }", blob);
  T("rule test { strings: $a = \"abc\" fullword condition: $a }", "abc");
  F("rule test { strings: $a = \"abc\" fullword condition: $a }", "xabcx");
  F("rule test { strings: $a = \"abc\" fullword condition: $a }", "xabc");
  F("rule test { strings: $a = \"abc\" fullword condition: $a }", "abcx");
  FB("rule test { strings: $a = \"abc\" wide condition: $a }", "a\1b\0c\0d\0e\0f\0");
  FB("rule test { strings: $a = \"abcdef\" wide condition: $a }", "a\0b\0c\0d\0e\0f\1");
  F("rule test { strings: $a = \"abc\" ascii wide fullword condition: $a }", "abcx");
  TB("rule test { strings: $a = \"abc\" ascii wide fullword condition: $a }", "a\0abc");
  TB("rule test { strings: $a = \"abc\" wide fullword condition: $a }", "a\0b\0c\0");
  FB("rule test { strings: $a = \"abc\" wide fullword condition: $a }", "x\0a\0b\0c\0x\0");
  FB("rule test { strings: $a = \"ab\" wide fullword condition: $a }", "x\0a\0b\0");
  FB("rule test { strings: $a = \"abc\" wide fullword condition: $a }", "x\0a\0b\0c\0");
  TB("rule test { strings: $a = \"abc\" wide fullword condition: $a }", "x\001a\0b\0c\0");
  T("rule test { strings: $a = \"\\t\\r\\n\\\"\\\\\" condition: $a }", "\t\r\n\"\\");
  T("rule test {\n\
         strings:\n\
             $a = \"abcdef\"\n\
             $b = \"cdef\"\n\
             $c = \"ef\"\n\
         condition:\n\
             all of them\n\
       }", "abcdef");
  for _n in range(6): TFILE("xor", "tests/data/xor.out")
  E("rule test {\n\
      strings:\n\
        $a = \"This program cannot\" xor(300)\n\
      condition:\n\
        $a\n\
    }", "ERROR_INVALID_MODIFIER");
  E("rule test {\n\
      strings:\n\
        $a = \"This program cannot\" xor(200-10)\n\
      condition:\n\
        $a\n\
    }", "ERROR_INVALID_MODIFIER");
  E("rule test {\n\
      strings:\n\
        $a = {00 11 22 33} xor\n\
      condition:\n\
        $a\n\
    }", "ERROR_SYNTAX_ERROR");
  E("rule test {\n\
      strings:\n\
        $a = /foo(bar|baz)/ xor\n\
      condition:\n\
        $a\n\
    }", "ERROR_SYNTAX_ERROR");
  E("rule test {\n\
      strings:\n\
        $a = \"ab\" xor xor\n\
      condition:\n\
        $a\n\
    }", "ERROR_DUPLICATED_MODIFIER");
  for _n in range(3): TFILE("xor", "tests/data/xorwide*.out")
  E("rule test {\n\
      strings:\n\
        $a = \"ab\" xor nocase\n\
      condition:\n\
        true\n\
    }", "ERROR_INVALID_MODIFIER");
  T("rule test { \
        strings:\
          $a = \"AXS\" private\
      condition:\
        all of them\
      }", "AXS");
  T("rule test { \
        strings:\
          $a = { 45 52 53 } private\
      condition:\
        all of them\
      }", "ERS");
  T("rule test { \
        strings:\
          $a = /AXS[0-9]{4}ERS[0-9]{4}/ private\
      condition:\
        all of them\
      }", "AXS1111ERS2222");
  E("rule test {\n\
      strings:\n\
        $a = \"ab\" base64 nocase\n\
      condition:\n\
        true\n\
    }", "ERROR_INVALID_MODIFIER");
  E("rule test {\n\
      strings:\n\
        $a = \"ab\" base64 xor\n\
      condition:\n\
        true\n\
    }", "ERROR_INVALID_MODIFIER");
  E("rule test {\n\
      strings:\n\
        $a = \"ab\" base64 fullword\n\
      condition:\n\
        true\n\
    }", "ERROR_INVALID_MODIFIER");
  E("rule test {\n\
      strings:\n\
        $a = \"ab\" base64(\"AXS\")\n\
      condition:\n\
        true\n\
    }", "ERROR_INVALID_MODIFIER");
  E("rule test {\n\
      strings:\n\
        $a = \"ab\" base64wide(\"ERS\")\n\
      condition:\n\
        true\n\
    }", "ERROR_INVALID_MODIFIER");
  E("rule test {\n\
      strings:\n\
        $a = \"ab\" base64 base64wide(\"abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ,.\")\n\
      condition:\n\
        true\n\
    }", "ERROR_INVALID_MODIFIER");
  for _n in range(13): TFILE("base64", "tests/data/base64")

  group = "wildcard_strings"
  TB("rule test {\n\
         strings:\n\
             $s1 = \"abc\"\n\
             $s2 = \"xyz\"\n\
         condition:\n\
             for all of ($*) : ($)\n\
      }", "---- abc ---- A\x00" "B\x00" "C\x00 ---- xyz");

  group = "hex_strings"
  TB("rule test { \
        strings: $a = { 64 01 00 00 60 01 } \
        condition: $a }", PE32_FILE);
  TB("rule test { \
        strings: $a = { 64 0? 00 00 ?0 01 } \
        condition: $a }", PE32_FILE);
  TB("rule test { \
        strings: $a = { 6? 01 00 00 60 0? } \
        condition: $a }", PE32_FILE);
  TB("rule test { \
        strings: $a = { 64 01 [1-3] 60 01 } \
        condition: $a }", PE32_FILE);
  TB("rule test { \
        strings: $a = { 64 01 [1-3] (60|61) 01 } \
        condition: $a }", PE32_FILE);
  TB("rule test { \
        strings: $a = { 4D 5A [-] 6A 2A [-] 58 C3} \
        condition: $a }", PE32_FILE);
  TB("rule test { \
        strings: $a = { 4D 5A [300-] 6A 2A [-] 58 C3} \
        condition: $a }", PE32_FILE);
  TB("rule test { \
        strings: $a = { 2e 7? (65 | ?? ) 78 } \
        condition: $a }", PE32_FILE);
  FB("rule test { \
        strings: $a = { 4D 5A [0-300] 6A 2A } \
        condition: $a }", PE32_FILE);
  FB("rule test { \
        strings: $a = { 4D 5A [0-128] 45 [0-128] 01 [0-128]  C3 } \
        condition: $a }", PE32_FILE);
  T("rule test { \
        strings: $a = { 31 32 [-] 38 39 } \
        condition: $a }", "1234567890");
  T("rule test { \
        strings: $a = {\n 31 32 [-] 38 39 \n\r} \
        condition: $a }", "1234567890");
  T("rule test { \
        strings: $a = { 31 32 [-] 33 34 [-] 38 39 } \
        condition: $a }", "1234567890");
  T("rule test { \
        strings: $a = { 31 32 [-] 33 34 [-] 38 39 } private \
        condition: $a }", "1234567890");
  T("rule test { \
        strings: $a = { 31 32 [1] 34 35 [2] 38 39 } \
        condition: $a }", "1234567890");
  T("rule test {\
         strings: $a = { 31 32 [1-] 34 35 [1-] 38 39 } \
         condition: $a }", "1234567890");
  T("rule test { \
        strings: $a = { 31 32 [0-3] 34 35 [1-] 38 39 } \
        condition: $a }", "1234567890");
  T("rule test { \
        strings: $a = { 31 32 [0-2] 35 [1-] 37 38 39 } \
        condition: $a }", "1234567890");
  T("rule test { \
        strings: $a = { 31 32 [0-1] 33 } \
        condition: !a == 3}", "1234567890");
  T("rule test { \
        strings: $a = { 31 32 [0-1] 34 } \
        condition: !a == 4}", "1234567890");
  T("rule test { \
        strings: $a = { 31 32 [0-2] 34 } \
        condition: !a == 4 }", "1234567890");
  T("rule test { \
        strings: $a = { 31 32 [-] 38 39 } \
        condition: all of them }", "1234567890");
  F("rule test { \
        strings: $a = { 31 32 [-] 32 33 } \
        condition: $a }", "1234567890");
  F("rule test { \
        strings: $a = { 35 36 [-] 31 32 } \
        condition: $a }", "1234567890");
  F("rule test { \
        strings: $a = { 31 32 [2-] 34 35 } \
        condition: $a }", "1234567890");
  T("rule test { \
        strings: $a = { 31 32 [0-1] 33 34 [0-2] 36 37 } \
        condition: $a }", "1234567890");
  T("rule test { \
        strings: $a = { 31 32 [0-1] 34 35 [0-2] 36 37 } \
        condition: $a }", "1234567890");
  F("rule test { \
        strings: $a = { 31 32 [0-3] 37 38 } \
        condition: $a }", "1234567890");
  T("rule test { \
        strings: $a = { 31 32 [1] 33 34 } \
        condition: $a }", "12\n34");
  T("rule test { \
        strings: $a = {31 32 [3-6] 32} \
        condition: !a == 6 }", "12111222");
  T("rule test { \
        strings: $a = {31 [0-3] (32|33)} \
        condition: !a == 2 }", "122222222");
  E("rule test { \
        strings: $a = { 01 [0] 02 } \
        condition: $a }", "ERROR_INVALID_HEX_STRING");
  E("rule test { \
        strings: $a = { [-] 01 02 } condition: $a }", "ERROR_INVALID_HEX_STRING");
  E("rule test { \
        strings: $a = { 01 02 [-] } \
        condition: $a }", "ERROR_INVALID_HEX_STRING");
  E("rule test { \
        strings: $a = { 01 02 ([-] 03 | 04) } \
        condition: $a }", "ERROR_INVALID_HEX_STRING");
  E("rule test { \
        strings: $a = { 01 02 (03 [-] | 04) } \
        condition: $a }", "ERROR_INVALID_HEX_STRING");
  E("rule test { \
        strings: $a = { 01 02 (03 | 04 [-]) } \
        condition: $a ", "ERROR_INVALID_HEX_STRING");

  group = "count"
  T("rule test { strings: $a = \"ssi\" condition: #a == 2 }", "mississippi");
  T("rule test { strings: $a = \"ssi\" private condition: #a == 2 }", "mississippi");

  group = "at"
  T("rule test { \
        strings: $a = \"ssi\" \
        condition: $a at 2 and $a at 5 }", "mississippi");
  T("rule test { \
        strings: $a = \"ssi\" private \
        condition: $a at 2 and $a at 5 }", "mississippi");
  T("rule test { \
        strings: $a = \"mis\" \
        condition: $a at ~0xFF & 0xFF }", "mississippi");
  TB("rule test { \
        strings: $a = { 00 00 00 00 ?? 74 65 78 74 } \
        condition: $a at 308}", PE32_FILE);

  group = "in"
  TB("rule test { \
        strings: $a = { 6a 2a 58 c3 } \
        condition: $a in (entrypoint .. entrypoint + 1) }", PE32_FILE);
  TB("rule test { \
        strings: $a = { 6a 2a 58 c3 } private \
        condition: $a in (entrypoint .. entrypoint + 1) }", PE32_FILE);

  group = "offset"
  T("rule test { strings: $a = \"ssi\" condition: @a == 2 }", "mississippi");
  T("rule test { strings: $a = \"ssi\" private condition: @a == 2 }", "mississippi");
  T("rule test { strings: $a = \"ssi\" condition: @a == @a[1] }", "mississippi");
  T("rule test { strings: $a = \"ssi\" condition: @a[2] == 5 }", "mississippi");

  group = "length"
  T("rule test { strings: $a = /m.*?ssi/ condition: !a == 5 }", "mississippi");
  T("rule test { strings: $a = /m.*?ssi/ private condition: !a == 5 }", "mississippi");
  T("rule test { strings: $a = /m.*?ssi/ condition: !a[1] == 5 }", "mississippi");
  T("rule test { strings: $a = /m.*ssi/ condition: !a == 8 }", "mississippi");
  T("rule test { strings: $a = /m.*ssi/ condition: !a[1] == 8 }", "mississippi");
  T("rule test { strings: $a = /ssi.*ppi/ condition: !a[1] == 9 }", "mississippi");
  T("rule test { strings: $a = /ssi.*ppi/ condition: !a[2] == 6 }", "mississippi");
  T("rule test { strings: $a = { 6D [1-3] 73 73 69 } condition: !a == 5}", "mississippi");
  T("rule test { strings: $a = { 6D [-] 73 73 69 } condition: !a == 5}", "mississippi");
  T("rule test { strings: $a = { 6D [-] 70 70 69 } condition: !a == 11}", "mississippi");
  T("rule test { strings: $a = { 6D 69 73 73 [-] 70 69 } condition: !a == 11}", "mississippi");

  group = "of"
  T("rule test { strings: $a = \"ssi\" $b = \"mis\" $c = \"oops\" "
      "condition: any of them }", "mississippi");
  T("rule test { strings: $a = \"ssi\" $b = \"mis\" private $c = \"oops\" "
      "condition: 1 of them }", "mississippi");
  T("rule test { strings: $a = \"ssi\" $b = \"mis\" $c = \"oops\" "
      "condition: 2 of them }", "mississippi");
  T("rule test { strings: $a1 = \"dummy1\" $b1 = \"dummy1\" $b2 = \"ssi\""
      "condition: any of ($a*, $b*) }", "mississippi");
  TB("rule test { \
         strings: \
           $ = /abc/ \
           $ = /def/ \
           $ = /ghi/ \
         condition: \
           for any of ($*) : ( for any i in (1..#): (uint8(@[i] - 1) == 0x00) )\
       }", "abc\000def\000ghi");
  F("rule test { \
        strings: \
          $a = \"ssi\" \
          $b = \"mis\" \
          $c = \"oops\" \
        condition: \
          all of them \
      }", "mississippi");
  E("rule test { condition: all of ($a*) }", "ERROR_UNDEFINED_STRING");
  E("rule test { condition: all of them }", "ERROR_UNDEFINED_STRING");

if True:
  group = "for"
  T("rule test { \
        strings: \
          $a = \"ssi\" \
        condition: \
          for all i in (1..#a) : (@a[i] >= 2 and @a[i] <= 5) \
      }", "mississippi");
  T("rule test { \
        strings: \
          $a = \"ssi\" \
          $b = \"mi\" \
        condition: \
          for all i in (1..#a) : ( for all j in (1..#b) : (@a[i] >= @b[j])) \
      }", "mississippi");
  F("rule test { \
        strings: \
          $a = \"ssi\" \
        condition: \
          for all i in (1..#a) : (@a[i] == 5) \
      }", "mississippi");
  T("rule test { \
        condition: \
          for any i in (1, 2, 3) : (i <= 1) \
      }", NULL);
  T("rule test { \
        condition: \
          for all i in (1, 2, 3) : (i >= 1) \
      }", NULL);
  F("rule test { \
        condition: \
          for all i in (1, 0) : (i != 1) \
      }", NULL);
  T("import \"tests\" \
      rule test { \
        condition: \
          for any item in tests.struct_array : ( \
            item.i == 1 \
          ) \
      }", NULL);
  T("import \"tests\" \
      rule test { \
        condition: \
          for 0 item in tests.struct_array : ( \
            item.i == 100 \
          ) \
      }", NULL);
  T("import \"tests\" \
      rule test { \
        condition: \
          for any item in tests.integer_array : ( \
            item == 2 \
          ) \
      }", NULL);
  T("import \"tests\" \
      rule test { \
        condition: \
          for any item in tests.string_array : ( \
            item == \"bar\" \
          ) \
      }", NULL);
  T("rule test { \
        condition: \
          for all i in (3,5,4) : ( \
            i >= 3 and i <= 5 \
          ) \
      }", NULL);
  T("rule test { \
        condition: \
          for all i in (3..5) : ( \
            i >= 3 and i <= 5 \
          ) \
      }", NULL);
  T("rule test { \
        condition: \
          for 2 i in (5..10) : ( \
            i == 6 or i == 7 \
          ) \
      }", NULL);
  F("import \"tests\" \
      rule test { \
        condition: \
          for any k,v in tests.empty_struct_dict : ( \
            true \
          ) \
      }", NULL);
  F("import \"tests\" \
      rule test { \
        condition: \
          for all i in (1..tests.undefined.i) : ( \
            true \
          ) \
      }", NULL);
  F("import \"tests\" \
      rule test { \
        condition: \
          for all i in (tests.undefined.i..10) : ( \
            true \
          ) \
      }", NULL);
  F("import \"tests\" \
      rule test { \
        condition: \
          for all i in (1..tests.undefined.i) : ( \
            false \
          ) \
      }", NULL);
  T("import \"tests\" \
      rule test { \
        condition: \
          not tests.string_array[4] contains \"foo\" \
      }", NULL);
  T("import \"tests\" \
      rule test { \
        condition: \
          not tests.string_dict[\"undefined\"] matches /foo/ \
      }", NULL);
  F("import \"tests\" \
      rule test { \
        condition: \
          not tests.undefined.i \
      }", NULL);
  T("import \"tests\" \
      rule test { \
        condition: \
          for any k,v in tests.struct_dict : ( \
            k == \"foo\" and v.s == \"foo\" and v.i == 1 \
          ) \
      }", NULL);
  E("import \"tests\" \
      rule test { \
        condition: \
          for any k,v in tests.integer_array : ( false ) \
      }", "ERROR_SYNTAX_ERROR");
  E("import \"tests\" \
      rule test { \
        condition: \
          for any a,b,c in tests.struct_dict : ( false ) \
      }", "ERROR_SYNTAX_ERROR");
  E("import \"tests\" \
      rule test { \
        condition: \
          for any i in tests.struct_dict : ( false ) \
      }", "ERROR_SYNTAX_ERROR");
  E("import \"tests\" \
      rule test { \
        condition: \
          for any i in tests.integer_array : ( undefined_ident ) \
      }", "ERROR_UNDEFINED_IDENTIFIER");
  E("import \"tests\" \
      rule test { \
        condition: \
          for any i in tests.integer_array : ( i == \"foo\" ) \
      }", "ERROR_WRONG_TYPE");
  F("rule test { \
        condition: \
          for any i in (0,1): ( \
            for any j in (0,1): ( \
              for any k in (0,1): ( \
                for any l in (0,1): (\
                  false \
                ) \
              ) \
            ) \
        ) \
      }", NULL);

  group = "re"
  _m = "mississippi\tmississippi.mississippi\nmississippi"
  T("rule test { strings: $a = /ssi/ condition: $a }", _m);
  T("rule test { strings: $a = /ssi(s|p)/ condition: $a }", _m);
  T("rule test { strings: $a = /ssim*/ condition: $a }", _m);
  T("rule test { strings: $a = /ssa?/ condition: $a }", _m);
  T("rule test { strings: $a = /Miss/ nocase condition: $a }", _m);
  T("rule test { strings: $a = /(M|N)iss/ nocase condition: $a }", _m);
  T("rule test { strings: $a = /[M-N]iss/ nocase condition: $a }", _m);
  T("rule test { strings: $a = /(Mi|ssi)ssippi/ nocase condition: $a }", _m);
  T("rule test { strings: $a = /ppi\\tmi/ condition: $a }", _m);
  T("rule test { strings: $a = /ppi\\.mi/ condition: $a }", _m);
  T("rule test { strings: $a = /^mississippi/ fullword condition: $a }", _m);
  T("rule test { strings: $a = /mississippi.*mississippi$/s condition: $a }", _m);
  F("rule test { strings: $a = /^ssi/ condition: $a }", "mississippi");
  F("rule test { strings: $a = /ssi$/ condition: $a }", "mississippi");
  F("rule test { strings: $a = /ssissi/ fullword condition: $a }", "mississippi");
  F("rule test { strings: $a = /^[isp]+/ condition: $a }", "mississippi");
  TB("rule test { strings: $a = /a.{1,2}b/ wide condition: !a == 6 }", "a\0x\0b\0");
  TB("rule test { strings: $a = /a.{1,2}b/ wide condition: !a == 8 }", "a\0x\0x\0b\0");
  TB("rule test { strings: $a = /\\babc/ wide condition: $a }", "a\0b\0c\0");
  TB("rule test { strings: $a = /\\babc/ wide condition: $a }", "\0a\0b\0c\0");
  TB("rule test { strings: $a = /\\babc/ wide condition: $a }", "\ta\0b\0c\0");
  FB("rule test { strings: $a = /\\babc/ wide condition: $a }", "x\0a\0b\0c\0");
  TB("rule test { strings: $a = /\\babc/ wide condition: $a }", "x\ta\0b\0c\0");
  TB("rule test { strings: $a = /abc\\b/ wide condition: $a }", "a\0b\0c\0");
  TB("rule test { strings: $a = /abc\\b/ wide condition: $a }", "a\0b\0c\0\0");
  TB("rule test { strings: $a = /abc\\b/ wide condition: $a }", "a\0b\0c\0\t");
  FB("rule test { strings: $a = /abc\\b/ wide condition: $a }", "a\0b\0c\0x\0");
  TB("rule test { strings: $a = /abc\\b/ wide condition: $a }", "a\0b\0c\0b\t");
  FB("rule test { strings: $a = /\\b/ wide condition: $a }", "abc");
  RE(")");
  RT("abc", "abc", "abc");
  RF("abc", "xbc");
  RF("abc", "axc");
  RF("abc", "abx");
  RT("abc", "xabcx", "abc");
  RT("abc", "ababc", "abc");
  RT("a.c", "abc", "abc");
  RF("a.b", "a\nb");
  RF("a.*b", "acc\nccb");
  RF("a.{4,5}b", "acc\nccb");
  RT("a.b", "a\rb", "a\rb");
  RT("ab*c", "abc", "abc");
  RT("ab*c", "ac", "ac");
  RT("ab*bc", "abc", "abc");
  RT("ab*bc", "abbc", "abbc");
  RT("a.*bb", "abbbb", "abbbb");
  RT("a.*?bbb", "abbbbbb", "abbb");
  RT("a.*c", "ac", "ac");
  RT("a.*c", "axyzc", "axyzc");
  RT("ab+c", "abbc", "abbc");
  RF("ab+c", "ac");
  RT("ab+", "abbbb", "abbbb");
  RT("ab+?", "abbbb", "ab");
  RF("ab+bc", "abc");
  RF("ab+bc", "abq");
  RT("a+b+c", "aabbabc", "abc");
  RF("ab?bc", "abbbbc");
  RT("ab?c", "abc", "abc");
  RT("ab*?", "abbb", "a");
  RT("ab?c", "ac", "ac");
  RT("ab??", "ab", "a");
  RT("a(b|x)c", "abc", "abc");
  RT("a(b|x)c", "axc", "axc");
  RT("a(b|.)c", "axc", "axc");
  RT("a(b|x|y)c", "ayc", "ayc");
  RT("(a+|b)*", "ab", "ab");
  RT("a|b|c|d|e", "e", "e");
  RT("(a|b|c|d|e)f", "ef", "ef");
  RT("a|b", "a", "a");
  RT(".b{2}", "abb", "abb");
  RT(".b{2,3}", "abbb", "abbb");
  RT(".b{2,3}?", "abbb", "abb");
  RT("ab{2,3}c", "abbbc", "abbbc");
  RT("ab{2,3}?c", "abbbc", "abbbc");
  RT(".b{2,3}cccc", "abbbcccc", "abbbcccc");
  RT(".b{2,3}?cccc", "abbbcccc", "bbbcccc");
  RT("a.b{2,3}cccc", "aabbbcccc", "aabbbcccc");
  RT("ab{2,3}c", "abbbc", "abbbc");
  RT("ab{2,3}?c", "abbbc", "abbbc");
  RT("ab{0,1}?c", "abc", "abc");
  RT("a{0,1}?bc", "abc", "abc");
  RT("a{0,1}bc", "bbc", "bc");
  RT("a{0,1}?bc", "abc", "bc");
  RT("aa{0,1}?bc", "abc", "abc");
  RT("aa{0,1}?bc", "abc", "abc");
  RT("aa{0,1}bc", "abc", "abc");
  RT("ab{1}c", "abc", "abc");
  RT("ab{1,2}c", "abbc", "abbc");
  RF("ab{1,2}c", "abbbc");
  RT("ab{1,}c", "abbbc", "abbbc");
  RF("ab{1,}b", "ab");
  RF("ab{1}c", "abbc");
  RF("ab{1}c", "ac");
  RT("ab{0,}c", "ac", "ac");
  RT("ab{1,1}c", "abc", "abc");
  RT("ab{0,}c", "abbbc", "abbbc");
  RT("ab{,3}c", "abbbc", "abbbc");
  RF("ab{,2}c", "abbbc");
  RF("ab{4,5}bc", "abbbbc");
  RF("ab{3}c", "abbbbc");
  RF("ab{4}c", "abbbbbc");
  RF("ab{5}c", "abbbbbbc");
  RT("ab{0,1}", "abbbbb", "ab");
  RT("ab{0,2}", "abbbbb", "abb");
  RT("ab{0,3}", "abbbbb", "abbb");
  RT("ab{0,4}", "abbbbb", "abbbb");
  RT("ab{1,1}", "abbbbb", "ab");
  RT("ab{1,2}", "abbbbb", "abb");
  RT("ab{1,3}", "abbbbb", "abbb");
  RT("ab{2,2}", "abbbbb", "abb");
  RT("ab{2,3}", "abbbbb", "abbb");
  RT("ab{2,4}", "abbbbc", "abbbb");
  RT("ab{3,4}", "abbb", "abbb");
  RT("ab{3,5}", "abbbbb", "abbbbb");
  RF("ab{3,4}c", "abbbbbc");
  RF("ab{3,4}c", "abbc");
  RF("ab{3,5}c", "abbbbbbc");
  RT("ab{1,3}?", "abbbbb", "ab");
  RT("ab{0,1}?", "abbbbb", "a");
  RT("ab{0,2}?", "abbbbb", "a");
  RT("ab{0,3}?", "abbbbb", "a");
  RT("ab{0,4}?", "abbbbb", "a");
  RT("ab{1,1}?", "abbbbb", "ab");
  RT("ab{1,2}?", "abbbbb", "ab");
  RT("ab{1,3}?", "abbbbb", "ab");
  RT("ab{2,2}?", "abbbbb", "abb");
  RT("ab{2,3}?", "abbbbb", "abb");
  RT("(a{2,3}b){2,3}", "aabaaabaab", "aabaaabaab");
  RT("(a{2,3}?b){2,3}?", "aabaaabaab", "aabaaab");
  RF("(a{4,5}b){4,5}", "aaaabaaaabaaaaab");
  RT("(a{4,5}b){4,5}", "aaaabaaaabaaaaabaaaaab", "aaaabaaaabaaaaabaaaaab");
  RT(".(abc){0,1}", "xabcabcabcabc", "xabc");
  RT(".(abc){0,2}", "xabcabcabcabc", "xabcabc");
  RT("x{1,2}abcd", "xxxxabcd", "xxabcd");
  RT("x{1,2}abcd", "xxxxabcd", "xxabcd");
  RT("ab{.*}", "ab{c}", "ab{c}");
  RT(".(aa){1,2}", "aaaaaaaaaa", "aaaaa");
  RT("a.(bc.){2}", "aabcabca", "aabcabca");
  RT("(ab{1,2}c){1,3}", "abbcabc", "abbcabc");
  RT("ab(c|cc){1,3}d", "abccccccd", "abccccccd");
  RT("a[bx]c", "abc", "abc");
  RT("a[bx]c", "axc", "axc");
  RT("a[0-9]*b", "ab", "ab");
  RT("a[0-9]*b", "a0123456789b", "a0123456789b");
  RT("[0-9a-f]+", "0123456789abcdef", "0123456789abcdef");
  RT("[0-9a-f]+", "xyz0123456789xyz", "0123456789");
  RT("a[\\s\\S]b", "a b", "a b");
  RT("a[\\d\\D]b", "a1b", "a1b");
  RF("[x-z]+", "abc");
  RT("a[-]?c", "ac", "ac");
  RT("a[-b]", "a-", "a-");
  RT("a[-b]", "ab", "ab");
  RT("a[b-]", "a-", "a-");
  RT("a[b-]", "ab", "ab");
  RT("[a-c-e]", "b", "b");
  RT("[a-c-e]", "-", "-");
  RF("[a-c-e]", "d");
  RE("[b-a]");
  RE("(abc");
  RE("abc)");
  RE("a[]b");
  RT("a[\\-b]", "a-", "a-");
  RT("a[\\-b]", "ab", "ab");
  RT("a]", "a]", "a]");
  RT("a[]]b", "a]b", "a]b");
  RT("a[\\]]b", "a]b", "a]b");
  RT("a[^bc]d", "aed", "aed");
  RF("a[^bc]d", "abd");
  RT("a[^-b]c", "adc", "adc");
  RF("a[^-b]c", "a-c");
  RF("a[^]b]c", "a]c");
  RT("a[^]b]c", "adc", "adc");
  RT("[^ab]*", "cde", "cde");
  RE(")(");
  RT("a\\sb", "a b", "a b");
  RT("a\\sb", "a\tb", "a\tb");
  RT("a\\sb", "a\rb", "a\rb");
  RT("a\\sb", "a\nb", "a\nb");
  RT("a\\sb", "a\vb", "a\vb");
  RT("a\\sb", "a\fb", "a\fb");
  RT("a[\\s]*b", "a \t\r\n\v\fb", "a \t\r\n\v\fb");
  RT("a[^\\S]*b", "a \t\r\n\v\fb", "a \t\r\n\v\fb");
  RF("a\\Sb", "a b");
  RF("a\\Sb", "a\tb");
  RF("a\\Sb", "a\rb");
  RF("a\\Sb", "a\nb");
  RF("a\\Sb", "a\vb");
  RF("a\\Sb", "a\fb");
  RT("foo([^\\s]*)", "foobar\n", "foobar");
  RT("foo([^\\s]*)", "foobar\r\n", "foobar");
  RT("\\n\\r\\t\\f\\a", "\n\r\t\f\a", "\n\r\t\f\a");
  RT("[\\n][\\r][\\t][\\f][\\a]", "\n\r\t\f\a", "\n\r\t\f\a");
  RT("\\x01\\x02\\x03", "\x01\x02\x03", "\x01\x02\x03");
  RT("[\\x01-\\x03]+", "\x01\x02\x03", "\x01\x02\x03");
  RF("[\\x00-\\x02]+", "\x03\x04\x05");
  RT("[\\x5D]", "]", "]");
  RT("[\\0x5A-\\x5D]", "\x5B", "\x5B");
  RT("[\\x5D-\\x5F]", "\x5E", "\x5E");
  RT("[\\x5C-\\x5F]", "\x5E", "\x5E");
  RT("[\\x5D-\\x5F]", "\x5E", "\x5E");
  RT("a\\wc", "abc", "abc");
  RT("a\\wc", "a_c", "a_c");
  RT("a\\wc", "a0c", "a0c");
  RF("a\\wc", "a*c");
  RT("\\w+", "--ab_cd0123--", "ab_cd0123");
  RT("[\\w]+", "--ab_cd0123--", "ab_cd0123");
  RT("\\D+", "1234abc5678", "abc");
  RT("[\\d]+", "0123456789", "0123456789");
  RT("[\\D]+", "1234abc5678", "abc");
  RT("[\\da-fA-F]+", "123abc", "123abc");
  RF("^(ab|cd)e", "abcde");
  RT("(abc|)ef", "abcdef", "ef");
  RT("(abc|)ef", "abcef", "abcef");
  RT("\\babc", "abc", "abc");
  RT("abc\\b", "abc", "abc");
  RF("\\babc", "1abc");
  RF("abc\\b", "abc1");
  RT("abc\\s\\b", "abc x", "abc ");
  RF("abc\\s\\b", "abc  ");
  RT("\\babc\\b", " abc ", "abc");
  RT("\\b\\w\\w\\w\\b", " abc ", "abc");
  RT("\\w\\w\\w\\b", "abcd", "bcd");
  RT("\\b\\w\\w\\w", "abcd", "abc");
  RF("\\b\\w\\w\\w\\b", "abcd");
  RF("\\Babc", "abc");
  RF("abc\\B", "abc");
  RT("\\Babc", "1abc", "abc");
  RT("abc\\B", "abc1", "abc");
  RF("abc\\s\\B", "abc x");
  RT("abc\\s\\B", "abc  ", "abc ");
  RT("\\w\\w\\w\\B", "abcd", "abc");
  RT("\\B\\w\\w\\w", "abcd", "bcd");
  RF("\\B\\w\\w\\w\\B", "abcd");
  RE("(|abc)ef");
  RT("((a)(b)c)(d)", "abcd", "abcd");
  RT("(a|b)c*d", "abcd", "bcd");
  RT("(ab|ab*)bc", "abc", "abc");
  RT("a([bc]*)c*", "abc", "abc");
  RT("a([bc]*)c*", "ac", "ac");
  RT("a([bc]*)c*", "a", "a");
  RT("a([bc]*)(c*d)", "abcd", "abcd");
  RT("a([bc]+)(c*d)", "abcd", "abcd");
  RT("a([bc]*)(c+d)", "abcd", "abcd");
  RT("a[bcd]*dcdcde", "adcdcde", "adcdcde");
  RF("a[bcd]+dcdcde", "adcdcde");
  RT("\\((.*), (.*)\\)", "(a, b)", "(a, b)");
  RT("abc|123$", "abcx", "abc");
  RF("abc|123$", "123x");
  RT("abc|^123", "123", "123");
  RF("abc|^123", "x123");
  RT("^abc$", "abc", "abc");
  RF("^abc$", "abcc");
  RT("^abc", "abcc", "abc");
  RF("^abc$", "aabc");
  RF("abc^", "abc");
  RF("ab^c", "abc");
  RF("a^bcdef", "abcdef")
  RT("abc$", "aabc", "abc");
  RF("$abc", "abc");
  RT("(a|a$)bcd", "abcd", "abcd");
  RF("(a$|a$)bcd", "abcd");
  RF("(abc$|ab$)", "abcd");
  RT("^a(bc+|b[eh])g|.h$", "abhg", "abhg");
  RT("(bc+d$|ef*g.|h?i(j|k))", "effgz", "effgz");
  RT("(bc+d$|ef*g.|h?i(j|k))", "ij", "ij");
  RF("(bc+d$|ef*g.|h?i(j|k))", "effg");
  RF("(bc+d$|ef*g.|h?i(j|k))", "bcdd");
  RT("(bc+d$|ef*g.|h?i(j|k))", "reffgz", "effgz");
  RT("whatever|   x.   x", "   xy   x", "   xy   x");
  RE("\\x0");
  RE("\\x");
  RE("x{0,0}");
  RE("x{0}");
  RE("\\xxy");
  RT("(a|\\b)[a]{1,}", "aaaa", "aaaa");
  RT("(ba{4}){4,10}", "baaaabaaaabaaaabaaaabaaaa", "baaaabaaaabaaaabaaaabaaaa");
  RT("(ba{2}a{2}){5,10}", "baaaabaaaabaaaabaaaabaaaa", "baaaabaaaabaaaabaaaabaaaa");
  RT("(ba{3}){4,10}", "baaabaaabaaabaaabaaa", "baaabaaabaaabaaabaaa");
  RT("(ba{4}){5,10}", "baaaabaaaabaaaabaaaabaaaa", "baaaabaaaabaaaabaaaabaaaa");
  RF("(ba{4}){4,10}", "baaaabaaaabaaaa");
  RE("a{2977952116}");
  E("rule test { strings: $a = /a\\/ condition: $a }", "ERROR_SYNTAX_ERROR");
  E("rule test { strings: $a = /[a\\/ condition: $a }", "ERROR_SYNTAX_ERROR");
  E("rule test {strings:$=/.{,}? /", "ERROR_SYNTAX_ERROR");
  TB("rule test { \
        strings: $a = /MZ.{300,}t/ \
        condition: !a == 317 }", PE32_FILE);
  TB("rule test { \
        strings: $a = /MZ.{300,}?t/ \
        condition: !a == 314 }", PE32_FILE);
  F("rule test { strings: $a = /abc[^d]/ nocase condition: $a }", "abcd");
  F("rule test { strings: $a = /abc[^d]/ condition: $a }", "abcd");
  F("rule test { strings: $a = /abc[^D]/ nocase condition: $a }", "abcd");
  T("rule test { strings: $a = /abc[^D]/ condition: $a }", "abcd");
  T("rule test { strings: $a = /abc[^f]/ nocase condition: $a }", "abcd");
  T("rule test { strings: $a = /abc[^f]/ condition: $a }", "abcd");
  T("rule test { strings: $a = /abc[^F]/ nocase condition: $a }", "abcd");
  T("rule test { strings: $a = /abc[^F]/ condition: $a }", "abcd");
  NOT_PORTED.append((group, "blob ISSUE_1006 from blob.h (not transcribed)"))
  TB("rule test { strings: $a =/abc([^\"\\\\])*\"/ nocase condition: $a }", "abc\xE0\x22");

if True:
  group = "entrypoint"
  TB("rule test { \
        strings: $a = { 6a 2a 58 c3 } \
        condition: $a at entrypoint }", PE32_FILE);
  TB("rule test { \
        strings: $a = { b8 01 00 00 00 bb 2a } \
        condition: $a at entrypoint }", ELF32_FILE);
  TB("rule test { \
        strings: $a = { b8 01 00 00 00 bb 2a } \
        condition: $a at entrypoint }", ELF64_FILE);
  F("rule test { condition: entrypoint >= 0 }", NULL);

  group = "filesize"
  TB("rule test { condition: filesize == %d }" % len(PE32_FILE), PE32_FILE);

  group = "comments"
  T("rule test {\n\
         condition:\n\
             //  this is a comment\n\
             /*** this is a comment ***/\n\
             /* /* /*\n\
                 this is a comment\n\
             */\n\
             true\n\
      }", NULL);
  T("rule test { \
        strings: $a = { 31 32 [-] // Inline comment\n\r \
          38 39 } \
        condition: !a == 9 }", "1234567890");
  T("rule test { \
        strings: $a = { 31 32 /* Inline comment */ [-] 38 39 } \
        condition: !a == 9 }", "1234567890");
  T("rule test { \
        strings: $a = { 31 32 /* Inline comment */ [-] 38 39 } \
                 $b = { 31 32 /* Inline comment */ [-] 35 36 } \
        condition: (!a == 9) and (!b == 6) }", "1234567890");
  T("rule test { \
        strings: $a = { 31 32 /* Inline comment with *asterisks* */ [-] 38 39 } \
        condition: !a == 9}", "1234567890");
  T("rule test { \
        strings: $a = { 31 32 /* Inline multi-line\n\r \
                                 comment */ [-] 38 39 } \
        condition: !a == 9 }", "1234567890");
  T("rule test { \
        strings: $a = { /*Some*/ 31 /*interleaved*/ [-] /*comments*/ 38 39 } \
        condition: !a == 9 }", "1234567890");

  group = "global_rules"
  T("global private rule global_rule { \
        condition: \
          true \
      } \
      rule test { \
        condition: true \
      }", NULL);
  F("global private rule global_rule { \
        condition: \
          false \
      } \
      rule test { \
        condition: true \
      }", NULL);

  group = "modules"
  for _c in ["tests.constants.one + 1 == tests.constants.two",
             "tests.constants.foo == \"foo\"",
             "tests.constants.empty == \"\"",
             "tests.empty() == \"\"",
             "tests.struct_array[1].i == 1",
             "tests.struct_array[0].i == 1 or true",
             "tests.integer_array[0] == 0",
             "tests.integer_array[1] == 1",
             "tests.integer_array[256] == 256",
             "tests.string_array[0] == \"foo\"",
             "tests.string_array[2] == \"baz\"",
             "tests.string_dict[\"foo\"] == \"foo\"",
             "tests.string_dict[\"bar\"] == \"bar\"",
             "tests.isum(1,2) == 3",
             "tests.isum(1,2,3) == 6",
             "tests.fsum(1.0,2.0) == 3.0",
             "tests.fsum(1.0,2.0,3.0) == 6.0",
             "tests.foobar(1) == tests.foobar(1)",
             "tests.foobar(1) != tests.foobar(2)",
             "tests.length(\"dummy\") == 5"]:
      T("import \"tests\" rule test { condition: " + _c + " }", NULL)
  for _c in ["tests.struct_array[0].i == 1",
             "tests.isum(1,1) == 3",
             "tests.fsum(1.0,1.0) == 3.0"]:
      F("import \"tests\" rule test { condition: " + _c + " }", NULL)
  for _c in ["tests.match(/foo/,\"foo\") == 3",
             "tests.match(/foo/,\"bar\") == -1",
             "tests.match(/foo.bar/i,\"FOO\\nBAR\") == -1",
             "tests.match(/foo.bar/is,\"FOO\\nBAR\") == 7"]:
      T("import \"tests\" rule test { condition: " + _c + " }", NULL)
  E("import \"\\x00\"", "ERROR_INVALID_MODULE_NAME");
  E("import \"\"", "ERROR_INVALID_MODULE_NAME");

  group = "time_module"
  T("import \"time\" \
        rule test { condition: time.now() > 0 }", NULL);

  group = "hash_module"
  _blob = b"abcde"
  T("import \"hash\" \
       rule test { \
        condition: \
          hash.md5(0, filesize) == \
            \"ab56b4d92b40713acc5af89985d4b786\" \
            and \
          hash.md5(1, filesize) == \
            \"e02cfbe5502b64aa5ae9f2d0d69eaa8d\" \
            and \
          hash.sha1(0, filesize) == \
            \"03de6c570bfe24bfc328ccd7ca46b76eadaf4334\" \
            and \
          hash.sha1(1, filesize) == \
            \"a302d65ae4d9e768a1538d53605f203fd8e2d6e2\" \
            and \
          hash.sha256(0, filesize) == \
            \"36bbe50ed96841d10443bcb670d6554f0a34b761be67ec9c4a8ad2c0c44ca42c\" \
            and \
          hash.sha256(1, filesize) == \
            \"aaaaf2863e043b9df604158ad5c16ff1adaf3fd7e9fcea5dcb322b6762b3b59a\" \
            and \
          hash.crc32(0, filesize) == 0x8587d865 \
            and \
          hash.crc32(\"TEST STRING\") == 0x51f9be31 \
      }", _blob);
  T("import \"hash\" \
       rule test { \
        condition: \
          hash.md5(0, filesize) == \
            \"ab56b4d92b40713acc5af89985d4b786\" \
            and \
          hash.md5(1, filesize) == \
            \"e02cfbe5502b64aa5ae9f2d0d69eaa8d\" \
            and \
          hash.md5(0, filesize) == \
            \"ab56b4d92b40713acc5af89985d4b786\" \
            and \
          hash.md5(1, filesize) == \
            \"e02cfbe5502b64aa5ae9f2d0d69eaa8d\" \
      }", _blob);
  _mb = TEXT_1024_BYTES + TEXT_1024_BYTES + "\0"
  T("import \"hash\" \
       rule test { \
        condition: \
          hash.md5(768, 8) == \
            \"d1be8bf650fab9ab7a85e4a714d4eba6\" /*    exact 1st block boundary - overlap */ \
            and \
          hash.md5(1024, 8) == \
            \"d4363205e7f6176dabe8b933b2769f8f\" /*    exact 1st block boundary */ \
            and \
          hash.md5(764, 8) == \
            \"35405b1b2683b1d51ba3441a3172a374\" /* straddle 1st block boundary - overlap */ \
            and \
          hash.md5(764, 8) == \
            \"35405b1b2683b1d51ba3441a3172a374\" /* straddle 1st block boundary - overlap; cache */ \
            and \
          hash.md5(1020, 8) == \
            \"a70d5cde4401a95d65ab1a1427e09840\" /* straddle 1st block boundary */ \
            and \
          hash.md5(1020, 8) == \
            \"a70d5cde4401a95d65ab1a1427e09840\" /* straddle 1st block boundary; cache */ \
            and \
          hash.md5(0, filesize) == \
            \"8ac180ab8851afadaca143d1cddb0b24\" \
            and \
          hash.md5(1, filesize) == \
            \"423c5e6cbefc0b300a77b677b057a5f6\" \
            and \
          hash.sha1(0, filesize) == \
            \"c378be154b93768287c888ecd970f2a78d2227ee\" \
            and \
          hash.sha1(1, filesize) == \
            \"5adae5947d9aebac74b6bf134e32e5817b590a94\" \
            and \
          hash.sha256(0, filesize) == \
            \"60879555540d4f89198601e259f20c2272f5a1212ac01a9de69284eaf472cee5\" \
            and \
          hash.sha256(1, filesize) == \
            \"f920a63e258ead17a4a1225192959bcb3872918d67abbbbad5a66b8ce827d721\" \
            and \
          hash.crc32(0, filesize) == 0xd26a1e20 \
            and \
          hash.crc32(\"TEST STRING\") == 0x51f9be31 \
      }", _mb);

  group = "integer_functions"
  T("rule test { condition: uint8(0) == 0xAA}", "\xaa\xbb\xcc\xdd");
  T("rule test { condition: uint16(0) == 0xBBAA}", "\xaa\xbb\xcc\xdd");
  T("rule test { condition: uint32(0) == 0xDDCCBBAA}", "\xaa\xbb\xcc\xdd");
  T("rule test { condition: uint8be(0) == 0xAA}", "\xaa\xbb\xcc\xdd");
  T("rule test { condition: uint16be(0) == 0xAABB}", "\xaa\xbb\xcc\xdd");
  T("rule test { condition: uint32be(0) == 0xAABBCCDD}", "\xaa\xbb\xcc\xdd");

  group = "include_files"
  NOT_PORTED.append((group, "include of tests/data/baz.yar"))
  NOT_PORTED.append((group, "include of tests/data/foo.yar"))

  group = "tags"
  T("rule test : tag1 { condition: true}", NULL);
  T("rule test : tag1 tag2 { condition: true}", NULL);
  E("rule test : tag1 tag1 { condition: true}", "ERROR_DUPLICATED_TAG_IDENTIFIER");

  group = "process_scan"
  NOT_PORTED.append((group, "scans a running process"))

  group = "performance_warnings"
  for _n in range(27): W("")
