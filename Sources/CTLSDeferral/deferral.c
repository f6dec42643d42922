#include "CTLSDeferral.h"

#include <mbedtls/ssl.h>
#include <mbedtls/x509_crt.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

// With `--wrap=NAME` the linker sends every call libgit2 makes to NAME to `__wrap_NAME`, and
// `__real_NAME` to the library's own. Weak, so a build linked without the flags (libgit2 as a
// shared library) still links; these wrappers are then never called.
extern int __real_mbedtls_x509_crt_parse_file(mbedtls_x509_crt *chain, const char *path) __attribute__((weak));
extern void __real_mbedtls_x509_crt_free(mbedtls_x509_crt *crt) __attribute__((weak));
extern int __real_mbedtls_ssl_setup(mbedtls_ssl_context *ssl, const mbedtls_ssl_config *conf) __attribute__((weak));

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int seen;                    // the first parse came through here
static mbedtls_x509_crt *pending;   // libgit2's chain, still to be filled
static char *pending_path;
static mbedtls_x509_crt *filled;    // the chain once filled (for casebook_tls_deferral)

static int count(const mbedtls_x509_crt *chain) {
    int n = 0;
    for (; chain != NULL && chain->raw.p != NULL; chain = chain->next) n++;
    return n;
}

// Fills the pending chain; called with the lock held. A bundle that cannot be read leaves the
// chain empty, as libgit2 leaves it without one: no server is trusted, as before.
static void fill_locked(void) {
    if (pending == NULL) return;
    if (__real_mbedtls_x509_crt_parse_file(pending, pending_path) < 0) {
        __real_mbedtls_x509_crt_free(pending);
        memset(pending, 0, sizeof *pending);  // mbedtls_x509_crt_init, without linking it here
    }
    filled = pending;
    pending = NULL;
}

int __wrap_mbedtls_x509_crt_parse_file(mbedtls_x509_crt *chain, const char *path) {
    pthread_mutex_lock(&lock);
    if (!seen) {
        // The first call is libgit2's initialisation loading the default bundle.
        seen = 1;
        char *copy = strdup(path);
        if (copy != NULL) {
            pending = chain;
            pending_path = copy;
            pthread_mutex_unlock(&lock);
            return 0;
        }
    }
    pthread_mutex_unlock(&lock);
    return __real_mbedtls_x509_crt_parse_file(chain, path);
}

void __wrap_mbedtls_x509_crt_free(mbedtls_x509_crt *crt) {
    pthread_mutex_lock(&lock);
    // libgit2 frees the chain when it replaces it or shuts down: nothing is left to fill.
    if (crt != NULL && crt == pending) pending = NULL;
    if (crt != NULL && crt == filled) filled = NULL;
    pthread_mutex_unlock(&lock);
    __real_mbedtls_x509_crt_free(crt);
}

int __wrap_mbedtls_ssl_setup(mbedtls_ssl_context *ssl, const mbedtls_ssl_config *conf) {
    pthread_mutex_lock(&lock);
    fill_locked();
    pthread_mutex_unlock(&lock);
    return __real_mbedtls_ssl_setup(ssl, conf);
}

casebook_tls_deferral_state casebook_tls_deferral(void) {
    pthread_mutex_lock(&lock);
    casebook_tls_deferral_state state = {seen, pending != NULL, count(filled), pending_path};
    pthread_mutex_unlock(&lock);
    return state;
}

int casebook_tls_bundle_certificates(const char *path) {
    pthread_mutex_lock(&lock);
    int wrapped = seen;
    pthread_mutex_unlock(&lock);
    if (!wrapped || path == NULL) return -1;
    mbedtls_x509_crt chain;
    memset(&chain, 0, sizeof chain);
    int n = __real_mbedtls_x509_crt_parse_file(&chain, path) < 0 ? -1 : count(&chain);
    __real_mbedtls_x509_crt_free(&chain);
    return n;
}
