#!/usr/bin/env bash
# Start a local PostgreSQL with a `wd` superuser and an empty `wd_test` database (Debian, root).
set -u
[ "$(id -u)" -eq 0 ] || { echo "ci-postgres: not root, skipping" >&2; exit 1; }
if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  apt-get update -qq >/dev/null 2>&1
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null || exit 1
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
pg_ctlcluster "$version" main start 2>/dev/null || pg_ctlcluster "$version" main status >/dev/null || exit 1
runuser -u postgres -- psql -q -tc "SELECT 1 FROM pg_roles WHERE rolname='wd'" | grep -q 1 \
  || runuser -u postgres -- psql -q -c "CREATE ROLE wd LOGIN SUPERUSER PASSWORD 'wd'" || exit 1
runuser -u postgres -- psql -q -tc "SELECT 1 FROM pg_database WHERE datname='wd_test'" | grep -q 1 \
  || runuser -u postgres -- createdb -O wd wd_test || exit 1
