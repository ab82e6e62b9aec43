/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * PSA crypto configuration for the iothunt agent (MBEDTLS_PSA_CRYPTO_CONFIG,
 * selected from mbedtls_config.h; see toolchain/README.md).
 *
 * MBEDTLS_USE_PSA_CRYPTO is off, so X.509 and PK call the legacy
 * modules directly; PSA is used only where TLS 1.3 in Mbed TLS 3.6 always
 * uses it, and that is all it is given:
 *   - the key schedule: HKDF-Extract and HKDF-Expand over HMAC-SHA-256
 *     (library/ssl_tls13_keys.c), and HMAC-SHA-256 for the Finished
 *     messages and the PSK binder of a resumed session;
 *   - the (EC)DHE key share: key generation, public key export and ECDH on
 *     secp256r1 (library/ssl_tls13_client.c, ssl_tls13_generic.c).
 * Without this file PSA would get every algorithm the legacy configuration
 * allows, including RSA key import and export, which nothing here uses.
 */
#ifndef IOTHUNT_MBEDTLS_PSA_CONFIG_H
#define IOTHUNT_MBEDTLS_PSA_CONFIG_H

/* Key schedule */
#define PSA_WANT_ALG_SHA_256                    1
#define PSA_WANT_ALG_HMAC                       1
#define PSA_WANT_ALG_HKDF_EXTRACT               1
#define PSA_WANT_ALG_HKDF_EXPAND                1
#define PSA_WANT_KEY_TYPE_HMAC                  1
#define PSA_WANT_KEY_TYPE_DERIVE                1

/* (EC)DHE key share */
#define PSA_WANT_ALG_ECDH                       1
#define PSA_WANT_ECC_SECP_R1_256                1
#define PSA_WANT_KEY_TYPE_ECC_PUBLIC_KEY        1
#define PSA_WANT_KEY_TYPE_ECC_KEY_PAIR_BASIC    1
#define PSA_WANT_KEY_TYPE_ECC_KEY_PAIR_GENERATE 1

#endif /* IOTHUNT_MBEDTLS_PSA_CONFIG_H */
