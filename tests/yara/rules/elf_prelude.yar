/*
 * elf_prelude.yar - the helper rules that the public Okiru and Satori
 * rules use but do not define (they come from another file of their
 * collection).  Written here from their names; the differential test puts
 * this file in front of each of those rule files, for both tools alike.
 */

private rule is__elf
{
    meta:
        description = "ELF file"
    strings:
        $header = { 7F 45 4C 46 }
    condition:
        $header at 0
}

private rule is__Mirai_gen7
{
    meta:
        description = "Mirai-like ELF: small and carries the watchdog path"
    strings:
        $wd = "/dev/watchdog"
    condition:
        is__elf and $wd and filesize < 100KB
}
