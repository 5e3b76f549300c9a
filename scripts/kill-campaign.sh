#!/usr/bin/env bash
# The long kill campaign of issue 13 §1 (ADR 0011): a child JVM does a hall's business of every kind
# that commits and is killed with SIGKILL at a random moment, KILLS times; after each kill the file is
# opened as the program opens it (acknowledgement mark checked) and every acknowledged operation is
# checked (io.counterdesk.durability.KillCampaign). Prints progress every 25 kills and a RESULT line;
# exit code 0 only when nothing acknowledged was lost.
#
# usage: scripts/kill-campaign.sh [KILLS=1000] [DIR=/tmp/counterdesk-kill-campaign] [SEED]
# MVN may name the Maven command (e.g. MVN=/work/bin/mvn-slot on a shared build machine).
set -euo pipefail
cd "$(dirname "$0")/.."
KILLS=${1:-1000}
DIR=${2:-/tmp/counterdesk-kill-campaign}
SEED=${3:-$RANDOM$RANDOM}
${MVN:-mvn} -q -o -B test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/kill-campaign.classpath
rm -rf "$DIR"; mkdir -p "$DIR"
exec nice -n 10 java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/kill-campaign.classpath)" \
    io.counterdesk.durability.KillCampaign "$DIR" "$KILLS" "$SEED"
