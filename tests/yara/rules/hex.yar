/*
 * hex.yar - hex strings: wildcards, nibbles, jumps, alternatives.
 */

rule hex_exact
{
    strings:
        $h = { 7F 45 4C 46 01 02 01 }
    condition:
        $h at 0
}

rule hex_wildcards
{
    strings:
        $h = { 7F 45 4C 46 ?? ?? 01 }
    condition:
        $h
}

rule hex_nibbles
{
    strings:
        $h = { DE A? ?E EF CA FE }
    condition:
        $h
}

rule hex_jump_fixed
{
    strings:
        $h = { CA FE BA BE [4] 11 22 }
    condition:
        $h
}

rule hex_jump_range
{
    strings:
        $h = { CA FE BA BE [2-6] 33 44 }
    condition:
        $h
}

rule hex_jump_zero
{
    strings:
        $h = { 55 66 77 88 [0-3] 99 AA }
    condition:
        #h == 1
}

rule hex_alternatives
{
    strings:
        $h = { 10 20 30 40 ( 01 02 | 03 04 05 ) 50 }
    condition:
        $h
}

rule hex_nested_alternatives
{
    strings:
        $h = { 10 20 30 40 ( 06 ( 07 | 08 ?? ) | 09 [1-2] 0A ) 60 }
    condition:
        $h
}

rule hex_leading_alternative
{
    strings:
        $h = { ( A1 B2 | C3 D4 ) E5 F6 }
    condition:
        $h
}

rule hex_leading_wildcard
{
    strings:
        $h = { ?? 5A 5A 5A 5A 71 }
    condition:
        $h
}

rule hex_many_jumps
{
    strings:
        $h = { 4A 55 4D 50 [0-8] 4A [0-8] 4B [0-8] 4C }
    condition:
        $h
}

rule hex_count
{
    strings:
        $h = { AB CD ?? AB }
    condition:
        #h == 2 and @h[2] - @h[1] == 3
}

rule hex_comment_in_string
{
    strings:
        $h = { 7F 45 // magic
               4C 46 /* class */ 01 }
    condition:
        $h at 0
}
