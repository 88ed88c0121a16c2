#!/bin/sh
# Runs "$@" in a private NIS world. Started under `unshare -umnp --fork --propagation private`:
# the NIS domain, the mounts, the network (loopback only) and the processes are the namespace's
# own, so the machine's NIS, rpcbind and /var/yp are never touched, and the daemons end with it.
# $1 is an empty temporary directory.
set -e
T=$1; shift
ip link set lo up
domainname jeximtest
mount -t tmpfs tmpfs /run
mkdir -p "$T/yp/jeximtest" "$T/yp/binding"
mount --bind "$T/yp" /var/yp
printf 'alice alice@example.org\nbob bob@example.org, bob2@example.org\nempty \nUpper Case\nlatin1 caf\351\n' \
  | /usr/lib/yp/makedbm - /var/yp/jeximtest/aliases
printf 'alice zero-terminated\n' | /usr/lib/yp/makedbm -a - /var/yp/jeximtest/aliases0
printf 'ypserver 127.0.0.1\n' > "$T/yp.conf"
rpcbind -w
ypserv
ypbind -f "$T/yp.conf"
i=0
until ypwhich >/dev/null 2>&1; do
  i=$((i + 1)); [ $i -lt 200 ] || { echo "ypbind did not bind" >&2; exit 1; }
  sleep 0.1
done
"$@"
