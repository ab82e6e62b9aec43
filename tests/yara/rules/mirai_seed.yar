/*
 * mirai_seed.yar - the seed rule for big-endian MIPS Mirai, as a
 * differential test case (strings, and the hash condition).
 */
import "hash"

rule Mirai_MIPS_MSB : MALW
{
    meta:
        description = "Mirai Botnet TR-069 Worm - MIPS MSB"
        SHA1 = "18bce2f0107b5fab1b0b7c453e2a6b6505200cbd"
    strings:
        $miname = "Myname--is:"
        $iptables1 = "busybox iptables -A INPUT -p tcp --destination-port 7547 -j DROP"
        $iptables2 = "busybox iptables -A INPUT -p tcp --destination-port 5555 -j DROP"
        $procnet = "/proc/net/tcp"
    condition:
        $miname and $iptables1 and $iptables2 and $procnet and
        hash.sha1(0, filesize) == "18bce2f0107b5fab1b0b7c453e2a6b6505200cbd"
}

rule Mirai_MIPS_MSB_strings : MALW
{
    strings:
        $miname = "Myname--is:"
        $iptables1 = "busybox iptables -A INPUT -p tcp --destination-port 7547 -j DROP"
        $iptables2 = "busybox iptables -A INPUT -p tcp --destination-port 5555 -j DROP"
        $procnet = "/proc/net/tcp"
    condition:
        uint32be(0) == 0x7f454c46 and uint8(5) == 2 and all of them
}
