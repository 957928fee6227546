# Sourced by tools/test.sh and bench/search.sh: a throwaway PostgreSQL cluster on 127.0.0.1, private to one run.
# start_private_postgres sets PG_PID, PGPORT and PG_ADMIN (a connection string); stop_private_postgres ends it by PID.
PG_PID=
start_private_postgres() {
  PGBIN=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
  PGROOT=$(mktemp -d /tmp/mirae-pg.XXXXXX)
  PGPORT=${PGPORT:-$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')}
  local run_as=() here=$PWD
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$PGROOT"; run_as=(runuser -u postgres --); fi   # initdb refuses root
  cd "$PGROOT"   # runuser keeps the working directory, which postgres may not be allowed to read
  "${run_as[@]}" "$PGBIN/initdb" -D "$PGROOT/data" -U postgres -A trust -E UTF8 --no-sync >"$PGROOT/initdb.log" 2>&1
  "${run_as[@]}" "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGROOT -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 ${PG_EXTRA_OPTIONS:-}" start >/dev/null
  cd "$here"
  PG_PID=$(head -1 "$PGROOT/data/postmaster.pid")
  PG_ADMIN="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres"
}
stop_private_postgres() {
  if [ -n "$PG_PID" ] && kill -0 "$PG_PID" 2>/dev/null; then
    kill -INT "$PG_PID"
    for _ in $(seq 100); do kill -0 "$PG_PID" 2>/dev/null || break; sleep 0.1; done
  fi
  [ -n "${PGROOT:-}" ] && rm -rf "$PGROOT"
}
