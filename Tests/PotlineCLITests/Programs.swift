import Foundation
import Testing

/// The repository's executables (`potline`, `CompareSiting`), run as a user would.
enum Programs {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// An executable built next to this test bundle (SwiftPM builds both into one folder).
    static func executable(_ name: String) -> URL {
        let bundle = Bundle.main.bundleURL
        for folder in [bundle, bundle.deletingLastPathComponent()] {
            let candidate = folder.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return repository.appendingPathComponent(".build/debug/\(name)")
    }

    struct Run {
        var status: Int32
        var output: String
        var error: String
    }

    /// Runs `program` (a built executable's name, or an absolute path) in the repository folder,
    /// with `environment` added to this process's.
    static func run(_ program: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, added in added }
        }
        process.executableURL = program.hasPrefix("/") ? URL(fileURLWithPath: program) : executable(program)
        process.arguments = arguments
        process.currentDirectoryURL = repository
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read standard error on another thread so that neither pipe can fill and block the child.
        let errorData = ErrorReader(err.fileHandleForReading)
        let output = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        // Whatever the input, a run must end with an exit status, never a crash.
        if process.terminationReason == .uncaughtSignal {
            Issue.record("\(program) \(arguments.joined(separator: " ")) died of signal \(process.terminationStatus)")
        }
        return Run(
            status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
            error: String(decoding: errorData.wait(), as: UTF8.self))
    }

    /// A fresh scratch folder; the caller deletes it.
    static func scratchFolder(_ prefix: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}

/// Reads a pipe to its end on a background thread.
private final class ErrorReader: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
