/*
 * prelude.yar - rules that the public Okiru and Satori rules use but do not
 * define (upstream they come from other files of the collection), so that
 * yara compiles them.  For the self-scan they are deliberately pessimistic:
 * is__elf is the upstream definition (ELF magic at 0, true for the agent),
 * is__Mirai_gen7 is assumed true.  The agent must not match the rules even
 * then.  Private: they never print a match of their own.
 */
private rule is__elf
{
    strings:
        $header = { 7F 45 4C 46 }
    condition:
        $header at 0
}

private rule is__Mirai_gen7
{
    condition:
        true
}
