#ifndef CASEBOOK_CLIBGIT2_SHIM_H
#define CASEBOOK_CLIBGIT2_SHIM_H
#include <git2.h>
#include <git2/sys/mempack.h>
#include <git2/sys/odb_backend.h>

/// `git_libgit2_opts` is variadic, which Swift cannot call; these wrappers can.
static inline int casebook_git_set_strict_hash_verification(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, enabled);
}
static inline int casebook_git_set_cache_max_size(long long bytes) {
    return git_libgit2_opts(GIT_OPT_SET_CACHE_MAX_SIZE, (ssize_t)bytes);
}
static inline int casebook_git_set_cache_object_limit(git_object_t type, long long bytes) {
    return git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, type, (size_t)bytes);
}
static inline int casebook_git_enable_caching(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_CACHING, enabled);
}
static inline int casebook_git_set_mwindow_size(long long bytes) {
    return git_libgit2_opts(GIT_OPT_SET_MWINDOW_SIZE, (size_t)bytes);
}
static inline int casebook_git_set_mwindow_mapped_limit(long long bytes) {
    return git_libgit2_opts(GIT_OPT_SET_MWINDOW_MAPPED_LIMIT, (size_t)bytes);
}

/// glibc's `memmem` (a GNU extension the Glibc module does not declare): two-way search.
void *memmem(const void *haystack, size_t haystacklen, const void *needle, size_t needlelen);
static inline const void *casebook_memmem(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length) {
    return memmem(haystack, haystack_length, needle, needle_length);
}

/// glibc's `copy_file_range` (also a GNU extension): bytes copied from one file to another in the
/// kernel, from and to each file's current offset.
#include <sys/types.h>
ssize_t copy_file_range(int infd, __off64_t *pinoff, int outfd, __off64_t *poutoff, size_t length, unsigned int flags);
static inline long casebook_copy_file_range(int infd, int outfd, size_t length) {
    return (long)copy_file_range(infd, 0, outfd, 0, length, 0);
}
#endif
