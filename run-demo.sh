#!/usr/bin/env bash
# Builds the provider and starts Keycloak with it and the demo realm on http://localhost:8080.
# Admin console: admin / admin. Demo user: demo / demo. Data (H2 dev-file) stay in demo/server.
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -ntp -pl demo -am package -DskipTests
export KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
export KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}"
# declarative-ui (experimental in Keycloak 26) shows the provider's tab under Realm settings.
# WRITE_DELAY=0: H2 writes each commit before answering, so a kill -9 loses nothing acknowledged.
exec bash demo/server/keycloak/bin/kc.sh start-dev --import-realm --features=declarative-ui \
  --db-url-properties=';WRITE_DELAY=0' "$@"
