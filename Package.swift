// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Potline",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Potline", targets: ["Potline"]),
        .executable(name: "potline", targets: ["PotlineCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
        // Workbooks (`--xlsx`): the ZIP container and the XML of its parts.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/CoreOffice/XMLCoder", from: "0.18.0"),
    ],
    targets: [
        // Solver-neutral LP/MILP model: plain data that any backend can read.
        .target(name: "LinearModel"),
        // GLPK from Debian's libglpk-dev, and the one module that talks to it.
        .systemLibrary(name: "CGLPK", path: "Solvers/CGLPK", providers: [.apt(["libglpk-dev"])]),
        .target(name: "GLPKSolver", dependencies: ["CGLPK", "LinearModel"], path: "Solvers/GLPK"),
        // COIN-OR CBC/Clp from Debian's coinor-libcbc-dev: the second backend (`--solver cbc`).
        .systemLibrary(name: "CCbc", path: "Solvers/CCbc", providers: [.apt(["coinor-libcbc-dev"])]),
        .target(name: "CBCSolver", dependencies: ["CCbc", "LinearModel"], path: "Solvers/CBC"),
        // The pipeline's stages, each a module that imports only the stages before it:
        // network → files → formulation → results → solve → studies → reports.
        // Units, named tolerances, number texts for files and for people: every stage's vocabulary.
        .target(name: "PotlineUnits"),
        // The network: one type per component, their validation and reachability.
        .target(name: "PotlineNetwork", dependencies: ["PotlineUnits"]),
        // Network folders: the table schema, loader, writer, scenarios and their overlays.
        .target(
            name: "PotlineFiles",
            dependencies: [
                "PotlineNetwork", .product(name: "Yams", package: "Yams"), .product(name: "CSV", package: "CSV.swift"),
            ]),
        // The linear program of a network, with a typed map of its rows and columns.
        .target(name: "PotlineFormulation", dependencies: ["PotlineNetwork", "LinearModel"]),
        // Pure readings of a solved model: flows, delivered costs, the siting plan.
        .target(name: "PotlineResults", dependencies: ["PotlineFormulation"]),
        // One solve: formulate, run a backend (MIP, then the fixed LP for duals), read the result.
        .target(name: "PotlineSolve", dependencies: ["PotlineResults", "GLPKSolver", "CBCSolver"]),
        // Work made of many solves: plan analysis, diagnosis, compare, sweep, uncertainty.
        .target(name: "PotlineStudies", dependencies: ["PotlineSolve", "PotlineFiles"]),
        // Text, CSV, Excel, JSON and HTML renderings of results and studies.
        .target(
            name: "PotlineReports",
            dependencies: [
                "PotlineStudies", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "XMLCoder", package: "XMLCoder"),
            ]),
        // What scripts import: every stage above, re-exported.
        .target(
            name: "Potline",
            dependencies: [
                "LinearModel", "PotlineUnits", "PotlineNetwork", "PotlineFiles", "PotlineFormulation", "PotlineResults", "PotlineSolve",
                "PotlineStudies", "PotlineReports",
            ]),
        .executableTarget(
            name: "PotlineCLI",
            dependencies: ["Potline", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        // A script using the library: compares three siting scenarios (`swift run CompareSiting`).
        .executableTarget(name: "CompareSiting", dependencies: ["Potline"]),
        .testTarget(name: "LinearModelTests", dependencies: ["LinearModel"]),
        .testTarget(name: "GLPKSolverTests", dependencies: ["GLPKSolver", "LinearModel"]),
        // The solver contract, run against every backend.
        .testTarget(name: "LinearSolverTests", dependencies: ["GLPKSolver", "CBCSolver", "LinearModel"]),
        .testTarget(name: "CBCSolverTests", dependencies: ["CBCSolver", "LinearModel"]),
        // Tests mirror the stages; BundledNetworkTests check the data in Networks/ (calibration).
        .target(name: "PotlineTestSupport", dependencies: ["Potline"], path: "Tests/PotlineTestSupport"),
        .testTarget(name: "PotlineUnitsTests", dependencies: ["Potline", "PotlineTestSupport"]),
        .testTarget(name: "PotlineNetworkTests", dependencies: ["Potline", "PotlineTestSupport"]),
        .testTarget(
            name: "PotlineFilesTests",
            dependencies: ["Potline", "PotlineTestSupport", .product(name: "Yams", package: "Yams"), .product(name: "CSV", package: "CSV.swift")]),
        .testTarget(name: "PotlineFormulationTests", dependencies: ["Potline", "PotlineTestSupport"]),
        .testTarget(name: "PotlineResultsTests", dependencies: ["Potline", "PotlineTestSupport"]),
        .testTarget(name: "PotlineStudiesTests", dependencies: ["Potline", "PotlineTestSupport"]),
        .testTarget(
            name: "PotlineReportsTests",
            dependencies: ["Potline", "PotlineTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "BundledNetworkTests", dependencies: ["Potline", "PotlineTestSupport"]),
        .testTarget(name: "PotlineCLITests", dependencies: ["PotlineCLI", "CompareSiting"]),
    ]
)
