// swift-tools-version:6.0
import PackageDescription

// jemalloc instead of glibc's malloc where the Makefile's builds found Debian's static archive
// (CASEBOOK_JEMALLOC names it as one object: scripts/jemalloc-object.sh): a fifth less CPU for
// the dashboard at 100,000 cases. The executable exports its functions, so glibc and the shared
// libraries loaded beside it allocate and free in the same heap.
let jemalloc = Context.environment["CASEBOOK_JEMALLOC"].flatMap { $0.isEmpty ? nil : ["-Xlinker", $0] } ?? []

let package = Package(
    name: "casebook",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "casebook", targets: ["casebook"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/pointfreeco/swift-tagged", from: "0.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        // Tests only: property-based tests of the parser, the validator and the merge driver.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // C: libgit2 from the system (Debian: libgit2-dev).
        .systemLibrary(
            name: "Clibgit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]
        ),
        // C: libgit2's parse of the system CA bundle put off until a TLS session is set up, where
        // libgit2 and mbed TLS are linked statically (the Makefile's builds; see the header).
        .target(
            name: "CTLSDeferral",
            linkerSettings: [.unsafeFlags(["mbedtls_x509_crt_parse_file", "mbedtls_x509_crt_free", "mbedtls_ssl_setup"]
                .flatMap { ["-Xlinker", "--wrap=\($0)"] })]
        ),
        // Value types of the domain: no I/O, no C.
        .target(
            name: "CaseModel",
            dependencies: [.product(name: "Tagged", package: "swift-tagged"), .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Pure rules: deadlines, transitions, permissions.
        .target(name: "Procedures", dependencies: ["CaseModel", .product(name: "Crypto", package: "swift-crypto")]),
        // The only module that touches libgit2.
        .target(name: "GitStore", dependencies: ["Clibgit2", "CTLSDeferral", .product(name: "Crypto", package: "swift-crypto")]),
        // Pages and feeds from case values.
        .target(
            name: "SiteBuilder",
            dependencies: [
                "CaseModel", "Procedures",
                .product(name: "Tagged", package: "swift-tagged"),
            ]
        ),
        // The engine both front ends use (the centre's commands and the company tier): a case
        // repository opened as a Workspace, each step validated as the hooks would and committed,
        // the hooks' review of a commit, the summary cache, the residents' key store.
        .target(
            name: "CasebookEngine",
            dependencies: [
                "CaseModel", "Procedures", "GitStore", "SiteBuilder",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The command-line tool: a thin shell of commands over the engine.
        .executableTarget(
            name: "casebook",
            dependencies: [
                "CasebookEngine", "CaseModel", "Procedures", "GitStore", "SiteBuilder",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HeapModule", package: "swift-collections"),
            ],
            resources: [.copy("Defaults")],
            // Linked by lld with its relative relocations packed (DT_RELR, glibc 2.36): the
            // 111,761 pointers a position-independent binary of this size fixes at every start
            // are read from 24 KB instead of 2.7 MB (1.3 ms of each state change, measured).
            linkerSettings: [.unsafeFlags(["-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"] + jemalloc)]
        ),
        .testTarget(name: "CaseModelTests", dependencies: ["CaseModel"]),
        .testTarget(
            name: "ProceduresTests",
            dependencies: ["Procedures", "CaseModel", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "GitStoreTests", dependencies: ["GitStore", "CTLSDeferral"]),
        .testTarget(name: "casebookTests", dependencies: ["CaseModel", "Procedures", "GitStore"]),
        .testTarget(name: "SiteBuilderTests", dependencies: ["SiteBuilder", "CaseModel", "Procedures"]),
    ],
    swiftLanguageModes: [.v6]
)
