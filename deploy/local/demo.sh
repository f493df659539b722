#!/usr/bin/env bash
# Tells the MSP pipeline story against the platform that deploy/local/up.sh started: the GB officer's
# proposal for a project in Zambia is reviewed (a Zambian reviewer is refused, a Japanese one clears
# it with conditions), endorsed by the US and the EU, and prioritised by the secretariat; a second
# project fails a critical ESG item and is rejected. Every step goes through the public HTTP APIs
# with real Keycloak tokens and is printed as a person would read it. Needs only a JDK 17+.
# Other ports: MSP_KEYCLOAK_PORT, MSP_PROJECT_URL, MSP_PARTNER_URL, MSP_ESG_REVIEW_URL, MSP_NOTIFICATION_URL.
set -euo pipefail
DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
exec java -Xshare:auto -XX:TieredStopAtLevel=1 "$DIR/Demo.java" "$@"
