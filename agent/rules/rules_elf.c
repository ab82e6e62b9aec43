/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * rules_elf.c - the 'elf' module's fields and the 'entrypoint' keyword,
 * read from the target on demand (a few header bytes per field, never the
 * whole file), with YARA 4.2.3's answers:
 *
 * - elf.*: the header is read in the byte order and class its e_ident
 *   names; a target that is not ELF (or not longer than its header) has
 *   every field undefined.  sections[i] and segments[i] are defined only
 *   when the whole table lies inside the target (and, for sections, the
 *   name table index is in range), and i is below the entry count.
 *   entry_point is the file offset of e_entry (through the program headers
 *   of ET_EXEC, the sections otherwise), undefined when e_entry is 0 or
 *   maps nowhere.
 * - entrypoint: PE (i386 and amd64) or ELF as YARA's exefiles.c reads them:
 *   ELF headers little-endian whatever e_ident says, and 0 (not
 *   undefined) for an ELF entry point that maps nowhere.
 */
#include "rules_int.h"

#include <string.h>

#define BE RN_READ_BE

/* Offset and size of each field in ELF32, then in ELF64 (enum elf_field). */
static const uint8_t ftab[EF_COUNT][4] = {
    /* header */
    { 16, 2, 16, 2 }, { 18, 2, 18, 2 }, { 24, 4, 24, 8 }, { 28, 4, 32, 8 }, { 32, 4, 40, 8 },
    { 42, 2, 54, 2 }, { 44, 2, 56, 2 }, { 46, 2, 58, 2 }, { 48, 2, 60, 2 }, { 50, 2, 62, 2 },
    /* section header: name, type, flags, address, offset, size */
    { 0, 4, 0, 4 }, { 4, 4, 4, 4 }, { 8, 4, 8, 8 }, { 12, 4, 16, 8 }, { 16, 4, 24, 8 }, { 20, 4, 32, 8 },
    /* program header: type, flags, offset, virtual and physical address,
     * file and memory size, alignment */
    { 0, 4, 0, 4 }, { 24, 4, 4, 4 }, { 4, 4, 8, 8 }, { 8, 4, 16, 8 }, { 12, 4, 24, 8 },
    { 16, 4, 32, 8 }, { 20, 4, 40, 8 }, { 28, 4, 48, 8 },
};

struct elf {
    struct mctx *m;
    uint64_t size;
    unsigned is64, be;
};

/* Field F of the structure at BASE; 0 past the end of the target. */
static uint64_t get(const struct elf *e, uint64_t base, unsigned f)
{
    const uint8_t *t = ftab[f] + 2 * e->is64;
    int64_t v;

    return rules_read(e->m, (int64_t)(base + t[0]), t[1] | e->be, &v) ? (uint64_t)v : 0;
}

/*
 * The program header (SEC 0) or section table (SEC 1): 1 if it lies in the
 * target, with its offset, entry count and entry size.
 */
static int table(const struct elf *e, int sec, uint64_t *off, unsigned *count, unsigned *es)
{
    static const uint8_t esz[2][2] = { { 32, 56 }, { 40, 64 } };

    *off = get(e, 0, EF_PHOFF + (unsigned)sec);
    *count = (unsigned)get(e, 0, EF_PHNUM + 2u * (unsigned)sec);
    *es = esz[sec][e->is64];
    return *off <= e->size && (uint64_t)(*count * *es) <= e->size - *off;
}

/*
 * File offset of the virtual address RVA, as both YARA readers compute it:
 * through the program headers of ET_EXEC, else the sections with contents.
 */
static int rva_to_offset(const struct elf *e, uint64_t rva, int64_t *out)
{
    int sec = get(e, 0, EF_TYPE) != 2;
    unsigned n, es, i, f = sec ? EF_S_ADDR : EF_P_VADDR;
    uint64_t b;

    if (!table(e, sec, &b, &n, &es) || b == 0) {
        return 0;
    }
    for (i = 0; i < n; i++, b += es) {
        uint64_t t = sec ? get(e, b, EF_S_TYPE) : 1, a = get(e, b, f);
        uint64_t end = a + get(e, b, sec ? EF_S_SIZE : EF_P_MEMSZ);

        if (!e->is64) {
            end = (uint32_t)end;    /* YARA adds the 32-bit fields in 32 bits */
        }
        if (t != 0 && t != 8 && rva >= a && rva < end) {
            *out = (int64_t)(get(e, b, sec ? EF_S_OFFSET : EF_P_OFFSET) + (rva - a));
            return 1;
        }
    }
    return 0;
}

/*
 * Is the target ELF (magic, class)?  MODULE: as the elf module wants it,
 * with a known byte order and longer than its header; else as exefiles.c,
 * little-endian and at least as long as its header.
 */
