/*
 * global.yar - a global rule gates every rule of the set; private rules
 * are used but never printed.
 */

global rule global_small
{
    condition:
        filesize < 2KB
}

global private rule global_not_empty
{
    condition:
        filesize > 0
}

rule global_gated
{
    strings:
        $a = "iothunt"
    condition:
        $a
}

private rule global_private_helper
{
    strings:
        $a = "hash test"
    condition:
        $a
}

rule global_uses_private
{
    condition:
        global_private_helper
}
