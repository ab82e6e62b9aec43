/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Minimal Mbed TLS 3.6 configuration for the iothunt agent
 * (selected with MBEDTLS_CONFIG_FILE; see toolchain/README.md).
 *
 * What the agent needs and nothing more:
 *   - TLS 1.3 client only (no 1.2: the collector is ours and speaks 1.3),
 *     with a client certificate (ECDSA P-256 key);
 *   - key exchange: ECDHE on secp256r1 (the curve the certificates need
 *     anyway; no X25519);
 *   - peer certificates and signatures with ECDSA or RSA (PKCS#1 v1.5 and
 *     PSS); RSA only verifies (IOTHUNT_RSA_VERIFY_ONLY);
 *   - AEAD cipher: ChaCha20-Poly1305 (TLS_CHACHA20_POLY1305_SHA256);
 *   - session tickets for resumption;
 *   - SHA-256 (TLS, and file hashing with the agent's own MD5/SHA-1).
 * No server side, no file system, no threading, no debug strings.  PSA
 * gets its own, smaller configuration: mbedtls_psa_config.h.  Sizes of
 * each choice: toolchain/README.md.
 */
#ifndef IOTHUNT_MBEDTLS_CONFIG_H
#define IOTHUNT_MBEDTLS_CONFIG_H

/* System support */
#define MBEDTLS_HAVE_ASM             /* smaller than the C bignum code on MIPS */
#define MBEDTLS_HAVE_TIME
#define MBEDTLS_HAVE_TIME_DATE
#define MBEDTLS_PLATFORM_GMTIME_R_ALT /* util_utc_tm: musl's gmtime_r pulls its
                                       * time-zone code in (~5 KiB) */
#define MBEDTLS_PLATFORM_C
#define MBEDTLS_DEPRECATED_REMOVED
#define MBEDTLS_NO_UDBL_DIVISION     /* no 64/64 division helpers from libgcc */

/* Randomness: the kernel's getrandom() (/dev/urandom before 3.17), given to
 * TLS as its f_rng and to PSA as the external RNG (the program defines
 * mbedtls_psa_external_get_random).  No entropy pool and no DRBG. */
#define MBEDTLS_PSA_CRYPTO_EXTERNAL_RNG

/* PSA crypto core: required by TLS 1.3 in 3.6.  MBEDTLS_USE_PSA_CRYPTO is
 * left off: X.509 and PK then call the legacy modules directly instead
 * of through a second layer (11 KiB smaller on MIPS).  PSA gets only what
 * TLS 1.3 asks of it (mbedtls_psa_config.h), not everything the legacy
 * configuration would allow (4.5 KiB smaller: no PSA RSA key code). */
#define MBEDTLS_PSA_CRYPTO_C
#define MBEDTLS_PSA_CRYPTO_CONFIG
#define MBEDTLS_PSA_CRYPTO_CONFIG_FILE "mbedtls_psa_config.h"

/* Symmetric crypto: ChaCha20-Poly1305 is the only cipher, no AES or GCM
 * (9 KiB on MIPS; see toolchain/README.md).  Without AES instructions ChaCha20 is also the
 * faster one, and it has no key-dependent table lookups. */
#define MBEDTLS_CHACHA20_C
#define MBEDTLS_POLY1305_C
#define MBEDTLS_CHACHAPOLY_C
#define MBEDTLS_CIPHER_C

/* Hashes and MACs.  MD5 and SHA-1 for file hashing are the agent's own
 * (agent/hash.c): TLS needs neither, and the library's unrolled versions
 * are 9 KiB larger. */
#define MBEDTLS_MD_C
#define MBEDTLS_SHA256_C
#define MBEDTLS_SHA256_SMALLER
/* The compact SHA-256 with its working variables in registers: not an Mbed
 * TLS option, toolchain/patches/mbedtls/0003-sha256-registers.patch. */
#define IOTHUNT_SHA256_REGS
#define MBEDTLS_HKDF_C

/* Public key */
#define MBEDTLS_BIGNUM_C
#define MBEDTLS_ECP_C
#define MBEDTLS_ECP_DP_SECP256R1_ENABLED
#define MBEDTLS_ECDSA_C
#define MBEDTLS_RSA_C
#define MBEDTLS_PKCS1_V15
#define MBEDTLS_PKCS1_V21
/* RSA only verifies (server certificates and TLS signatures): no RSA
 * private-key, signing or encryption code, and RSA private keys are
 * refused.  Not an Mbed TLS option: toolchain/patches/mbedtls/
 * 0001-rsa-verify-only.patch.  Device keys are ECDSA P-256. */
#define IOTHUNT_RSA_VERIFY_ONLY
#define MBEDTLS_PK_C
#define MBEDTLS_PK_PARSE_C
#define MBEDTLS_ASN1_PARSE_C
#define MBEDTLS_ASN1_WRITE_C
#define MBEDTLS_OID_C
#define MBEDTLS_BASE64_C
#define MBEDTLS_PEM_PARSE_C
/* pem.c and x509_crt.c find their PEM markers with a small scan instead of
 * libc's strstr (over 1 KiB).  Not an Mbed TLS option:
 * toolchain/patches/mbedtls/0002-small-strstr.patch. */
#define IOTHUNT_SMALL_STRSTR

/* X.509.  RSASSA_PSS_SUPPORT is what makes the client offer the
 * rsa_pss_rsae_* signature algorithms: without it a TLS 1.3 server with an
 * RSA certificate (whose CertificateVerify must be RSA-PSS) has nothing to
 * sign with and the handshake fails. */
#define MBEDTLS_X509_USE_C
#define MBEDTLS_X509_CRT_PARSE_C
#define MBEDTLS_X509_RSASSA_PSS_SUPPORT
#define MBEDTLS_X509_REMOVE_INFO   /* no description strings: the agent words refusals itself */

/* TLS */
#define MBEDTLS_SSL_TLS_C
#define MBEDTLS_SSL_CLI_C
#define MBEDTLS_SSL_PROTO_TLS1_3
#define MBEDTLS_SSL_TLS1_3_COMPATIBILITY_MODE  /* middleboxes; 192 bytes */
#define MBEDTLS_SSL_TLS1_3_KEY_EXCHANGE_MODE_EPHEMERAL_ENABLED
#define MBEDTLS_SSL_TLS1_3_KEY_EXCHANGE_MODE_PSK_EPHEMERAL_ENABLED
#define MBEDTLS_SSL_SESSION_TICKETS
#define MBEDTLS_SSL_SERVER_NAME_INDICATION
#define MBEDTLS_SSL_KEEP_PEER_CERTIFICATE  /* required by TLS 1.3 */
/* The one suite this configuration can negotiate: the built-in preference
 * list names all ~190 suites Mbed TLS knows (764 bytes). */
#define MBEDTLS_SSL_CIPHERSUITES \
    MBEDTLS_TLS1_3_CHACHA20_POLY1305_SHA256
#define MBEDTLS_SSL_IN_CONTENT_LEN  16384
#define MBEDTLS_SSL_OUT_CONTENT_LEN 4096

/* Smaller code and RAM.  Left out on purpose: ECP_NIST_OPTIM (speed, not
 * needed for one handshake per interval), deterministic ECDSA (the DRBG
 * provides k), encrypt-then-MAC and max-fragment-length (no CBC suites;
 * the collector is ours), compressed EC points, SHA-224. */
#define MBEDTLS_MPI_WINDOW_SIZE 1  /* only RSA public exponents (<= 79 bits
                                    * get window 1 whatever this says) */
#define MBEDTLS_MPI_MAX_SIZE    512  /* RSA up to 4096 bits */
#define MBEDTLS_ECP_WINDOW_SIZE 2
#define MBEDTLS_ECP_FIXED_POINT_OPTIM 0

#endif /* IOTHUNT_MBEDTLS_CONFIG_H */
