/*
 * mirai.yar - built-in rules of iothunt (compiled into the agent, encoded).
 *
 * Mirai_MIPS_MSB is the public seed rule for the 2016 TR-069 worm on
 * big-endian MIPS routers, widened so that the strings alone are enough
 * (a rebuilt sample has another hash) while the hash of the known sample
 * still matches on its own.  The Mirai_Hunt_* rules flag the worm's
 * individual traits on a device: the commands it runs to firewall the
 * TR-069 ports it came in through, its bot-name marker, and the pairing of
 * socket table reads with those commands.
 */
import "hash"

rule Mirai_MIPS_MSB : MALW
{
    meta:
        description = "Mirai TR-069 worm, MIPS big-endian (seed rule)"
        reference = "https://isc.sans.edu/forums/diary/Port+7547+SOAP+Remote+Code+Execution+Attack+Against+DSL+Modems/21759"
        sha1 = "18bce2f0107b5fab1b0b7c453e2a6b6505200cbd"
        severity = "critical"

    strings:
        $miname = "Myname--is:"
        $iptables1 = "busybox iptables -A INPUT -p tcp --destination-port 7547 -j DROP"
        $iptables2 = "busybox iptables -A INPUT -p tcp --destination-port 5555 -j DROP"
        $procnet = "/proc/net/tcp"

    condition:
        ($miname and $iptables1 and $iptables2 and $procnet) or
        hash.sha1(0, filesize) == "18bce2f0107b5fab1b0b7c453e2a6b6505200cbd"
}

rule Mirai_Hunt_TR069_Iptables : HUNT
{
    meta:
        description = "Binary or script that closes the TR-069/TR-064 ports behind itself"
        severity = "high"

    strings:
        $iptables1 = "busybox iptables -A INPUT -p tcp --destination-port 7547 -j DROP"
        $iptables2 = "busybox iptables -A INPUT -p tcp --destination-port 5555 -j DROP"

    condition:
        any of ($iptables*)
}

rule Mirai_Hunt_Myname : HUNT
{
    meta:
        description = "Mirai TR-069 variant bot-name marker"
        severity = "high"

    strings:
        $miname = "Myname--is:"

    condition:
        $miname
}

rule Mirai_Hunt_Procnet_Iptables : HUNT
{
    meta:
        description = "Reads the TCP socket table and firewalls TR-069 ports: worm behaviour"
        severity = "critical"

    strings:
        $procnet = "/proc/net/tcp"
        $iptables1 = "--destination-port 7547 -j DROP"
        $iptables2 = "--destination-port 5555 -j DROP"

    condition:
        $procnet and any of ($iptables*)
}
