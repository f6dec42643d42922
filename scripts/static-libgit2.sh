#!/bin/sh
# Makes DIR a pkg-config folder whose libgit2.pc links libgit2 and the libraries under it from
# Debian's static archives, for the release build (`make release`, `make bench`, `make deb`):
#   scripts/static-libgit2.sh DIR
# DIR gets links to the archives (libgit2.a, mbed TLS, http-parser, libssh2 and OpenSSL's libcrypto
# under it, PCRE2, zlib) and a libgit2.pc naming DIR first, so `-lgit2` finds the archive there
# before the shared library in the system's folder. Each process then maps and relocates nine fewer
# shared libraries. GSSAPI (libgit2's Negotiate authentication) has no archive and stays shared.
# Where an archive is missing (the -dev packages that hold them), DIR is left empty and the
# build links libgit2 as a shared library, as `swift build` always does.
set -eu
dir=$1
lib=$(pkg-config --variable=libdir libgit2 2>/dev/null || echo /usr/lib/x86_64-linux-gnu)
rm -rf "$dir"
mkdir -p "$dir"
for name in git2 mbedtls mbedx509 mbedcrypto http_parser ssh2 crypto pcre2-8 z; do
  if [ ! -f "$lib/lib$name.a" ]; then
    echo "static-libgit2: no $lib/lib$name.a; libgit2 is linked as a shared library" >&2
    rm -rf "$dir"
    mkdir -p "$dir"
    exit 0
  fi
  ln -s "$lib/lib$name.a" "$dir/lib$name.a"
done
gssapi=$(ls "$lib"/libgssapi_krb5.so.* 2>/dev/null | head -n 1)
[ -n "$gssapi" ] || { echo "static-libgit2: no libgssapi_krb5; libgit2 is linked as a shared library" >&2; rm -rf "$dir"; mkdir -p "$dir"; exit 0; }
cat >"$dir/libgit2.pc" <<PC
Name: libgit2
Description: libgit2 and the libraries under it, from their static archives (scripts/static-libgit2.sh)
Version: $(pkg-config --modversion libgit2)
Libs: -L$(cd "$dir" && pwd) -lgit2 -lmbedtls -lmbedx509 -lmbedcrypto -lhttp_parser -lssh2 -lcrypto -lpcre2-8 -lz -l:$(basename "$gssapi")
Cflags: $(pkg-config --cflags libgit2)
PC
