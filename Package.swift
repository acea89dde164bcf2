// swift-tools-version: 6.1
import PackageDescription

/// Lectern: a thin executable over libraries with clear names.
/// Pure logic lives in LecternCore; the terminal, the database and the command line are
/// separate targets so that each can be tested on its own.
let package = Package(
    name: "Lectern",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "lectern", targets: ["lectern"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // The only C in the project: libedit's variadic calls and the SIGINT handler.
        .target(
            name: "CEditLine",
            linkerSettings: [.linkedLibrary("edit")]
        ),
        .target(name: "LineEditing", dependencies: ["CEditLine"]),
        // libyaml's parser, from Debian's libyaml-dev: the deck loader reads its events.
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .target(name: "LecternCore", dependencies: ["CYAML"]),
        .target(
            name: "LecternStore",
            dependencies: ["LecternCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The live class as a pure state machine: no sockets, no terminal, no database.
        .target(name: "LecternClass", dependencies: ["LecternCore"]),
        // The shell: its commands (argument-parser commands, parsed the same way from a shell
        // line and from the command line), its sessions, its printer and its composition root.
        .target(
            name: "LecternShell",
            dependencies: [
                "LecternCore", "LecternStore", "LineEditing",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The command line: parses and hands over to the shell, or runs a command that only
        // makes sense outside it (new, import, preview, deck-stats, fsrs, db).
        .target(
            name: "LecternCLI",
            dependencies: [
                "LecternCore", "LecternStore", "LecternShell",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "lectern", dependencies: ["LecternCLI"]),
        // `make bench`: figures and ratios, never timed unit tests.
        .executableTarget(name: "lectern-bench", dependencies: ["LecternCore", "LecternStore"]),
        // `make fuzz`: libFuzzer entry points over the loader and the graders. The plain build
        // makes them replay files, so the corpus replay test and crash triage need no sanitizer.
        .target(name: "LecternFuzzing", dependencies: ["LecternCore"]),
        .target(name: "CFuzzDriver"),
        .executableTarget(name: "lectern-fuzz-deck", dependencies: ["LecternFuzzing", "CFuzzDriver"]),
        .executableTarget(name: "lectern-fuzz-answer", dependencies: ["LecternFuzzing", "CFuzzDriver"]),

        .testTarget(name: "LecternCoreTests", dependencies: ["LecternCore"], exclude: ["Fixtures"]),
        .testTarget(name: "LecternFuzzTests", dependencies: ["LecternFuzzing", "LecternCore"]),
        .testTarget(name: "LecternClassTests", dependencies: ["LecternClass", "LecternCore"]),
        .testTarget(name: "LecternStoreTests", dependencies: ["LecternStore", "LecternCore"]),
        .testTarget(name: "LecternShellTests", dependencies: ["LecternShell", "LineEditing", "LecternCore", "LecternStore"]),
        .testTarget(
            name: "LecternCLITests",
            dependencies: ["LecternCLI", "LecternCore", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Fixtures"]
        ),
    ]
)

// One place for the settings every Swift target shares.
for target in package.targets where !["CEditLine", "CFuzzDriver", "CYAML"].contains(target.name) {
    var settings = target.swiftSettings ?? []
    settings.append(.swiftLanguageMode(.v6))
    target.swiftSettings = settings
}
