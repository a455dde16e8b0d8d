#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL cluster (filled in by the scale/postgres work).
set -euo pipefail
exec "$@"
