#!/bin/sh
# Installs casebook from a build folder: `make install` and `make deb` call it.
#   scripts/install.sh BUILD_DIR DESTDIR PREFIX MAN_PAGE
# BUILD_DIR holds the casebook binary and its resource bundle (casebook_casebook.resources, the
# defaults `casebook init` writes), which must sit beside the binary: both go to PREFIX/lib/casebook,
# and PREFIX/bin/casebook is a link to it. Also the man page, completions for bash, zsh and fish,
# the host's units and configuration examples (PREFIX/share/casebook/host) and docs/host.md.
set -eu
build=$1 destdir=$2 prefix=$3 man=$4
here=$(cd "$(dirname "$0")/.." && pwd)
root="$destdir$prefix"
bin="$build/casebook"
[ -x "$bin" ] || { echo "install: no casebook binary in $build (make release)" >&2; exit 1; }
[ -d "$build/casebook_casebook.resources" ] || { echo "install: no casebook_casebook.resources in $build" >&2; exit 1; }
[ -f "$man" ] || { echo "install: no man page at $man (make man)" >&2; exit 1; }

install -d "$root/bin" "$root/lib/casebook" "$root/share/man/man1" \
  "$root/share/bash-completion/completions" "$root/share/zsh/vendor-completions" "$root/share/fish/vendor_completions.d" \
  "$root/share/casebook/host/systemd" "$root/share/casebook/host/nginx" "$root/share/doc/casebook"
install -m 755 "$bin" "$root/lib/casebook/casebook"
rm -rf "$root/lib/casebook/casebook_casebook.resources"
cp -R "$build/casebook_casebook.resources" "$root/lib/casebook/"
chmod -R u=rwX,go=rX "$root/lib/casebook/casebook_casebook.resources"
ln -sf ../lib/casebook/casebook "$root/bin/casebook"
gzip -9n <"$man" >"$root/share/man/man1/casebook.1.gz"
chmod 644 "$root/share/man/man1/casebook.1.gz"
# (bash-completion sources the file: no #! line)
"$bin" --generate-completion-script bash | sed '1{/^#!/d}' >"$root/share/bash-completion/completions/casebook"
"$bin" --generate-completion-script zsh >"$root/share/zsh/vendor-completions/_casebook"
"$bin" --generate-completion-script fish >"$root/share/fish/vendor_completions.d/casebook.fish"
# The host's schedule and web server, with the installed binary's path.
for f in systemd/casebook-sweep.service systemd/casebook-sweep.timer cron nginx/casebook.conf; do
  sed "s|@BINDIR@|$prefix/bin|g" "$here/host/$f" >"$root/share/casebook/host/$f"
done
install -m 644 "$here/host/casebook.default" "$root/share/casebook/host/casebook.default"
install -m 644 "$here/docs/host.md" "$root/share/doc/casebook/host.md"
chmod 644 "$root"/share/bash-completion/completions/casebook "$root"/share/zsh/vendor-completions/_casebook \
  "$root"/share/fish/vendor_completions.d/casebook.fish "$root"/share/casebook/host/*/* "$root"/share/casebook/host/cron
echo "casebook installed in $root"
