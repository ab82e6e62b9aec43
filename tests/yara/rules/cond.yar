/*
 * cond.yar - conditions: boolean logic, counts, offsets, sets, integers,
 * file size, reads, ranges and rule references.
 */

rule cond_logic
{
    strings:
        $a = "alpha-token"
        $b = "beta-token"
        $c = "gamma-token"
    condition:
        ($a and $b) or ($c and not $a)
}

rule cond_not_paren
{
    strings:
        $a = "alpha-token"
        $b = "beta-token"
    condition:
        not ($a or $b)
}

rule cond_count_cmp
{
    strings:
        $a = "rep-"
    condition:
        #a >= 3 and #a < 10 and #a != 4
}

rule cond_offsets
{
    strings:
        $a = "rep-"
    condition:
        @a[1] >= 0 and @a[2] > @a[1] and @a == @a[1] and not (@a[100] >= 0)
}

rule cond_of_them
{
    strings:
        $a = "alpha-token"
        $b = "beta-token"
        $c = "gamma-token"
    condition:
        2 of them
}

rule cond_any_all
{
    strings:
        $a = "alpha-token"
        $b = "beta-token"
    condition:
        any of them and not all of them
}

rule cond_of_wildcard
{
    strings:
        $x1 = "alpha-token"
        $x2 = "beta-token"
        $y1 = "gamma-token"
    condition:
        all of ($x*) or 1 of ($y1, $x2)
}

rule cond_none_via_zero
{
    strings:
        $a = "never-present-1"
        $b = "never-present-2"
    condition:
        0 of them
}

rule cond_filesize
{
    condition:
        filesize > 100 and filesize <= 1KB
}

rule cond_filesize_mb
{
    condition:
        filesize < 1MB and filesize >= 0x40
}

rule cond_uint_le
{
    condition:
        uint32(0) == 0x464c457f and uint16(0) == 0x457f and uint8(0) == 0x7f
}

rule cond_uint_be
{
    condition:
        uint32be(0) == 0x7f454c46 and uint16be(2) == 0x4c46 and int8(0) == 127
}

rule cond_int_signed
{
    condition:
        int16(4) < 0 or int32be(4) < 0
}

rule cond_read_past_end
{
    condition:
        not (uint32(filesize - 2) == 0)
}

rule cond_at
{
    strings:
        $a = "alpha-token"
    condition:
        $a at 16
}

rule cond_in
{
    strings:
        $a = "beta-token"
    condition:
        $a in (0..100) and not $a in (filesize - 5..filesize)
}

rule cond_arith
{
    condition:
        (filesize * 2 + 6) \ 2 - 3 == filesize and 17 % 5 == 2 and (1 << 4) == 16 and
        (256 >> 4) == 16 and (0xf0 & 0x3c) == 0x30 and (0xf0 | 0x0f) == 255 and
        (5 ^ 3) == 6 and ~0 == -1 and -filesize < 1 and 0o17 == 15
}

rule cond_div_zero_undefined
{
    condition:
        not ((10 \ (filesize - filesize)) == 1)
}

rule cond_true_false
{
    condition:
        true and not false
}

private rule cond_private_base
{
    strings:
        $a = "alpha-token"
    condition:
        $a
}

rule cond_rule_ref
{
    strings:
        $b = "beta-token"
    condition:
        cond_private_base and $b
}

rule cond_rule_ref_not
{
    condition:
        not cond_private_base and filesize > 0
}

rule cond_int_as_bool
{
    condition:
        filesize and uint8(0)
}
