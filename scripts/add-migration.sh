#!/usr/bin/env bash
# Generates a migration with the same name for both providers: scripts/add-migration.sh NAME
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: scripts/add-migration.sh NAME}"
dotnet tool restore >/dev/null
dotnet build src/CareReady.Migrations.Sqlite -v quiet -nologo >/dev/null
dotnet build src/CareReady.Migrations.Postgres -v quiet -nologo >/dev/null
for provider in Sqlite Postgres; do
  project="src/CareReady.Migrations.$provider"
  dotnet ef migrations add "$name" --project "$project" --startup-project "$project" --output-dir Migrations
done
