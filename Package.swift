// swift-tools-version:6.0
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Kenesh",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kenesh", targets: ["kenesh"]),
        .executable(name: "kenesh-bench", targets: ["kenesh-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .target(
            name: "Telegram",
            dependencies: ["CCurl", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Store",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Dialogs",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Bot",
            dependencies: [
                "Telegram", "Store", "Dialogs", "Reports",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Reports",
            dependencies: [
                "Store", "Dialogs",
                .product(name: "GRDB", package: "GRDB.swift"),
                // Rows of a million answers are stepped through SQLite's C API directly.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "kenesh",
            dependencies: [
                "Bot", "Telegram", "Store", "Dialogs", "Reports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // A Bot API stand-in on 127.0.0.1 for tests and benchmarks: real sockets, scriptable faults.
        .target(
            name: "TelegramDouble",
            swiftSettings: swiftSettings
        ),
        // Benchmarks, run by hand: swift run -c release kenesh-bench
        .executableTarget(
            name: "kenesh-bench",
            dependencies: [
                "Bot", "Telegram", "Store", "Dialogs", "Reports", "TelegramDouble",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "TelegramDoubleTests", dependencies: ["TelegramDouble"], swiftSettings: swiftSettings),
        .testTarget(name: "TelegramTests", dependencies: ["Telegram", "TelegramDouble"], swiftSettings: swiftSettings),
        .testTarget(name: "StoreTests", dependencies: ["Store", .product(name: "GRDB", package: "GRDB.swift")], swiftSettings: swiftSettings),
        .testTarget(
            name: "ReportsTests",
            dependencies: ["Reports", "Store", "Dialogs", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "DialogsTests", dependencies: ["Dialogs"], swiftSettings: swiftSettings),
        .testTarget(
            name: "BotTests",
            dependencies: [
                "Bot", "Telegram", "Store", "Dialogs", "TelegramDouble", "kenesh",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
