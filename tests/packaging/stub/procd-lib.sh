# SPDX-License-Identifier: BSD-2-Clause
# procd-lib.sh: the functions /etc/rc.common and /lib/functions.sh and
# procd.sh give an OpenWrt init script, recorded instead of executed: each
# procd_* call appends "NAME ARGS..." to $PROCD_LOG.  config_load/config_get
# read "SECTION.OPTION=VALUE" lines from $UCI_OPTS (what /etc/config/iothunt
# would hold for section main).  Sourced by tests/packaging/test-procd.sh
# in busybox sh.
rec() { echo "$*" >> "$PROCD_LOG"; }
config_load() { rec config_load "$@"; }
config_get() {   # VAR SECTION OPTION [DEFAULT]
	local v
	v=$(sed -n "s/^$2\.$3=//p" "$UCI_OPTS")
	eval "$1=\${v:-\${4:-}}"
}
config_get_bool() {
	local _b
	config_get _b "$2" "$3" "${4:-}"
	case "$_b" in 1|on|true|yes|enabled) _b=1 ;; *) _b=0 ;; esac
	eval "$1=$_b"
}
procd_open_instance() { rec procd_open_instance "$@"; }
procd_set_param() { rec procd_set_param "$@"; }
procd_close_instance() { rec procd_close_instance "$@"; }
procd_add_jail() { rec procd_add_jail "$@"; }
procd_add_jail_mount() { rec procd_add_jail_mount "$@"; }
procd_add_jail_mount_rw() { rec procd_add_jail_mount_rw "$@"; }
procd_add_reload_trigger() { rec procd_add_reload_trigger "$@"; }
