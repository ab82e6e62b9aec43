/* SPDX-License-Identifier: BSD-2-Clause */
#include "auth.h"

#include <errno.h>
#include <string.h>

#include <gnutls/x509.h>

#include "ingest.h"

static char auth_client_purpose[] = GNUTLS_KP_TLS_WWW_CLIENT;

static gnutls_typed_vdata_st auth_vdata[] = {
	{ GNUTLS_DT_KEY_PURPOSE_OID, (unsigned char *)auth_client_purpose, 0 },
};

int
auth_require_client_cert(gnutls_session_t session)
{
	if (session == NULL) {
		return -EINVAL;
	}
	gnutls_certificate_server_set_request(session, GNUTLS_CERT_REQUIRE);
	/* no hostname for a client: the purpose check keeps a server
	 * certificate of the same CA from passing as an agent */
	gnutls_session_set_verify_cert2(session, auth_vdata, 1, 0);
	return 0;
}

int
auth_get_peer_cn(gnutls_session_t session, char *cn, size_t cap)
{
	const gnutls_datum_t *certs;
	gnutls_x509_crt_t crt = NULL;
	unsigned int ncerts = 0;
	unsigned int status = 0;
	char extra[8];
	size_t size;
	size_t cn_len;
	int rc = -EACCES;

	if (cap == 0) {
		return -EACCES;
	}
	cn[0] = '\0';
	if (session == NULL ||
	    gnutls_certificate_type_get(session) != GNUTLS_CRT_X509) {
		goto out;
	}
	if (gnutls_certificate_verify_peers(session, auth_vdata, 1, &status) != 0 ||
	    status != 0) {
		goto out;
	}
	certs = gnutls_certificate_get_peers(session, &ncerts);
	if (certs == NULL || ncerts == 0) {
		goto out;
	}
	if (gnutls_x509_crt_init(&crt) != 0 ||
	    gnutls_x509_crt_import(crt, &certs[0], GNUTLS_X509_FMT_DER) != 0) {
		goto out;
	}
	size = cap;
	if (gnutls_x509_crt_get_dn_by_oid(crt, GNUTLS_OID_X520_COMMON_NAME, 0, 0,
	    cn, &size) != 0 || size >= cap) {
		cn[0] = '\0';
		goto out;
	}
	cn_len = size;
	/* two CNs would make the identity ambiguous */
	size = sizeof(extra);
	if (gnutls_x509_crt_get_dn_by_oid(crt, GNUTLS_OID_X520_COMMON_NAME, 1, 0,
	    extra, &size) != GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE) {
		cn[0] = '\0';
		goto out;
	}
	/* an embedded NUL would shorten the id: refuse it */
	if (strlen(cn) != cn_len || !ingest_check_agent(cn)) {
		cn[0] = '\0';
		goto out;
	}
	rc = 0;
out:
	if (crt != NULL) {
		gnutls_x509_crt_deinit(crt);
	}
	return rc;
}
