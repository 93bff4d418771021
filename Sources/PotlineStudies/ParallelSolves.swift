import Dispatch
import Foundation
import LinearModel
import PotlineFiles
import PotlineFormulation
import PotlineNetwork
import PotlineResults
import PotlineSolve

/// Runs independent jobs (whole solves) on several threads and returns their results in order.
/// The one place that decides parallelism: a job that runs solves of its own gets
/// ``threadsPerJob(_:jobs:)`` of the budget, so maps nested in maps never exceed it.
///
/// Each job builds, solves, reads and deletes its own GLPK problem inside one synchronous call,
/// so a job never shares solver state with another and never awaits mid-solve (GLPK's
/// environment is thread-local; see `../shared/ENGINEERING.md`). Workers pull the next job from a
/// shared counter, so a slow job does not hold up the others' queues.
package enum ParallelSolves {
    package static func map<Item: Sendable, Output: Sendable>(
        _ items: [Item], threads: Int, _ body: @escaping @Sendable (Item) -> Output
    ) -> [Output] {
        let gauge = Self.gauge
        @Sendable func run(_ item: Item) -> Output {
            gauge?.enter()
            defer { gauge?.leave() }
            return body(item)
        }
        let workers = workers(threads, jobs: items.count)
        if workers == 1 { return items.map(run) }
        let results = LockedSlots<Output>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            // Worker threads run outside any task: carry the caller's gauge to them.
            Self.$gauge.withValue(gauge) {
                while let i = results.claimNext() {
                    results.store(run(items[i]), at: i)
                }
            }
        }
        return results.values
    }

    /// Runs `first` and, when given, `second` beside it: two jobs of different kinds (a solve and
    /// what the study after it will need), on a second thread when the budget has one.
    package static func pair<A: Sendable, B: Sendable>(
        threads: Int, _ first: @escaping @Sendable () -> A, beside second: (@Sendable () -> B)?
    ) -> (A, B?) {
        let jobs: [@Sendable () -> PairOutput<A, B>] = [{ .first(first()) }] + (second.map { job in [{ .second(job()) }] } ?? [])
        var firstOutput: A?
        var secondOutput: B?
        for output in map(jobs, threads: threads, { $0() }) {
            switch output {
            case .first(let value): firstOutput = value
            case .second(let value): secondOutput = value
            }
        }
        // `map` returns every job's output, the first job's among them.
        return (firstOutput!, secondOutput)
    }

    /// The threads each job may use for solves of its own when `jobs` jobs share `threads`.
    package static func threadsPerJob(_ threads: Int, jobs: Int) -> Int {
        max(1, threads / workers(threads, jobs: jobs))
    }

    package static func workers(_ threads: Int, jobs: Int) -> Int { max(1, min(threads, jobs)) }

    /// Bound around a study, counts the threads its jobs ran on at once (nested maps included).
    @TaskLocal package static var gauge: ConcurrencyGauge?
}

/// What one job of ``ParallelSolves/pair(threads:_:beside:)`` returns.
private enum PairOutput<A: Sendable, B: Sendable>: Sendable {
    case first(A)
    case second(B)
}

/// The most threads that ran ``ParallelSolves`` jobs at the same time.
package final class ConcurrencyGauge: @unchecked Sendable {
    private let lock = NSLock()
    /// Jobs running on each thread now (a job may run a nested map's jobs on its own thread).
    private var jobsByThread: [pthread_t: Int] = [:]
    private var mostThreads = 0

    package init() {}

    package var peakThreads: Int { lock.withLock { mostThreads } }

    fileprivate func enter() {
        lock.withLock {
            jobsByThread[pthread_self(), default: 0] += 1
            mostThreads = max(mostThreads, jobsByThread.count)
        }
    }

    fileprivate func leave() {
        lock.withLock {
            let thread = pthread_self()
            jobsByThread[thread]! -= 1
            if jobsByThread[thread] == 0 { jobsByThread[thread] = nil }
        }
    }
}

/// Result slots filled by several threads, and the index of the next job to claim.
private final class LockedSlots<Output: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Output?]
    private var next = 0

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func claimNext() -> Int? {
        lock.withLock {
            guard next < slots.count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    func store(_ value: Output, at index: Int) { lock.withLock { slots[index] = value } }

    var values: [Output] { lock.withLock { slots.map { $0! } } }
}

/// Jobs one thread hands to others as it finds them (a sweep's grid run, the brackets to
/// bisect): ``next()`` waits while the queue is open and empty, and gives each job once, with
/// its place in the order added, so results can be put back in that order.
final class JobQueue<Job: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [Job] = []
    private var taken = 0
    private var open = true

    func add(_ job: Job) {
        condition.withLock {
            jobs.append(job)
            condition.signal()
        }
    }

    /// No more jobs: waiting takers return nil once the queue is drained.
    func close() {
        condition.withLock {
            open = false
            condition.broadcast()
        }
    }

    /// Jobs added so far.
    var count: Int { condition.withLock { jobs.count } }

    func next() -> (Int, Job)? {
        condition.withLock {
            while taken == jobs.count && open { condition.wait() }
            guard taken < jobs.count else { return nil }
            defer { taken += 1 }
            return (taken, jobs[taken])
        }
    }
}

/// How far a long run has got: solves done of those expected, time spent and an estimate of
/// the time left (from the average time per solve so far).
public struct RunProgress: Sendable {
    public var done: Int
    public var total: Int
    public var elapsedSeconds: Double

    public var estimatedRemainingSeconds: Double? {
        guard done > 0, total > done else { return done > 0 ? 0 : nil }
        return elapsedSeconds / Double(done) * Double(total - done)
    }
}

/// Counts finished solves from any thread and reports each to a handler.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private let started = ContinuousClock.now
    private var done = 0
    private var total: Int
    private let handler: (@Sendable (RunProgress) -> Void)?

    init(total: Int, handler: (@Sendable (RunProgress) -> Void)?) {
        self.total = total
        self.handler = handler
    }

    /// More solves are expected than first thought (bisection between plan changes).
    func expect(_ more: Int) { lock.withLock { total += more } }

    func finishOne() {
        guard let handler else { return }
        let progress = lock.withLock {
            done += 1
            total = max(total, done)
            return RunProgress(done: done, total: total, elapsedSeconds: seconds(since: started))
        }
        handler(progress)
    }
}

/// Seconds from `start` to now.
func seconds(since start: ContinuousClock.Instant) -> Double {
    let duration = ContinuousClock.now - start
    return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// A base network read once and then only read by many threads at once.
///
/// `NetworkFiles` holds the manifest as a Yams node tree, which is not declared `Sendable`
/// because nodes carry class references (tags, anchors). Overlays never mutate those objects:
/// they copy node values and create new nodes, so sharing the tree between readers is safe.
struct SharedFiles: @unchecked Sendable {
    let files: NetworkFiles
}
