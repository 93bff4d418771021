import Foundation
import Potline

/// Progress of a long run on standard error, one line redrawn in place — only when standard
/// error is a terminal, so that logs and pipes get nothing extra.
final class TerminalProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let label: String
    private var lastDrawn = ContinuousClock.now - .seconds(1)
    private var drawn = false

    /// nil when standard error is not a terminal, or is one that cannot erase a line (`TERM=dumb`,
    /// as in editors' shells and some CI logs).
    static func ifTerminal(_ label: String) -> TerminalProgress? {
        let dumb = ProcessInfo.processInfo.environment["TERM"] == "dumb"
        return isatty(STDERR_FILENO) == 1 && !dumb ? TerminalProgress(label) : nil
    }

    private init(_ label: String) { self.label = label }

    /// The handler to pass to a run's options.
    var handler: @Sendable (RunProgress) -> Void {
        { [self] progress in self.show(progress) }
    }

    private func show(_ progress: RunProgress) {
        lock.withLock {
            // At most ten redraws a second; `finish()` clears the line however far it got.
            guard ContinuousClock.now - lastDrawn > .milliseconds(100) else { return }
            lastDrawn = .now
            var line = "\(label): \(progress.done)/\(progress.total) solved, \(Format.seconds(progress.elapsedSeconds)) elapsed"
            if let left = progress.estimatedRemainingSeconds, progress.done < progress.total {
                line += ", about \(Format.seconds(left)) left"
            }
            StandardStreams.writeError("\r\u{1B}[K\(line)")
            drawn = true
        }
    }

    /// Clears the line before the results are printed.
    func finish() {
        lock.withLock {
            if drawn { StandardStreams.writeError("\r\u{1B}[K") }
            drawn = false
        }
    }
}

/// Runs `work`, handing it a progress handler when standard error is a terminal, and clears the
/// progress line before anything else (results or an error) is printed.
func withProgress<T>(_ label: String, _ work: ((@Sendable (RunProgress) -> Void)?) throws -> T) throws -> T {
    let progress = TerminalProgress.ifTerminal(label)
    defer { progress?.finish() }
    return try work(progress?.handler)
}
