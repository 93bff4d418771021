import ArgumentParser
import Foundation
import Potline

/// Standard output and error, written so that a closed or full stream is an exit code, never a
/// crash (Foundation's `FileHandle.write` traps on EPIPE and EBADF) nor a silent 0.
enum StandardStreams {
    /// A write to standard output or error failed (closed pipe, full disk, closed descriptor).
    static let writeFailure: Int32 = 74  // EX_IOERR from sysexits.h

    nonisolated(unsafe) private static var outputFailure: Int32?
    nonisolated(unsafe) private static var errorFailed = false
    /// Descriptors the caller closed (now /dev/null placeholders): writing to them fails.
    nonisolated(unsafe) private static var closed: Set<Int32> = []

    /// Ignores SIGPIPE (a closed pipe becomes EPIPE from write) and keeps descriptors 0–2 taken,
    /// so that a file opened later never becomes "standard output" when the caller closed it.
    static func prepare() {
        signal(SIGPIPE, SIG_IGN)
        for descriptor: Int32 in 0...2 where fcntl(descriptor, F_GETFD) == -1 {
            closed.insert(descriptor)
            _ = open("/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY)
        }
    }

    static func writeOutput(_ data: Data) {
        guard outputFailure == nil else { return }
        outputFailure = write(data, to: 1)
    }

    static func writeOutput(_ text: String) { writeOutput(Data(text.utf8)) }

    static func writeError(_ text: String) {
        guard !errorFailed else { return }
        if write(Data(text.utf8), to: 2) != nil { errorFailed = true }
    }

    /// Writes all of `data` to `descriptor` (unbuffered: nothing is left to fail at exit);
    /// the errno of a failed write, or nil.
    private static func write(_ data: Data, to descriptor: Int32) -> Int32? {
        data.withUnsafeBytes { buffer -> Int32? in
            if closed.contains(descriptor) { return EBADF }
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
    }

    /// Exits with `status`, or with ``writeFailure`` when output was
    /// lost (any run) or an error message was lost from a run that otherwise succeeded.
    static func exit(_ status: Int32) -> Never {
        if let failure = outputFailure {
            writeError("error: cannot write to standard output: \(String(cString: strerror(failure)))\n")
            Foundation.exit(writeFailure)
        }
        Foundation.exit(errorFailed && status == 0 ? writeFailure : status)
    }
}

extension PotlineCommand {
    /// ArgumentParser's entry point, with Potline's streams: parse, run, report, exit.
    static func main() {
        StandardStreams.prepare()
        do {
            var command = try parseAsRoot()
            try command.run()
            StandardStreams.exit(0)
        } catch {
            let text = fullMessage(for: error)
            let status = exitCode(for: error).rawValue
            if !text.isEmpty {
                if status == 0 { StandardStreams.writeOutput(text + "\n") } else { StandardStreams.writeError(text + "\n") }
            }
            StandardStreams.exit(status)
        }
    }
}

/// The result as JSON, which also proves every figure finite: a total or flow that overflowed
/// to infinity is an error naming the figure (exit 5), never "∞" in a report or a crash.
func encodeResult<T: Encodable>(_ result: T) throws -> Data {
    do {
        return try JSONReport.encode(result)
    } catch let EncodingError.invalidValue(value, context) {
        let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        printError(
            "error: the result's \(path.isEmpty ? "figure" : String(path.dropFirst())) is \(value): a number in the network "
                + "is too large for the arithmetic; check the magnitudes of prices, capacities and demands")
        throw ExitCode(ExitStatus.solverFailure)
    }
}
