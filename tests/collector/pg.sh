# SPDX-License-Identifier: BSD-2-Clause
# pg.sh - a throw-away PostgreSQL server for the collector's tests, sourced
# by the scripts that need one:
#   . tests/collector/pg.sh
#   pg_start DIR        initdb into DIR/pgdata, listen on a Unix socket in DIR
#                       only (no TCP), create database iothunt; sets PG_URL
#   pg_stop [MODE]      pg_ctl stop (fast by default; immediate = crash)
#   pg_restart [MODE]   stop then start the same cluster
# The caller's trap must call pg_stop so the server never outlives a test,
# also on failure. initdb and the server refuse to run as root: when run as
# root they run as an unprivileged user (nobody) through setpriv, and DIR is
# handed to that user. PG_BIN overrides the binaries' directory.

PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
PG_DIR=
PG_URL=
PG_RUNNING=0

pg_as() {
	if [ "$(id -u)" = 0 ]; then
		setpriv --reuid=nobody --regid=nogroup --clear-groups -- "$@"
	else
		"$@"
	fi
}

pg_start() {
	PG_DIR=$1
	if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
		echo "pg.sh: no PostgreSQL server binaries (install postgresql)" >&2
		return 1
	fi
	mkdir -p "$PG_DIR"
	if [ "$(id -u)" = 0 ]; then
		chown nobody:nogroup "$PG_DIR"
		chmod 0755 "$PG_DIR"
		# the server's user must be able to reach DIR (a mktemp parent
		# is 0700): let others traverse, not list
		chmod o+x "$(dirname "$PG_DIR")"
	fi
	pg_as "$PG_BIN/initdb" -D "$PG_DIR/pgdata" -A trust -U iothunt \
		--no-sync -E UTF8 --locale=C >"$PG_DIR/initdb.log" 2>&1 || {
		echo "pg.sh: initdb failed:" >&2
		cat "$PG_DIR/initdb.log" >&2
		return 1
	}
	# fsync stays on: an acknowledged batch must survive the restarts the
	# fault test does (it uses immediate = crash stops)
	cat >>"$PG_DIR/pgdata/postgresql.conf" <<EOF
listen_addresses = ''
unix_socket_directories = '$PG_DIR'
max_connections = 200
shared_buffers = 64MB
log_min_messages = warning
EOF
	pg_launch || return 1
	pg_as "$PG_BIN/createdb" -h "$PG_DIR" -U iothunt iothunt || return 1
	PG_URL="postgresql:///iothunt?host=$PG_DIR&user=iothunt"
	export PG_URL
}

pg_launch() {
	pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/pgdata" -l "$PG_DIR/server.log" -w \
		-t 60 start >/dev/null || {
		echo "pg.sh: the server did not start:" >&2
		tail -20 "$PG_DIR/server.log" >&2
		return 1
	}
	PG_RUNNING=1
}

pg_stop() {
	[ "$PG_RUNNING" = 1 ] || return 0
	pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/pgdata" -m "${1:-fast}" -w -t 60 \
		stop >/dev/null 2>&1
	PG_RUNNING=0
}

pg_restart() {
	pg_stop "${1:-fast}"
	pg_launch
}

# psql against the test database: pg_sql 'SELECT ...' prints unaligned rows
pg_sql() {
	"$PG_BIN/psql" -X -q -At -h "$PG_DIR" -U iothunt -d iothunt -c "$1"
}