static int ident(struct mctx *m, struct elf *e, int module)
{
    uint8_t id[6];

    e->m = m;
    e->size = rules_target_size(m);
    if (!rules_read_bytes(m, 0, id, sizeof id) || memcmp(id, "\177ELF", 4) != 0 || id[4] - 1u > 1u) {
        return 0;
    }
    e->is64 = id[4] == 2;
    e->be = module && id[5] == 2 ? BE : 0;
    return module ? id[5] - 1u <= 1u && e->size > (e->is64 ? 64u : 52u) : e->size >= (e->is64 ? 64u : 52u);
}

/* The element IDX of sections[] (SEC) or segments[]: 1 and its offset in *B. */
static int element(const struct elf *e, int sec, int64_t idx, uint64_t *b)
{
    unsigned n, es;

    if (!table(e, sec, b, &n, &es) || *b >= e->size || idx < 0 || (uint64_t)idx >= n ||
        (sec ? n >= 0xff00u || get(e, 0, EF_SHSTRNDX) >= n : n >= 0xffffu)) {
        return 0;
    }
    *b += (uint64_t)idx * es;
    return 1;
}

int rules_elf(struct mctx *m, unsigned f, int64_t idx, int64_t *out)
{
    struct elf e;
    uint64_t b = 0;

    if (!ident(m, &e, 1)) {
        return 0;
    }
    if (f == EF_ENTRY) {
        uint64_t rva = get(&e, 0, EF_ENTRY);

        return rva != 0 && rva_to_offset(&e, rva, out);
    }
    if (f >= EF_S_NAME && !element(&e, f < EF_P_TYPE, idx, &b)) {
        return 0;
    }
    *out = (int64_t)get(&e, b, f);
    return 1;
}

long rules_elf_name(struct mctx *m, int64_t idx, uint64_t *at)
{
    struct elf e;
    uint64_t b, tab, str, name, p;
    char c[64], *z;

    if (!ident(m, &e, 1) || !element(&e, 1, idx, &b) ||
        !element(&e, 1, (int64_t)get(&e, 0, EF_SHSTRNDX), &tab)) {
        return -1;
    }
    /* the section name table: offset within the target and not 0, first byte NUL */
    str = get(&e, tab, EF_S_OFFSET);
    name = get(&e, b, EF_S_NAME);
    if (str == 0 || str >= e.size || name >= e.size || name > 0x7fffffffu ||
        !rules_read_bytes(m, str, c, 1) || c[0] != 0 || (*at = str + name) >= e.size) {
        return -1;
    }
    for (p = *at; p < e.size && p - *at <= RULES_ELF_NAME_MAX; p += sizeof c) {
        size_t n = e.size - p < sizeof c ? (size_t)(e.size - p) : sizeof c;

        if (!rules_read_bytes(m, p, c, n)) {
            return -1;
        }
        z = memchr(c, 0, n);
        if (z) {
            p += (uint64_t)(z - c) - *at;
            return p <= RULES_ELF_NAME_MAX ? (long)p : -2;
        }
    }
    return p < e.size ? -2 : -1;  /* no NUL before the end: undefined */
}

/* PE entry point (YARA's yr_get_pe_header and yr_pe_rva_to_offset). */
static int pe_entry(struct mctx *m, uint64_t size, int64_t *out)
{
    int64_t v, pe, rva, nsec, first, i, va, srva = 0, soff = 0;

    if (size < 64 || !rules_read(m, 0, 2, &v) || v != 0x5a4d || !rules_read(m, 0x3c, 4 | RN_READ_SIGNED, &pe) ||
        pe < 0 || size < (uint64_t)pe + 24 || !rules_read(m, pe, 4, &v) || v != 0x4550 ||
        !rules_read(m, pe + 4, 2, &v) || (v != 0x14c && v != 0x8664) || size <= (uint64_t)pe + 248) {
        return -1;
    }
    (void)rules_read(m, pe + 40, 4, &rva);
    (void)rules_read(m, pe + 6, 2, &nsec);
    (void)rules_read(m, pe + 20, 2, &first);
    for (i = 0; i < nsec && i < 60; i++) {
        int64_t s = 24 + first + i * 40;

        if ((uint64_t)(s + 40) >= size - (uint64_t)pe) {
            *out = 0;
            return 1;
        }
        (void)rules_read(m, pe + s + 12, 4, &va);
        if (rva >= va && srva <= va) {
            srva = va;
            (void)rules_read(m, pe + s + 20, 4, &soff);
        }
    }
    *out = soff + (rva - srva);
    return 1;
}

int rules_entrypoint(struct mctx *m, int64_t *out)
{
    struct elf e;
    int r = pe_entry(m, rules_target_size(m), out);

    if (r >= 0) {
        return r;
    }
    if (!ident(m, &e, 0)) {
        return 0;
    }
    if (!rva_to_offset(&e, get(&e, 0, EF_ENTRY), out)) {
        *out = 0;
    }
    return 1;
}
