#ifndef CASEBOOK_TLS_DEFERRAL_H
#define CASEBOOK_TLS_DEFERRAL_H

/// libgit2 (with mbed TLS) parses the whole system CA bundle when it is initialised: some 140
/// certificates decoded from PEM, about 3 ms, a fifth of a state change, for a network that a
/// state change never uses. Where the release and test builds link libgit2 and mbed TLS
/// statically, they link with `--wrap` for the three mbed TLS functions below, and that first
/// parse is put off until a TLS session is set up (`mbedtls_ssl_setup`), into the same chain
/// libgit2 already handed to its configuration. Anything later is done at once, as before.
typedef struct {
    /// The initialisation's parse came through the wrapper (the build links it in).
    int wrapped;
    /// The parse is still put off (no TLS session has been set up yet).
    int pending;
    /// Certificates in the chain libgit2 gave it (0 while pending).
    int certificates;
    /// The bundle libgit2 asked for (NULL when none was put off).
    const char *path;
} casebook_tls_deferral_state;

casebook_tls_deferral_state casebook_tls_deferral(void);

/// The certificates mbed TLS reads from `path` at once, as libgit2's initialisation did before
/// (for the tests: what the filled chain must hold); -1 when it cannot be read or the build does
/// not link the wrapper.
int casebook_tls_bundle_certificates(const char *path);

#endif
