#!/bin/sh
# make demo's company (issue 18): head office over two centres — the demo centre and a small
# second one — fetched and verified, its spot checks of October drawn, and its dashboard.
# Usage: scripts/demo-company.sh BIN DEMO COMPANY OUT
set -eu
BIN=$1 DEMO=$2 COMPANY=$3 OUT=$4
NOW=2026-11-20T17:00:00+08:00
CENTRE2=$COMPANY-centres/ch02
rm -rf "$COMPANY" "$COMPANY-centres"
"$BIN" simulate --out "$CENTRE2" --months 2 --seed 12 --cases-per-day 3 --start 2026-10 --until "$NOW" >/dev/null
export CASEBOOK_NOW="$NOW"
"$BIN" company init "$COMPANY" --name 示范物业公司
keys=$COMPANY/.git/casebook/keys
for who in wang.gm zhao.gs; do ssh-keygen -q -t ed25519 -N '' -C "$who" -f "$keys/$who"; done
co() { "$BIN" company "$@" --company "$COMPANY"; }
co staff add wang.gm --name 王总 --email wang.gm@company.example --role general-manager --key "$keys/wang.gm.pub"
CASEBOOK_SIGNING_KEY=$keys/wang.gm co staff add zhao.gs --name 赵敏 --email zhao.gs@company.example --role company-management \
    --key "$keys/zhao.gs.pub" --as wang.gm
CASEBOOK_SIGNING_KEY=$keys/wang.gm co add CH01 --name 翠湖花园服务中心 --url "$(realpath "$DEMO")" --site ../public/ --as wang.gm
CASEBOOK_SIGNING_KEY=$keys/wang.gm co add CH02 --name 枫林苑服务中心 --url "$(realpath "$CENTRE2")" --as wang.gm
co fetch
CASEBOOK_SIGNING_KEY=$keys/zhao.gs co sample --month 2026-10 --as zhao.gs
co site --out "$OUT" --month 2026-11
echo "company dashboard: $OUT/index.html"
