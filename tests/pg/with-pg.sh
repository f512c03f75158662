#!/bin/sh
# with-pg.sh - runs a command with a PostgreSQL server of its own: initdb a
# temporary cluster, start it on a free loopback port, export its URL as
# RASAD_PG_URL, run the command, stop the server and remove the cluster.
# PostgreSQL refuses to run as root, and CI runs as root, so then the
# server runs as the postgres user (runuser). Never skips: a machine
# without PostgreSQL fails with what to do.
# Usage: with-pg.sh COMMAND [ARG...]
set -eu
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "with-pg: PostgreSQL is not installed; run scripts/install-deps as root" >&2
    exit 1
fi
dir=$(mktemp -d /tmp/rasad-pg.XXXXXX)
chmod 755 "$dir"
as=""
if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$dir"
    as="runuser -u postgres --"
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
stop() {
    $as "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
}
trap stop EXIT
trap 'exit 1' INT TERM
if ! $as "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C >"$dir/initdb.log" 2>&1; then
    cat "$dir/initdb.log" >&2
    exit 1
fi
# Tests need no durability across power loss; RASAD_PG_FSYNC=on (the
# benchmark) keeps the server's default.
fsync="-c fsync=off"
[ "${RASAD_PG_FSYNC:-off}" = on ] && fsync=""
if ! $as "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-h 127.0.0.1 -p $port -k $dir $fsync" start >/dev/null; then
    cat "$dir/server.log" >&2
    exit 1
fi
RASAD_PG_URL="postgresql://postgres@127.0.0.1:$port/postgres?sslmode=disable"
export RASAD_PG_URL
"$@"
