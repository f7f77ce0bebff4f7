#!/usr/bin/env bash
# Adds a migration for every provider of one DbContext family, or checks that none is pending.
#   build/migrations.sh add <Module> <MigrationName>   e.g. build/migrations.sh add Seasons AddCohortNotes
#   build/migrations.sh models                         regenerates the SQLite compiled models (after any model change)
#   build/migrations.sh check                          every context, every provider
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null

# One DbContext type per provider (ADR 0002), each with its own migrations in Migrations/<provider>.
PROVIDERS="Sqlite SqlServer PostgreSql"

# module name -> project, context prefix
declare -A PROJECT=(
  [Identity]=src/Host/Incubator.Host
  [Mail]=src/Host/Incubator.Host
  [Audit]=src/Host/Incubator.Host
  [Seasons]=src/Modules/Seasons/Incubator.Seasons
  [Applications]=src/Modules/Applications/Incubator.Applications
  [Coaching]=src/Modules/Coaching/Incubator.Coaching
  [Trainings]=src/Modules/Trainings/Incubator.Trainings
  [Funding]=src/Modules/Funding/Incubator.Funding
  [Meetings]=src/Modules/Meetings/Incubator.Meetings
  [Impact]=src/Modules/Impact/Incubator.Impact
)
declare -A PREFIX=(
  [Identity]=Identity
  [Mail]=Mail
  [Audit]=Audit
  [Seasons]=Seasons
  [Applications]=Applications
  [Coaching]=Coaching
  [Trainings]=Trainings
  [Funding]=Funding
  [Meetings]=Meetings
  [Impact]=Impact
)
declare -A OUTDIR=(
  [Identity]=Identity/Migrations
  [Mail]=Mail/Migrations
  [Audit]=Audit/Migrations
  [Seasons]=Persistence/Migrations
  [Applications]=Persistence/Migrations
  [Coaching]=Persistence/Migrations
  [Trainings]=Persistence/Migrations
  [Funding]=Persistence/Migrations
  [Meetings]=Persistence/Migrations
  [Impact]=Persistence/Migrations
)
suffix() { if [ "$1" = Identity ] || [ "$1" = Mail ] || [ "$1" = Audit ]; then echo "${2}Db"; else echo "${2}DbContext"; fi; }

# The SQLite contexts start from compiled models (generated C#); CompiledModelTests fails while one is stale.
# A stale one may not even compile, so it is removed before the build that regenerates it.
compiled_dir() { echo "$(dirname "${OUTDIR[$1]}")/CompiledModels/Sqlite"; }
compiled_model() {
  local module=$1 dir namespace
  dir="$(compiled_dir "$module")"
  namespace="$(basename "${PROJECT[$module]}").$(echo "$dir" | tr / .)"
  dotnet ef dbcontext optimize "${@:2}" --project "${PROJECT[$module]}" --startup-project "${PROJECT[$module]}" \
    --context "${PREFIX[$module]}$(suffix "$module" Sqlite)" --output-dir "$dir" --namespace "$namespace"
}

case "${1:-}" in
  add)
    module=$2; name=$3
    rm -rf "${PROJECT[$module]:?}/$(compiled_dir "$module")"
    for provider in $PROVIDERS; do
      dotnet ef migrations add "$name" --project "${PROJECT[$module]}" --startup-project "${PROJECT[$module]}" \
        --context "${PREFIX[$module]}$(suffix "$module" "$provider")" --output-dir "${OUTDIR[$module]}/$provider"
    done
    compiled_model "$module"
    ;;
  models)
    for module in "${!PROJECT[@]}"; do rm -rf "${PROJECT[$module]:?}/$(compiled_dir "$module")"; done
    dotnet build Incubator.sln -v q -nologo >/dev/null
    for module in "${!PROJECT[@]}"; do compiled_model "$module" --no-build; done
    ;;
  check)
    dotnet build Incubator.sln -v q -nologo >/dev/null
    for module in "${!PROJECT[@]}"; do
      for provider in $PROVIDERS; do
        dotnet ef migrations has-pending-model-changes --no-build --project "${PROJECT[$module]}" \
          --startup-project "${PROJECT[$module]}" --context "${PREFIX[$module]}$(suffix "$module" "$provider")"
      done
    done
    ;;
  *)
    echo "usage: $0 add <Module> <Name> | models | check" >&2; exit 2 ;;
esac
