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
        // Networks, formulation, results: what scripts import.
        .target(
            name: "Potline",
            dependencies: [
                "LinearModel", "GLPKSolver", "CBCSolver",
                .product(name: "Yams", package: "Yams"),
                .product(name: "CSV", package: "CSV.swift"),
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
        .testTarget(name: "PotlineTests", dependencies: ["Potline"]),
        .testTarget(name: "PotlineCLITests", dependencies: ["PotlineCLI", "CompareSiting"]),
    ]
)
