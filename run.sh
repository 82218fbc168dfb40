#!/usr/bin/env bash
# Builds GridLedger without running its tests and starts it on port 8080. With no database configured it starts an
# embedded PostgreSQL whose data lives in ./data (GRIDLEDGER_DATA_DIR) and survives restarts.
# Arguments are passed to the service, e.g. ./run.sh --demo  or  ./run.sh --server.port=9090
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -B -q -DskipTests -pl app -am package
exec java -jar app/target/gridledger-app-0.1.0-SNAPSHOT-exec.jar "$@"
