/* SPDX-License-Identifier: BSD-2-Clause */
/* Unit tests: CEF record formatting and escaping, syslog framing, sender. */
#include <errno.h>
#include <poll.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cmocka.h>

#include "cef.h"

#define HDR "CEF:0|iothunt|iothunt|" IOTHUNT_VERSION "|"

struct cef_case {
	const char *name;
	const char *json;
	const char *agent;
	int64_t rt_ms;
	const char *want;
};

static const struct cef_case cef_cases[] = {
	{ "minimal",
	  "{\"type\":\"exe_deleted\",\"severity\":\"low\",\"summary\":\"s\"}",
	  "dev1", 5,
	  HDR "exe_deleted|s|3|rt=5 act=detected dvchost=dev1 deviceExternalId=dev1"
	  " msg=s" },
	{ "connection: remote is dst, local is src",
	  "{\"type\":\"ioc_connection\",\"severity\":\"high\",\"summary\":\"C2\","
	  "\"ts\":1700000000,\"seq\":7,\"local\":\"192.168.1.2:40000\","
	  "\"remote\":\"103.245.27.100:80\",\"pid\":123,\"exe\":\"/tmp/.x (deleted)\","
	  "\"rule\":\"Mirai\",\"ioc\":\"103.245.27.100:80\",\"ioc_source\":\"threatfox\","
	  "\"cmdline\":\"/tmp/.x -s\",\"md5\":\"m5\",\"sha1\":\"s1\",\"sha256\":\"s256\"}",
	  "dev1", 1700000001000,
	  HDR "ioc_connection|C2|8|rt=1700000001000 start=1700000000000 act=detected"
	  " dvchost=dev1 deviceExternalId=dev1 src=192.168.1.2 spt=40000"
	  " dst=103.245.27.100 dpt=80 fname=/tmp/.x (deleted) fileHash=s256"
	  " dvcpid=123 msg=C2 cn1=7 cn1Label=seq cs1=Mirai cs1Label=rule"
	  " cs2=103.245.27.100:80 cs2Label=ioc cs3=threatfox cs3Label=ioc_source"
	  " cs4=/tmp/.x -s cs4Label=cmdline cs5=m5 cs5Label=md5 cs6=s1 cs6Label=sha1" },
	{ "copies of one image: pids as flexString1",
	  "{\"type\":\"exe_deleted\",\"severity\":\"high\",\"summary\":\"pids 50, 51\","
	  "\"pid\":50,\"pids\":[50,51]}",
	  "dev1", 2,
	  HDR "exe_deleted|pids 50, 51|8|rt=2 act=detected dvchost=dev1 deviceExternalId=dev1"
	  " dvcpid=50 msg=pids 50, 51 flexString1=50,51 flexString1Label=pids" },
	{ "an incomplete heartbeat: outcome and what was not read",
	  "{\"type\":\"summary\",\"severity\":\"low\",\"summary\":\"INCOMPLETE: 0 finding(s)\","
	  "\"verdict\":\"INCOMPLETE\",\"unreadable\":\"the firewall rules (nft: denied)\"}",
	  "dev1", 3,
	  HDR "summary|INCOMPLETE: 0 finding(s)|3|rt=3 act=detected dvchost=dev1"
	  " deviceExternalId=dev1 msg=INCOMPLETE: 0 finding(s) outcome=incomplete"
	  " flexString2=the firewall rules (nft: denied) flexString2Label=unreadable" },
	{ "header escaping: pipe, backslash, newline",
	  "{\"type\":\"rule_match\",\"severity\":\"critical\",\"summary\":\"a|b\\\\c\\nd\\re\"}",
	  "dev1", 0,
	  HDR "rule_match|a\\|b\\\\c d e|10|rt=0 act=detected dvchost=dev1"
	  " deviceExternalId=dev1 msg=a|b\\\\c\\nd\\re" },
	{ "extension escaping: equals, backslash, newline, control",
	  "{\"type\":\"x\",\"severity\":\"medium\",\"summary\":\"s\","
	  "\"cmdline\":\"k=v \\\\ q\\n\\tz\",\"action\":\"a=b\"}",
	  "dev1", 1,
	  HDR "x|s|5|rt=1 act=a\\=b dvchost=dev1 deviceExternalId=dev1 msg=s"
	  " cs4=k\\=v \\\\ q\\n z cs4Label=cmdline" },
	{ "bad endpoints are left out",
	  "{\"type\":\"x\",\"severity\":\"low\",\"summary\":\"s\",\"local\":\"nonsense\","
	  "\"remote\":\"1.2.3.4:99999\"}",
	  "dev1", 1,
	  HDR "x|s|3|rt=1 act=detected dvchost=dev1 deviceExternalId=dev1 msg=s" },
	{ "IPv6 and v4-mapped endpoints",
	  "{\"type\":\"x\",\"severity\":\"low\",\"summary\":\"s\","
	  "\"local\":\"[::ffff:10.0.0.1]:23\",\"remote\":\"[2001:db8::1]:443\"}",
	  "dev1", 1,
	  HDR "x|s|3|rt=1 act=detected dvchost=dev1 deviceExternalId=dev1"
	  " src=10.0.0.1 spt=23 dst=2001:db8::1 dpt=443 msg=s" },
	{ "host names the device, negative collector seq",
	  "{\"type\":\"agent_silent\",\"severity\":\"high\",\"summary\":\"gone\","
	  "\"host\":\"OpenWrt\",\"seq\":-1,\"action\":\"silent\"}",
	  "dev2", 2,
	  HDR "agent_silent|gone|8|rt=2 act=silent dvchost=OpenWrt"
	  " deviceExternalId=dev2 msg=gone cn1=-1 cn1Label=seq" },
	{ "huge ts gives no start",
	  "{\"type\":\"x\",\"severity\":\"low\",\"summary\":\"s\",\"ts\":9223372036854775807}",
	  "d", 1,
	  HDR "x|s|3|rt=1 act=detected dvchost=d deviceExternalId=d msg=s" },
};

