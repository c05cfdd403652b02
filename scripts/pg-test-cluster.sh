#!/usr/bin/env bash
# Start a throw-away PostgreSQL cluster in a temp directory, listening on loopback only, and print
# the DATABASE_URL to use (on a free port). Usage: eval "$(scripts/pg-test-cluster.sh start)"; scripts/pg-test-cluster.sh stop DIR
set -euo pipefail
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$PGBIN" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }
case "${1:-start}" in
  start)
    # A free loopback port (never a fixed one: a shared cluster may already hold 55432), unless
    # PGPORT_TEST names one.
    PORT=${PGPORT_TEST:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
    DIR=$(mktemp -d /tmp/wd-pg.XXXXXX)
    chown -R postgres "$DIR" 2>/dev/null || true
    as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
    as_pg "$PGBIN/initdb" -D "$DIR/data" -U disclosure --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1
    as_pg "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
    as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$PORT" -U disclosure disclosure
    echo "export PG_TEST_DIR=$DIR"
    echo "export DATABASE_URL=postgres://disclosure@127.0.0.1:$PORT/disclosure"
    ;;
  stop)
    DIR=${2:?cluster dir}
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$PGBIN/pg_ctl" -D "$DIR/data" -m fast stop >/dev/null || true
    else "$PGBIN/pg_ctl" -D "$DIR/data" -m fast stop >/dev/null || true; fi
    rm -rf "$DIR"
    ;;
esac
