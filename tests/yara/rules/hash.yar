/*
 * hash.yar - the hash module over the whole file.
 */
import "hash"

rule hash_md5
{
    condition:
        hash.md5(0, filesize) == "bea042e74cf22915ead9940fcfa1408c"
}

rule hash_sha1
{
    condition:
        hash.sha1(0, filesize) == "cc51d6999437e907b68d56edf4288fe9296de3a7"
}

rule hash_sha256
{
    condition:
        hash.sha256(0, filesize) == "ddb01820b80e1e08b2eb1e62b21b3ce7c9d6c51d2ce3a382640e768c0e7901cf"
}

rule hash_sha1_empty
{
    condition:
        hash.sha1(0, filesize) == "da39a3ee5e6b4b0d3255bfef95601890afd80709"
}

rule hash_uppercase_never
{
    condition:
        hash.md5(0, filesize) == "BEA042E74CF22915EAD9940FCFA1408C"
}

rule hash_not_equal
{
    strings:
        $a = "iothunt"
    condition:
        $a and hash.md5(0, filesize) != "bea042e74cf22915ead9940fcfa1408c"
}
