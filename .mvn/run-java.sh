#!/usr/bin/env bash
# Builds one module (and what it needs) with the Maven Wrapper, then runs one of its main classes
# with plain java, so that arguments keep their quoting and the exit status is the program's own.
#   .mvn/run-java.sh MODULE MAIN_CLASS [program arguments...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
module="$1"; main="$2"; shift 2
cpfile="$root/$module/target/runtime-classpath.txt"
if ! "$root/mvnw" -q -B -f "$root/pom.xml" -pl "$module" -am compile dependency:build-classpath \
     -Dmdep.outputFile=target/runtime-classpath.txt -Dmdep.includeScope=runtime >"$root/$module/target.build.log" 2>&1; then
  cat "$root/$module/target.build.log" >&2
  echo "The build of $module failed (see above): fix the compile error first." >&2
  rm -f "$root/$module/target.build.log"
  exit 2
fi
rm -f "$root/$module/target.build.log"
java_bin="java"
if [ -n "${JAVA_HOME:-}" ]; then java_bin="$JAVA_HOME/bin/java"; fi
exec "$java_bin" -Xmx2g @"$root/.mvn/spark-jvm.options" \
  -cp "$root/$module/target/classes:$(cat "$cpfile")" "$main" "$@"
