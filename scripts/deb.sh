#!/bin/sh
# Builds the Debian package of casebook with dpkg-deb: `make deb` calls it.
#   scripts/deb.sh BUILD_DIR MAN_PAGE OUT_DIR
# The files are those of `make install PREFIX=/usr`; Depends are the packages that hold the
# binary's shared libraries (libc6, libgssapi-krb5-2, and libgit2-1.5 where libgit2 is not linked
# in), plus git and openssh-client, which casebook runs; gitolite3, nginx and apache2-utils are
# recommended for a central host.
set -eu
build=$1 man=$2 out=$3
here=$(cd "$(dirname "$0")/.." && pwd)
version=$("$build/casebook" --version | tr -d '[:space:]')
arch=$(dpkg --print-architecture)
stage="$out/casebook_${version}_$arch"
rm -rf "$stage"
mkdir -p "$stage/DEBIAN"
"$here/scripts/install.sh" "$build" "$stage" /usr "$man" >/dev/null
strip --strip-unneeded --remove-section=.comment --remove-section=.note "$stage/usr/lib/casebook/casebook"

# Depends: the package of every library the binary names (NEEDED, found where ldd finds it); a
# library no package holds (a development toolchain's) is named and left out.
deps=""
for name in $(objdump -p "$build/casebook" | awk '$1 == "NEEDED" { print $2 }'); do
  # "libx.so => /path (…)", or the loader itself as "/path/ld-linux….so.2 (…)"
  lib=$(ldd "$build/casebook" | awk -v n="$name" '$1 == n && $3 ~ /^\// { print $3 } $1 ~ "/" n "$" { print $1 }' | head -n 1)
  pkg=""
  if [ -n "$lib" ]; then
    for path in "$lib" "$(readlink -f "$lib")" "/usr$lib"; do
      [ -n "$pkg" ] || pkg=$(dpkg -S "$path" 2>/dev/null | head -n 1 | cut -d: -f1 | cut -d, -f1)
    done
  fi
  if [ -z "$pkg" ]; then echo "deb: $name ($lib) belongs to no package; not a dependency" >&2; continue; fi
  deps="$deps $pkg"
done
depends=$(printf '%s\n' $deps git openssh-client | sort -u | paste -sd, - | sed 's/,/, /g')

mkdir -p "$stage/usr/share/doc/casebook"
cat >"$stage/usr/share/doc/casebook/copyright" <<COPY
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: casebook
Source: casebook project repository

Files: *
Copyright: 2026 casebook developers
License: see the project repository
COPY
printf 'casebook (%s) unstable; urgency=medium\n\n  * Package built by make deb.\n\n -- casebook developers <casebook@example.org>  %s\n' \
  "$version" "$(date -R -d @"${SOURCE_DATE_EPOCH:-$(git -C "$here" log -1 --format=%ct 2>/dev/null || date +%s)}")" \
  | gzip -9n >"$stage/usr/share/doc/casebook/changelog.gz"
chmod 644 "$stage/usr/share/doc/casebook/copyright" "$stage/usr/share/doc/casebook/changelog.gz"
size=$(du -sk "$stage/usr" | cut -f1)
cat >"$stage/DEBIAN/control" <<CONTROL
Package: casebook
Version: $version
Architecture: $arch
Maintainer: casebook developers <casebook@example.org>
Installed-Size: $size
Depends: $depends
Recommends: gitolite3, nginx, apache2-utils, curl
Section: utils
Priority: optional
Homepage: https://example.org/casebook
Description: service centre customer requests as signed commits in git
 casebook runs a property-management service centre's customer-request
 procedures (complaints, repairs, help, inquiries) on a git repository: each
 case is a JSON file, each step one commit signed by the member of staff who
 took it; hooks refuse steps that break the procedures, and a static dashboard
 shows what is open, due and overdue. Includes the central host's commands
 (gitolite3 users from the staff list, published dashboard) and their units.
CONTROL
(cd "$stage" && find usr -type f -exec md5sum {} + | sort -k2) >"$stage/DEBIAN/md5sums"
chmod 644 "$stage/DEBIAN/control" "$stage/DEBIAN/md5sums"
dpkg-deb --root-owner-group -Z"${DEB_COMPRESS:-xz}" --build "$stage" "$out/casebook_${version}_$arch.deb" >/dev/null
rm -rf "$stage"
echo "$out/casebook_${version}_$arch.deb"
