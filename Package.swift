// swift-tools-version: 6.2
import PackageDescription

/// Lectern: a thin executable over libraries with clear names.
/// Pure logic lives in LecternCore; the terminal, the database and the command line are
/// separate targets so that each can be tested on its own.
let package = Package(
    name: "Lectern",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "lectern", targets: ["lectern"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        // HTTP field names for the pages' security headers (already under Hummingbird).
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // The only C in the project: libedit's variadic calls and the SIGINT handler.
        .target(
            name: "CEditLine",
            linkerSettings: [.linkedLibrary("edit")]
        ),
        .target(name: "LineEditing", dependencies: ["CEditLine"]),
        // QR codes for joining a live class, by Debian's libqrencode (no Swift package encodes them).
        .systemLibrary(name: "CQREncode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        .target(name: "LecternQR", dependencies: ["CQREncode"]),
        // libyaml's parser, from Debian's libyaml-dev: the deck loader reads its events.
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .target(name: "LecternCore", dependencies: ["CYAML"]),
        .target(
            name: "LecternStore",
            dependencies: ["LecternCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The same store on a PostgreSQL server (PostgresNIO), for a school with many machines.
        .target(
            name: "LecternPostgres",
            dependencies: [
                "LecternCore", "LecternStore", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"), .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Anki packages: an SQLite collection in a zip. Apart from LecternCore, which stays free of
        // database and archive code; what the notes say is LecternCore's (AnkiNotes).
        .target(
            name: "LecternAnki",
            dependencies: [
                "LecternCore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // The live class as a pure state machine: no sockets, no terminal, no database.
        .target(name: "LecternClass", dependencies: ["LecternCore"]),
        // The live class on the network: Hummingbird's WebSocket server around LecternClass,
        // answers written through LecternStore, and a protocol client for shells and tests.
        .target(
            name: "LecternLive",
            dependencies: [
                "LecternClass", "LecternCore", "LecternStore", "LecternQR",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        // The shell: its commands (argument-parser commands, parsed the same way from a shell
        // line and from the command line), its sessions, its printer and its composition root.
        .target(
            name: "LecternShell",
            dependencies: [
                "LecternCore", "LecternStore", "LecternPostgres", "LineEditing",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The terminals of a live class: the teacher's host shell and the student's shell.
        .target(
            name: "LecternLiveShell",
            dependencies: ["LecternLive", "LecternClass", "LecternCore", "LecternQR", "LineEditing"]),
        // The command line: parses and hands over to the shell, or runs a command that only
        // makes sense outside it (new, import, preview, deck-stats, fsrs, db).
        .target(
            name: "LecternCLI",
            dependencies: [
                "LecternCore", "LecternStore", "LecternPostgres", "LecternShell", "LecternAnki", "LecternClass",
                "LecternLive",
                "LecternLiveShell",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "lectern", dependencies: ["LecternCLI"]),
        // A throw-away PostgreSQL server (initdb and pg_ctl in a temporary folder) for the tests
        // and the benchmarks; never part of `lectern`.
        .target(name: "LecternPostgresServer"),
        // `make bench`: figures and ratios, never timed unit tests.
        .executableTarget(
            name: "lectern-bench",
            dependencies: [
                "LecternCore", "LecternStore", "LecternPostgres", "LecternPostgresServer", "LecternClass",
                "LecternLive",
            ]),
        // `make fuzz`: libFuzzer entry points over the loader and the graders. The plain build
        // makes them replay files, so the corpus replay test and crash triage need no sanitizer.
        .target(name: "LecternFuzzing", dependencies: ["LecternCore"]),
        .target(name: "CFuzzDriver"),
        .executableTarget(name: "lectern-fuzz-deck", dependencies: ["LecternFuzzing", "CFuzzDriver"]),
        .executableTarget(name: "lectern-fuzz-answer", dependencies: ["LecternFuzzing", "CFuzzDriver"]),

        // What several test targets share: fixed clocks, small decks, the statistics scenario.
        .target(
            name: "LecternTestSupport", dependencies: ["LecternCore", "LecternClass"], path: "Tests/LecternTestSupport"),
        .testTarget(
            name: "LecternCoreTests", dependencies: ["LecternCore", "LecternTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "LecternFuzzTests", dependencies: ["LecternFuzzing", "LecternCore"]),
        .testTarget(name: "LecternQRTests", dependencies: ["LecternQR"]),
        .testTarget(name: "LecternClassTests", dependencies: ["LecternClass", "LecternCore", "LecternTestSupport"]),
        .testTarget(
            name: "LecternLiveTests",
            dependencies: [
                "LecternLive", "LecternClass", "LecternCore", "LecternStore", "LecternLiveShell", "LecternQR",
                "LecternTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "LecternStoreTests",
            dependencies: [
                "LecternStore", "LecternCore", "LecternTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // The PostgreSQL store against a real server the tests start, beside the SQLite file.
        .testTarget(
            name: "LecternPostgresTests",
            dependencies: [
                "LecternPostgres", "LecternPostgresServer", "LecternStore", "LecternCore", "LecternTestSupport",
            ]
        ),
        .testTarget(name: "LineEditingTests", dependencies: ["LineEditing"]),
        .testTarget(
            name: "LecternShellTests",
            dependencies: [
                "LecternShell", "LineEditing", "LecternCore", "LecternStore", "LecternTestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "LecternCLITests",
            dependencies: [
                "LecternCLI", "LecternCore", "LecternQR", "LecternPostgresServer", "LecternTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Fixtures"]
        ),
    ]
)

// One place for the settings every Swift target shares.
for target in package.targets where !["CEditLine", "CFuzzDriver", "CQREncode", "CYAML"].contains(target.name) {
    var settings = target.swiftSettings ?? []
    settings.append(.swiftLanguageMode(.v6))
    // Swift 6's upcoming rules: `any` spelled out for existentials, members visible only
    // through a module the file imports itself, and imports internal unless marked.
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    target.swiftSettings = settings
}
