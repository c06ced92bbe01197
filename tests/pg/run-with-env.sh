#!/usr/bin/env bash
# run-with-env.sh - run a command with the test cluster's connection facts in its environment
#
#   run-with-env.sh ENV_FILE COMMAND [ARGS...]
#
# ENV_FILE is BUILD_DIR/test-pg/env, written by cluster.sh start (the `pg` ctest
# fixture). PGHOST/PGPORT/PGUSER/PGDATABASE then reach libpq, psql and mesdb alike.
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: run-with-env.sh ENV_FILE COMMAND [ARGS...]" >&2; exit 2; }
envfile=$1
shift
if [ ! -f "$envfile" ]; then
	echo "run-with-env.sh: the test cluster is not running (no $envfile);" \
		"run the test through ctest, whose pg_cluster_start fixture starts it" >&2
	exit 1
fi
set -a
# shellcheck disable=SC1090
. "$envfile"
set +a
exec "$@"