static void
test_cef_format_table(void **state)
{
	char buf[CEF_RECORD_MAX];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cef_cases) / sizeof(cef_cases[0]); i++) {
		const struct cef_case *c = &cef_cases[i];
		json_error_t jerr;
		json_t *obj = json_loads(c->json, 0, &jerr);
		size_t len = 0;
		int rc;

		if (obj == NULL) {
			print_error("case \"%s\": bad test JSON: %s\n", c->name, jerr.text);
			fail();
		}
		rc = cef_format_finding(obj, c->agent, c->rt_ms, buf, sizeof(buf), &len);
		json_decref(obj);
		if (rc != 0 || strcmp(buf, c->want) != 0 || len != strlen(c->want)) {
			print_error("case \"%s\": rc %d\n got  %s\n want %s\n", c->name, rc,
			    buf, c->want);
			fail();
		}
	}
}

static void
test_cef_severity_map(void **state)
{
	(void)state;
	assert_int_equal(cef_map_severity("low"), 3);
	assert_int_equal(cef_map_severity("medium"), 5);
	assert_int_equal(cef_map_severity("high"), 8);
	assert_int_equal(cef_map_severity("critical"), 10);
	assert_int_equal(cef_map_severity("other"), 5);
	assert_int_equal(cef_map_severity(NULL), 5);
}

/* Long values are cut on a UTF-8 boundary; a tiny buffer is -ENOSPC. */
static void
test_cef_cut_and_overflow(void **state)
{
	char summary[2000];
	char buf[CEF_RECORD_MAX];
	const char *name;
	json_t *obj;
	size_t len;
	size_t i;

	(void)state;
	/* 'a' then 2-byte characters: the cut at 512 falls mid-character */
	summary[0] = 'a';
	for (i = 1; i + 1 < sizeof(summary) - 1; i += 2) {
		summary[i] = (char)0xc3;
		summary[i + 1] = (char)0xa9;
	}
	summary[i] = '\0';
	obj = json_pack("{s:s, s:s, s:s}", "type", "x", "severity", "low",
	    "summary", summary);
	assert_non_null(obj);
	assert_int_equal(cef_format_finding(obj, "d", 0, buf, sizeof(buf), &len), 0);
	name = strstr(buf, "|x|") + 3;
	/* 1 + 255 * 2 = 511 bytes: the 512th byte would split a character */
	assert_int_equal(strchr(name, '|') - name, 511);
	assert_int_equal(cef_format_finding(obj, "d", 0, buf, 64, &len), -ENOSPC);
	assert_string_equal(buf, "");
	assert_int_equal(cef_format_finding(obj, "d", 0, buf, 0, &len), -ENOSPC);
	json_decref(obj);

	obj = json_pack("{s:s}", "severity", "low");
	assert_int_equal(cef_format_finding(obj, "d", 0, buf, sizeof(buf), &len),
	    -EINVAL);
	json_decref(obj);
}

