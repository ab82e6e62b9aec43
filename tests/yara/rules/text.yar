/*
 * text.yar - text strings and their modifiers (differential test rules).
 */

rule text_plain : TEXT TEST
{
    meta:
        description = "plain ascii string"
        score = 5
        negative = -3
        flag = true
    strings:
        $a = "iothunt-marker"
    condition:
        $a
}

rule text_nocase
{
    strings:
        $a = "MiXeD-CaSe-Token" nocase
    condition:
        $a
}

rule text_wide
{
    strings:
        $a = "wide-only-token" wide
    condition:
        $a
}

rule text_wide_ascii
{
    strings:
        $a = "dual-token" wide ascii
    condition:
        #a >= 2
}

rule text_wide_nocase_count
{
    strings:
        $a = "dual-token" nocase wide ascii
    condition:
        #a == 3
}

rule text_fullword
{
    strings:
        $a = "word" fullword
    condition:
        $a
}

rule text_fullword_wide
{
    strings:
        $a = "wword" fullword wide
    condition:
        $a
}

rule text_fullword_nocase_count
{
    strings:
        $a = "Word" fullword nocase
    condition:
        #a == 2
}

rule text_escapes
{
    strings:
        $a = "tab\there\nnew \"quoted\" back\\slash \x01\x02\xfe"
    condition:
        $a
}

rule text_overlap
{
    strings:
        $a = "aaa"
    condition:
        #a == 4 and @a[1] == 0 and @a[4] == 3
}

rule text_anonymous
{
    strings:
        $ = "anon-one"
        $ = "anon-two"
    condition:
        all of them
}

rule text_private_modifier
{
    strings:
        $a = "iothunt-marker" private
    condition:
        $a
}

rule text_short
{
    strings:
        $a = "Q"
        $b = "zq"
    condition:
        #a > 3 and not $b
}
