#!/usr/bin/env bash
# Runs scripts/groovy-syntax-check.groovy with real Groovy 2.4 (apt-get install -y groovy).
set -euo pipefail
export JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
exec groovy "$(dirname "$0")/groovy-syntax-check.groovy" "$@"
