// swift-tools-version: 6.0
import PackageDescription

let strictSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
  name: "papi",
  products: [
    .library(name: "PapiKit", targets: ["PapiKit"]),
    .executable(name: "papi", targets: ["papi"]),
    .executable(name: "papi-fuzz", targets: ["papi-fuzz"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
    // The archive of an .xlsx workbook, inflated part by part as it is read.
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    // `swift package generate-documentation --target PapiKit` (the DocC catalog in
    // Sources/PapiKit/PapiKit.docc).
    .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
  ],
  targets: [
    // libcsv from Debian's libcsv-dev. Debian ships no pkg-config file for it,
    // so no `pkgConfig:` here (it would only print a misleading warning).
    .systemLibrary(
      name: "CLibCSV",
      path: "Sources/CLibCSV",
      providers: [.apt(["libcsv-dev"])]
    ),
    // libxml2's streaming (SAX2 push) parser, for the XML parts of workbooks; its flags come
    // from Debian's libxml-2.0.pc.
    .systemLibrary(
      name: "CLibXML2",
      path: "Sources/CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]
    ),
    // zlib's CRC-32 (Debian's zlib1g-dev, as ZIPFoundation itself links).
    .systemLibrary(
      name: "CZlibChecksum",
      path: "Sources/CZlibChecksum",
      pkgConfig: "zlib",
      providers: [.apt(["zlib1g-dev"])]
    ),
    // The C libraries a workbook is read through (libxml2's push parser, ZIPFoundation's
    // inflate over zlib) behind a small Swift interface, imported internally: their C
    // headers stay out of PapiKit's build, where they would change which module declares
    // the system's types.
    .target(
      name: "XMLParts",
      dependencies: [
        "CLibXML2",
        "CZlibChecksum",
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ],
      swiftSettings: strictSettings
    ),
    .target(
      name: "PapiKit",
      dependencies: [
        "CLibCSV",
        "XMLParts",
        .product(name: "Yams", package: "Yams"),
        .product(name: "GRDB", package: "GRDB.swift"),
        // SQLite's C API, for binding the rows of a large import directly.
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      // The files papi uses when none is given (task catalogue, holiday calendar, feedback
      // lexicon) and the questionnaires, found from any folder (`DefaultFiles`). The
      // repository's questionnaires/ is a link to this folder.
      resources: [.copy("Resources/questionnaires")],
      swiftSettings: strictSettings
    ),
    .executableTarget(
      name: "papi",
      dependencies: [
        "PapiKit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strictSettings
    ),
    // The readers under libFuzzer (`make fuzz`); without the fuzzer, a replay of the
    // committed corpora and crashers.
    .executableTarget(
      name: "papi-fuzz",
      dependencies: ["PapiKit"],
      path: "Fuzz/Sources/papi-fuzz",
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "PapiKitTests",
      dependencies: ["PapiKit", "papi"],
      exclude: ["Fixtures"],
      swiftSettings: strictSettings
    ),
  ],
  swiftLanguageModes: [.v6]
)
