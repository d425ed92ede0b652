#!/bin/sh
# Copy the front-end packages' built files into the Python package so the web page works
# offline and `pip install .` never needs npm. Run after changing package.json:
#   cd frontend && npm ci && npm run vendor      (or: sh build.sh)
# The copied files are committed; this script only refreshes them from node_modules.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
modules="$here/node_modules"
vendor="$here/../src/sitreps/web/static/vendor"

if [ ! -d "$modules/leaflet" ]; then
  echo "node_modules missing: run 'npm ci' in $here first" >&2
  exit 1
fi

rm -rf "$vendor"
mkdir -p "$vendor/leaflet/images" "$vendor/topojson-client" "$vendor/world-atlas"

cp "$modules/leaflet/dist/leaflet.js" "$modules/leaflet/dist/leaflet.css" "$vendor/leaflet/"
cp "$modules/leaflet/dist/images/"*.png "$vendor/leaflet/images/"
cp "$modules/leaflet/LICENSE" "$vendor/leaflet/LICENSE"

cp "$modules/topojson-client/dist/topojson-client.min.js" "$vendor/topojson-client/"
cp "$modules/topojson-client/LICENSE" "$vendor/topojson-client/LICENSE"

# Natural Earth country outlines at 1:50m: detailed enough for oblast-scale events, ~750 kB.
cp "$modules/world-atlas/countries-50m.json" "$vendor/world-atlas/"
cp "$modules/world-atlas/LICENSE" "$vendor/world-atlas/LICENSE"

echo "vendored into $vendor:"
find "$vendor" -type f | sed "s|$vendor/||" | sort
