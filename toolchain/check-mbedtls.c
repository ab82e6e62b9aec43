/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * check-mbedtls.c - compiled (never linked) against a target's own Mbed TLS
 * headers when the agent is built with MBEDTLS=system (mk/target.mk): fails
 * the build, naming the option, when that library lacks what the agent
 * uses.  The list mirrors toolchain/mbedtls_config.h, less what is only a
 * size choice there (ROM tables, window sizes, the cipher-suite list, the
 * external RNG: with the library's own DRBG the agent's f_rng still feeds
 * TLS, PSA uses the library's).  At run time the sonames of the 3.6 series
 * keep another major version from being loaded (docs in packaging/README.md).
 */
#include <mbedtls/version.h>

#if !defined(MBEDTLS_VERSION_NUMBER) || MBEDTLS_VERSION_NUMBER < 0x03060000
#error "Mbed TLS 3.6 or later is needed (MBEDTLS_VERSION_NUMBER < 0x03060000)"
#endif

#ifdef MBEDTLS_SSL_CLI_C
#define HAVE_SSL_CLI_C 1
#else
#error "MBEDTLS_SSL_CLI_C is needed by the agent (TLS client)"
#endif
#ifndef MBEDTLS_SSL_PROTO_TLS1_3
#error "MBEDTLS_SSL_PROTO_TLS1_3 is needed by the agent"
#endif
#ifndef MBEDTLS_SSL_TLS1_3_KEY_EXCHANGE_MODE_EPHEMERAL_ENABLED
#error "MBEDTLS_SSL_TLS1_3_KEY_EXCHANGE_MODE_EPHEMERAL_ENABLED is needed by the agent"
#endif
#ifndef MBEDTLS_SSL_SERVER_NAME_INDICATION
#error "MBEDTLS_SSL_SERVER_NAME_INDICATION is needed by the agent"
#endif
#ifndef MBEDTLS_SSL_SESSION_TICKETS
#error "MBEDTLS_SSL_SESSION_TICKETS is needed by the agent"
#endif
#ifndef MBEDTLS_PSA_CRYPTO_C
#error "MBEDTLS_PSA_CRYPTO_C is needed by the agent (TLS 1.3)"
#endif
#ifndef MBEDTLS_ECDSA_C
#error "MBEDTLS_ECDSA_C is needed by the agent (device keys are ECDSA P-256)"
#endif
#ifndef MBEDTLS_ECP_DP_SECP256R1_ENABLED
#error "MBEDTLS_ECP_DP_SECP256R1_ENABLED is needed by the agent"
#endif
#ifndef MBEDTLS_X509_CRT_PARSE_C
#error "MBEDTLS_X509_CRT_PARSE_C is needed by the agent"
#endif
#ifndef MBEDTLS_PEM_PARSE_C
#error "MBEDTLS_PEM_PARSE_C is needed by the agent (PEM certificates and keys)"
#endif
#ifndef MBEDTLS_PK_PARSE_C
#error "MBEDTLS_PK_PARSE_C is needed by the agent"
#endif
#if !defined(MBEDTLS_GCM_C) && !defined(MBEDTLS_CHACHAPOLY_C)
#error "MBEDTLS_GCM_C or MBEDTLS_CHACHAPOLY_C is needed by the agent"
#endif
#ifndef MBEDTLS_SHA256_C
#error "MBEDTLS_SHA256_C is needed by the agent"
#endif

int check_mbedtls_ok(void);
int check_mbedtls_ok(void)
{
    return HAVE_SSL_CLI_C;
}
