#!/bin/sh
# Checks a casebook .deb: its control fields and contents (dpkg-deb --info/--contents), then installs
# it into a scratch dpkg root, runs the installed binary, and removes it, leaving no file behind;
# lintian when it is installed (LINTIAN=strict fails on its errors, LINTIAN=off skips it). `make deb` then this script.
#   scripts/check-deb.sh PACKAGE.deb
set -eu
deb=$1
fail() { echo "check-deb: $*" >&2; exit 1; }
info=$(dpkg-deb --info "$deb")
for field in "Package: casebook" "Depends:.*git" "Depends:.*openssh-client"; do
  printf '%s\n' "$info" | grep -q "$field" || fail "control lacks $field"
done
contents=$(dpkg-deb --contents "$deb")
for path in ./usr/bin/casebook ./usr/lib/casebook/casebook ./usr/lib/casebook/casebook_casebook.resources/Defaults/hooks/pre-receive \
            ./usr/share/man/man1/casebook.1.gz ./usr/share/bash-completion/completions/casebook ./usr/share/zsh/vendor-completions/_casebook \
            ./usr/share/fish/vendor_completions.d/casebook.fish ./usr/share/casebook/host/systemd/casebook-sweep.timer \
            ./usr/share/casebook/host/nginx/casebook.conf ./usr/share/doc/casebook/copyright; do
  printf '%s\n' "$contents" | grep -q " $path\( ->.*\)\?$" || fail "package lacks $path"
done
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates"
touch "$root/var/lib/dpkg/status" "$root/var/lib/dpkg/available"
dpkg="dpkg --root=$root --log=/dev/null --force-not-root --force-depends --force-script-chrootless"
$dpkg -i "$deb" >/dev/null 2>&1 || fail "dpkg -i failed"
$dpkg -s casebook | grep -q '^Status: install ok installed' || fail "not installed"
"$root/usr/bin/casebook" --version >/dev/null || fail "the installed casebook does not run"
# libgit2's package where the binary loads libgit2 as a shared library (the release build links it in).
if objdump -p "$root/usr/lib/casebook/casebook" | grep -q 'NEEDED *libgit2'; then
  printf '%s\n' "$info" | grep -q "Depends:.*libgit2-1.5" || fail "control lacks Depends: libgit2-1.5"
fi
$dpkg -r casebook >/dev/null || fail "dpkg -r failed"
left=$(find "$root" -path "$root/var" -prune -o -type f -print -o -type l -print)
[ -z "$left" ] || fail "files left after removal: $left"
if [ "${LINTIAN:-}" != off ] && command -v lintian >/dev/null 2>&1; then
  report=$(lintian --tag-display-limit 0 "$deb" 2>&1 || true)
  [ -z "$report" ] || printf 'lintian:\n%s\n' "$report"
  if [ "${LINTIAN:-}" = strict ] && printf '%s\n' "$report" | grep -q '^E:'; then fail "lintian errors"; fi
fi
echo "check-deb: $deb installs, runs and removes cleanly"
