#!/usr/bin/env bash
# Regenerates fixtures/groovy/**/*.out and *.exception with real Groovy 2.4 (apt-get install -y groovy),
# all cases in one JVM. See fixtures/groovy/README.md.
# Usage: scripts/regen-groovy-outputs.sh [FILE_OR_DIR...]   (default: every *.groovy under fixtures/groovy/)
set -euo pipefail
# Outputs contain JDK messages: prefer Java 17 (the JDK the fixtures were generated with).
if [ -z "${JAVA_HOME:-}" ] && [ -d /usr/lib/jvm/java-17-openjdk-amd64 ]; then
    export JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64
fi
export JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
here="$(cd "$(dirname "$0")" && pwd)"
if [ "$#" -eq 0 ]; then
    cd "$here/.."
    set -- fixtures/groovy
fi
exec groovy "$here/groovy-outputs.groovy" "$@"
