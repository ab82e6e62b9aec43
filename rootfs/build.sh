#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# build.sh OUT BUSYBOX_DIR AGENT SIM CERTDIR DEVICE_ID
#
# Assembles the test router's root filesystem in OUT (removed first):
# busybox and its applet links, the skeleton of rootfs/skel (init scripts,
# UCI config, /etc/iothunt.conf), the agent as /usr/sbin/iothunt, the
# simulator as /usr/libexec/iothunt-test/mirai_sim (a test image: never
# ship it), and the device's certificates from CERTDIR (scripts/mkcerts.sh
# layout).  /var is a link to /tmp, as on OpenWrt; /tmp is a tmpfs at boot.
set -eu
out=$1 bbdir=$2 agent=$3 sim=$4 certs=$5 dev=$6
here=$(cd "$(dirname "$0")" && pwd)
abs() { case $1 in /*) echo "$1" ;; *) echo "$PWD/$1" ;; esac; }
bbdir=$(abs "$bbdir") agent=$(abs "$agent") sim=$(abs "$sim") certs=$(abs "$certs")

rm -rf "$out"
mkdir -p "$out"
cd "$out"
mkdir -p bin sbin usr/bin usr/sbin usr/libexec/iothunt-test lib etc/rc.d etc/iothunt \
    proc sys dev tmp root overlay mnt
chmod 1777 tmp
chmod 0700 root
ln -s tmp var
cp -a "$here/skel/." .
ln -sf /tmp/resolv.conf etc/resolv.conf

# busybox and its applets, as `make install` would lay them out.
install -m 0755 "$bbdir/busybox" bin/busybox
while read -r l; do
    case $l in
    /bin/busybox | '') continue ;;
    esac
    dir=$(dirname "$l")
    mkdir -p ".$dir"
    rel=$(echo "${dir#/}" | sed 's|[^/]*|..|g')
    ln -sf "$rel/bin/busybox" ".$l"
done < "$bbdir/busybox.links"

# Initramfs entry point: /dev/console may not exist yet in an initramfs
# built without device nodes (no root needed to build it).
cat > init <<'EOS'
#!/bin/sh
mount -t devtmpfs devtmpfs /dev 2>/dev/null
exec </dev/console >/dev/console 2>&1
exec /sbin/init
EOS
chmod 0755 init

install -m 0755 "$agent" usr/sbin/iothunt
install -m 0755 "$sim" usr/libexec/iothunt-test/mirai_sim
install -m 0644 "$certs/ca.crt" etc/iothunt/ca.crt
install -m 0644 "$certs/devices/$dev.crt" etc/iothunt/device.crt
install -m 0600 "$certs/devices/$dev.key" etc/iothunt/device.key

for s in etc/init.d/*; do
    n=$(basename "$s")
    st=$(sed -n 's/^START=\([0-9]*\)$/\1/p' "$s")
    sp=$(sed -n 's/^STOP=\([0-9]*\)$/\1/p' "$s")
    [ -n "$st" ] && ln -sf "../init.d/$n" "etc/rc.d/S$st$n" # not a repository path
    [ -n "$sp" ] && ln -sf "../init.d/$n" "etc/rc.d/K$sp$n" # not a repository path
done
echo "rootfs: $out ($(du -sk . | cut -f1) KiB, $(find . | wc -l) entries)"
