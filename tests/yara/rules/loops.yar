/*
 * loops.yar - for loops over string sets, ranges and lists, 'of' over a
 * range, percentages, 'none', 'defined' and 'matches'.
 */

import "hash"

rule loop_all_after_name
{
    strings:
        $m = "Myname--is:"
        $i = "busybox iptables"
    condition:
        $m and for all i in (1..#i) : (@i[i] > @m[1])
}

rule loop_list_bytes
{
    condition:
        for any i in (0, 4, 5) : (uint8(i) == 0x01)
}

rule loop_elf_class
{
    condition:
        uint32be(0) == 0x7f454c46 and for 1 c in (1, 2) : (uint8(4) == c)
}

rule loop_nested_bytes
{
    strings:
        $a = "busybox"
    condition:
        for any i in (1..#a) : (for all j in (0..2) : (uint8(@a[i] + j) != 0x00))
}

rule loop_empty_range
{
    condition:
        not for all i in (2..1) : (true)
}

rule of_in_range
{
    strings:
        $a = "/proc/net/tcp"
        $b = "/dev/watchdog"
    condition:
        any of them in (0..200)
}

rule of_percent
{
    strings:
        $a = "Myname--is:"
        $b = "/proc/net/tcp"
        $c = "/dev/watchdog"
        $d = "not-present-xyz"
    condition:
        75% of them
}

rule of_none
{
    strings:
        $a = "not-present-xyz"
        $b = "zzz-none-qq"
    condition:
        none of them and filesize > 0
}

rule for_of_body
{
    strings:
        $a = "7547"
        $b = "5555"
    condition:
        for all of ($a, $b) : (# >= 1 and @ > 10 and ! == 4)
}

rule for_of_anonymous
{
    strings:
        $ = "tcp"
        $ = "DROP"
    condition:
        for any of ($*) : (for any k in (1..#) : (uint8(@[k] - 1) == 0x20))
}

rule defined_reads
{
    condition:
        filesize > 4 and defined uint32(filesize - 4) and not defined uint32(filesize)
}

rule matches_digest
{
    condition:
        hash.md5(0, filesize) matches /^[0-9a-f]{32}$/ and not (hash.sha1(0, filesize) matches /^0{8}/)
}