struct frame_case {
	const char *name;
	enum cef_syslog_format format;
	int tcp;
	enum cef_tcp_framing framing;
	int sev;
	const char *want;
};

/* 2023-11-14T22:13:20Z, a day with a one-digit day-of-month is below */
#define T0 1700000000

static const struct frame_case frame_cases[] = {
	{ "5424 udp", CEF_SYSLOG_RFC5424, 0, CEF_FRAMING_OCTET, 8,
	  "<163>1 2023-11-14T22:13:20Z h iothunt - CEF - CEF:0|x" },
	{ "5424 tcp octet", CEF_SYSLOG_RFC5424, 1, CEF_FRAMING_OCTET, 10,
	  "53 <162>1 2023-11-14T22:13:20Z h iothunt - CEF - CEF:0|x" },
	{ "5424 tcp lf", CEF_SYSLOG_RFC5424, 1, CEF_FRAMING_LF, 3,
	  "<165>1 2023-11-14T22:13:20Z h iothunt - CEF - CEF:0|x\n" },
	{ "3164 udp", CEF_SYSLOG_RFC3164, 0, CEF_FRAMING_LF, 5,
	  "<164>Nov 14 22:13:20 h iothunt: CEF:0|x" },
	{ "3164 tcp octet", CEF_SYSLOG_RFC3164, 1, CEF_FRAMING_OCTET, 5,
	  "39 <164>Nov 14 22:13:20 h iothunt: CEF:0|x" },
};

static void
test_cef_frame_table(void **state)
{
	char buf[256];
	size_t len;
	size_t i;
	int rc;

	(void)state;
	for (i = 0; i < sizeof(frame_cases) / sizeof(frame_cases[0]); i++) {
		const struct frame_case *c = &frame_cases[i];

		rc = cef_frame_syslog(c->format, c->tcp, c->framing, c->sev, T0, "h",
		    "CEF:0|x", 7, buf, sizeof(buf), &len);
		if (rc != 0 || len != strlen(c->want) || memcmp(buf, c->want, len) != 0) {
			print_error("case \"%s\": rc %d got \"%.*s\"\n", c->name, rc,
			    (int)len, buf);
			fail();
		}
	}
	/* RFC 3164 pads a one-digit day with a space */
	assert_int_equal(cef_frame_syslog(CEF_SYSLOG_RFC3164, 0, CEF_FRAMING_LF, 5,
	    1699228800, "h", "m", 1, buf, sizeof(buf), &len), 0);
	assert_memory_equal(buf, "<164>Nov  6 00:00:00 h iothunt: m", len);
	/* too small */
	assert_int_equal(cef_frame_syslog(CEF_SYSLOG_RFC5424, 1, CEF_FRAMING_LF, 5,
	    T0, "h", "CEF:0|x", 7, buf, 50, &len), -ENOSPC);
}

static int
test_bind_udp(unsigned *port)
{
	struct sockaddr_in sin;
	socklen_t len = sizeof(sin);
	int fd = socket(AF_INET, SOCK_DGRAM, 0);

	assert_true(fd >= 0);
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(bind(fd, (struct sockaddr *)&sin, sizeof(sin)), 0);
	assert_int_equal(getsockname(fd, (struct sockaddr *)&sin, &len), 0);
	*port = ntohs(sin.sin_port);
	return fd;
}

