#!/usr/bin/env bash
# What users meet: starts target/hotline.jar as a fresh install (a temporary data directory, so the model that
# ships with the project is version 1, and no demo orders) on a spare port, registers the held-out real
# messages (the hand-labelled ones of src/test/resources/dispatch/unit-labels.csv and the fifth of the replies
# that no model was trained on) as orders through the REST API, and counts where each went against their unit
# labels: unit_accuracy, unit_auto_share, unit_auto_accuracy. Build the jar first: mvn -DskipTests package
#
#   bash scripts/unit-dispatch-e2e.sh [../shared/data]
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-../shared/data}
PORT=${PORT:-18087}
TMP=$(mktemp -d)
java -jar target/hotline.jar --server.port="$PORT" --hotline.demo.enabled=false \
  --spring.datasource.url="jdbc:h2:file:$TMP/hotline;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE;WRITE_DELAY=0" \
  > "$TMP/server.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null; rm -rf "$TMP"' EXIT
for _ in $(seq 1 180); do
  if curl -fs "http://localhost:$PORT/actuator/health/readiness" | grep -q '"UP"'; then break; fi
  if ! kill -0 "$SERVER" 2>/dev/null; then cat "$TMP/server.log"; exit 1; fi
  sleep 1
done
curl -fs "http://localhost:$PORT/actuator/health/readiness" | grep -q '"UP"' || { tail -50 "$TMP/server.log"; exit 1; }
java -jar target/hotline.jar dispatch-e2e --url "http://localhost:$PORT" "$DATA"
