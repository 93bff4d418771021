import Foundation
import Testing
import Potline

/// Paths and scratch copies of the bundled networks for tests.
public enum Fixtures {
    public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    public static let networks = repository.appendingPathComponent("Networks")
    public static let twoSmelters = networks.appendingPathComponent("examples/two_smelters")

    /// A scratch copy of `network` with some files replaced; the caller deletes it.
    public static func copy(of network: URL = twoSmelters, replacing files: [String: String] = [:]) throws -> URL {
        // A wrong fixture path would otherwise surface as a puzzling "file is missing" later.
        #expect(FileManager.default.fileExists(atPath: network.appendingPathComponent("network.yaml").path), "no network at \(network.path)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("potline-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: network, to: folder)
        for (name, text) in files {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder
    }

    /// A scratch folder holding the network `Tests/Benchmarks/make_network.py` generates on
    /// `regions` regions (many plants, routes and tied costs); the caller deletes it.
    public static func syntheticNetwork(regions: Int) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("potline-synthetic-\(UUID().uuidString)")
        let generator = Process()
        generator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        generator.arguments = [
            "python3", repository.appendingPathComponent("Tests/Benchmarks/make_network.py").path, folder.path, "--regions", String(regions),
        ]
        try generator.run()
        generator.waitUntilExit()
        try #require(generator.terminationStatus == 0, "make_network.py failed")
        return folder
    }

    /// The problems loading a modified copy of two_smelters reports.
    public static func problems(replacing files: [String: String], removing removed: [String] = []) throws -> [NetworkProblem] {
        let folder = try copy(replacing: files)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in removed { try FileManager.default.removeItem(at: folder.appendingPathComponent(name)) }
        do {
            _ = try NetworkLoader.load(from: folder)
            return []
        } catch {
            return error.problems
        }
    }
}

/// Whether `a` is within a relative `tolerance` of `b` (absolute below 1).
public func close(_ a: Double?, _ b: Double, tolerance: Double = 1e-6) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance * max(1, abs(b))
}

/// SplitMix64: a small seeded generator, so generated cases repeat exactly.
public struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