/* The sender delivers over UDP, one datagram per finding. */
static void
test_cef_sender_udp(void **state)
{
	struct cef_sender_config cfg;
	struct cef_sender_stats st;
	struct cef_sender *s = NULL;
	struct pollfd pfd;
	char url[64];
	char buf[CEF_FRAME_MAX];
	unsigned port;
	ssize_t n;
	json_t *obj;
	int fd;
	int i;

	(void)state;
	fd = test_bind_udp(&port);
	assert_true(snprintf(url, sizeof(url), "udp://127.0.0.1:%u", port) > 0);
	cfg.url = url;
	cfg.format = CEF_SYSLOG_RFC5424;
	cfg.framing = CEF_FRAMING_OCTET;
	cfg.queue_max = 16;
	assert_int_equal(cef_sender_start(&cfg, &s), 0);
	obj = json_pack("{s:s, s:s, s:s, s:s}", "type", "ioc_connection", "severity",
	    "high", "summary", "c2", "remote", "152.236.6.8:28291");
	for (i = 0; i < 3; i++) {
		assert_int_equal(cef_sender_send(s, obj, "dev1", 1000), 0);
	}
	json_decref(obj);
	for (i = 0; i < 3; i++) {
		pfd.fd = fd;
		pfd.events = POLLIN;
		assert_int_equal(poll(&pfd, 1, 5000), 1);
		n = recv(fd, buf, sizeof(buf) - 1, 0);
		assert_true(n > 0);
		buf[n] = '\0';
		assert_non_null(strstr(buf, "CEF:0|iothunt|iothunt|"));
		assert_non_null(strstr(buf, " dst=152.236.6.8 dpt=28291 "));
		assert_int_equal(strncmp(buf, "<163>1 ", 7), 0);
	}
	cef_sender_stop(s, 1000, &st);
	assert_int_equal(st.sent, 3);
	assert_int_equal(st.dropped, 0);
	close(fd);
}

/*
 * A TCP peer that is down: sends return at once, the bounded queue fills
 * and the rest is dropped and counted; stopping does not hang.
 */
static void
test_cef_sender_peer_down(void **state)
{
	struct cef_sender_config cfg;
	struct cef_sender_stats st;
	struct cef_sender *s = NULL;
	struct timespec t0;
	struct timespec t1;
	unsigned port;
	char url[64];
	json_t *obj;
	int fd;
	int i;
	int dropped = 0;

	(void)state;
	/* a port nobody listens on: bind a UDP socket to learn a free number,
	 * TCP connects to it are refused */
	fd = test_bind_udp(&port);
	assert_true(snprintf(url, sizeof(url), "tcp://127.0.0.1:%u", port) > 0);
	cfg.url = url;
	cfg.format = CEF_SYSLOG_RFC3164;
	cfg.framing = CEF_FRAMING_LF;
	cfg.queue_max = 8;
	assert_int_equal(cef_sender_start(&cfg, &s), 0);
	obj = json_pack("{s:s, s:s, s:s}", "type", "x", "severity", "low",
	    "summary", "s");
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; i < 100; i++) {
		if (cef_sender_send(s, obj, "dev1", 1000) == -ENOBUFS) {
			dropped++;
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	json_decref(obj);
	/* 100 sends to a dead peer take far less than a second */
	assert_true(t1.tv_sec - t0.tv_sec < 1);
	assert_true(dropped >= 100 - 8 - 1);
	cef_sender_stop(s, 200, &st);
	assert_int_equal(st.sent, 0);
	assert_int_equal(st.dropped, 100);
	close(fd);
}

static void
test_cef_sender_bad_url(void **state)
{
	static const char *const urls[] = {
		"udp:/127.0.0.1:514", "http://127.0.0.1:514", "udp://127.0.0.1",
		"udp://127.0.0.1:0", "tcp://localhost:514", "udp://[::1]:99999", ""
	};
	struct cef_sender_config cfg = { NULL, CEF_SYSLOG_RFC5424, CEF_FRAMING_OCTET, 4 };
	struct cef_sender *s = (struct cef_sender *)&cfg;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(urls) / sizeof(urls[0]); i++) {
		cfg.url = urls[i];
		if (cef_sender_start(&cfg, &s) != -EINVAL || s != NULL) {
			print_error("url \"%s\" accepted\n", urls[i]);
			fail();
		}
	}
	cef_sender_stop(NULL, 0, NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cef_format_table),
		cmocka_unit_test(test_cef_severity_map),
		cmocka_unit_test(test_cef_cut_and_overflow),
		cmocka_unit_test(test_cef_frame_table),
		cmocka_unit_test(test_cef_sender_udp),
		cmocka_unit_test(test_cef_sender_peer_down),
		cmocka_unit_test(test_cef_sender_bad_url),
	};

	return cmocka_run_group_tests_name("collector cef", tests, NULL, NULL);
}
