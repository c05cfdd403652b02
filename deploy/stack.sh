#!/usr/bin/env bash
# The real server stack on loopback: PostgreSQL (a throw-away cluster), Redis, gunicorn with 2
# workers, nginx in front, and the django-tasks database worker. docs/deploy.md explains it.
#   eval "$(bash deploy/stack.sh start)"   # prints STACK_DIR and STACK_URL; the demo office is set up
#   bash deploy/stack.sh stop "$STACK_DIR"
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PY=${PY:-$ROOT/.venv/bin/python}
BIN=$(dirname "$PY")
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
case "${1:-start}" in
  start)
    DIR=$(mktemp -d /tmp/wd-stack.XXXXXX)
    mkdir -p "$DIR/media" "$DIR/static" "$DIR/run"
    chmod 755 "$DIR"  # nginx workers (www-data) read static and media files here
    PG_ENV=$(bash scripts/pg-test-cluster.sh start)
    eval "$PG_ENV"
    REDIS_PORT=$(free_port); NGINX_PORT=$(free_port); APP_PORT=$(free_port)
    cat >"$DIR/env" <<ENV
export STACK_DIR=$DIR
export PG_TEST_DIR=$PG_TEST_DIR
export DATABASE_URL=$DATABASE_URL
export REDIS_URL=redis://127.0.0.1:$REDIS_PORT/0
export DJANGO_SETTINGS_MODULE=stack_settings
export PYTHONPATH=$ROOT:$ROOT/example_site:$ROOT/deploy
export DJANGO_SECRET_KEY=$(python3 -c 'import secrets; print(secrets.token_urlsafe(50))')
export DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost
export DJANGO_CSRF_TRUSTED_ORIGINS=http://127.0.0.1:$NGINX_PORT
export DJANGO_MEDIA_ROOT=$DIR/media
export DJANGO_STATIC_ROOT=$DIR/static
export DJANGO_EMAIL_BACKEND=django.core.mail.backends.locmem.EmailBackend
export WAGTAILADMIN_BASE_URL=http://127.0.0.1:$NGINX_PORT
export STACK_PLAIN_HTTP=1
export GUNICORN_BIND=127.0.0.1:$APP_PORT
export STACK_URL=http://127.0.0.1:$NGINX_PORT
ENV
    # shellcheck disable=SC1091
    . "$DIR/env"
    redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no \
      --daemonize yes --pidfile "$DIR/run/redis.pid" --dir "$DIR" --logfile "$DIR/run/redis.log"
    "$PY" example_site/manage.py migrate --noinput >"$DIR/run/migrate.log" 2>&1
    "$PY" example_site/manage.py collectstatic --noinput >"$DIR/run/collectstatic.log" 2>&1
    "$PY" example_site/manage.py setup_demo --force >"$DIR/run/setup_demo.log" 2>&1
    "$BIN/gunicorn" -c deploy/gunicorn.conf.py --daemon --pid "$DIR/run/gunicorn.pid" \
      --error-logfile "$DIR/run/gunicorn.log" --access-logfile "$DIR/run/gunicorn-access.log"
    nohup "$PY" example_site/manage.py db_worker >"$DIR/run/worker.log" 2>&1 &
    echo $! >"$DIR/run/worker.pid"
    sed -e "s#@PORT@#$NGINX_PORT#" -e "s#@UPSTREAM@#$GUNICORN_BIND#" -e "s#@STATIC@#$DIR/static#" \
      -e "s#@MEDIA@#$DIR/media#" -e "s#@RUN@#$DIR/run#" deploy/nginx.conf >"$DIR/nginx.conf"
    nginx -c "$DIR/nginx.conf" -e "$DIR/run/nginx-error.log"
    for _ in $(seq 60); do
      curl -fsS -o /dev/null "$STACK_URL/" 2>/dev/null && break
      sleep 1
    done
    curl -fsS -o /dev/null "$STACK_URL/" || { echo "stack did not answer; logs in $DIR/run" >&2; exit 1; }
    cat "$DIR/env"
    ;;
  stop)
    DIR=${2:?stack dir}
    # shellcheck disable=SC1091
    . "$DIR/env"
    [ -f "$DIR/run/nginx.pid" ] && nginx -c "$DIR/nginx.conf" -s stop 2>/dev/null || true
    pids=""
    for name in worker gunicorn redis; do
      [ -f "$DIR/run/$name.pid" ] || continue
      pid=$(cat "$DIR/run/$name.pid"); pids="$pids $pid"
      kill "$pid" 2>/dev/null || true
    done
    for _ in $(seq 30); do  # gunicorn finishes its requests first
      alive=""; for pid in $pids; do kill -0 "$pid" 2>/dev/null && alive=1; done
      [ -z "$alive" ] && break
      sleep 1
    done
    bash scripts/pg-test-cluster.sh stop "$PG_TEST_DIR"
    rm -rf "$DIR"
    ;;
esac
