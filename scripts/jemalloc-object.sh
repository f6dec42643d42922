#!/bin/sh
# Prints the path of jemalloc as one relocatable object in the build folder $1, made from Debian's
# static archive (libjemalloc-dev) when it is installed; prints nothing otherwise (glibc's malloc
# is used then). An object, not the archive: the Swift driver links executables with
# `--exclude-libs ALL`, which would keep the archive's malloc and free local to the binary while
# glibc and the shared libraries beside it still allocated from glibc's heap.
set -e
archive=$(ls /usr/lib/*/libjemalloc_pic.a 2>/dev/null | head -1)
[ -n "$archive" ] || exit 0
mkdir -p "$1"
object="$1/jemalloc.o"
if [ ! -f "$object" ] || [ "$archive" -nt "$object" ]; then
    ld -r --whole-archive "$archive" -o "$object.tmp"
    mv "$object.tmp" "$object"
fi
echo "$object"
