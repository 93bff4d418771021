import Foundation
import LinearModel
import PotlineFiles
import PotlineFormulation
import PotlineNetwork
import PotlineResults
import PotlineSolve

/// Options for ``Sweep/run(base:scenarios:parameter:mode:values:options:)``.
public struct SweepOptions: Sendable {
    public var solve: SolveOptions
    /// Start each solve from the basis of the previous value's optimum (same model shape, nearby
    /// numbers: usually a few pivots instead of a solve from scratch). A siting network is a
    /// mixed-integer program, whose branch-and-bound starts from its own basis: there it changes
    /// nothing.
    public var warmStart: Bool
    /// Threads to solve on, one GLPK problem each. With warm starts the values are split into
    /// this many contiguous runs, each warm-started along its run; without, every value is an
    /// independent job. The whole sweep's budget: each point's solve gets its share
    /// (`solve.threads` is replaced).
    public var threads: Int
    /// Bisect between neighbouring values whose plans differ, to find where the plan changes.
    public var refineBreakpoints: Bool
    /// Bisection stops when the interval is this narrow; nil means the sweep's span × 10⁻⁶.
    public var tolerance: Double?
    /// Change one model in place between values (``InPlaceSweepModel``) instead of re-reading
    /// and re-formulating the network at each, where the model is a line in the value; the
    /// sweep falls back to the full path, and says why, where it is not.
    public var inPlace: Bool
    /// Called from the solving threads after each solve.
    public var progress: (@Sendable (RunProgress) -> Void)?

    /// `solve.analysePlan` is turned off: a sweep compares plans with each other, not with the
    /// no-build baseline, and the extra solves per point would multiply its time.
    public init(
        solve: SolveOptions = SolveOptions(analysePlan: false), warmStart: Bool = true, threads: Int = 1, refineBreakpoints: Bool = true,
        tolerance: Double? = nil, inPlace: Bool = true, progress: (@Sendable (RunProgress) -> Void)? = nil
    ) {
        self.solve = solve
        self.inPlace = inPlace
        self.warmStart = warmStart
        self.threads = threads
        self.refineBreakpoints = refineBreakpoints
        self.tolerance = tolerance
        self.progress = progress
    }
}

/// A parameter swept over a series of values: the optimum at each value, the distinct plans
/// (which plants, routes and supplies are in use), and the breakpoints where the plan changes,
/// located by bisection to a tolerance. Encodes to the JSON schema `potline.sweep/1`.
public struct Sweep: Sendable, Codable {
    public static let schemaIdentifier = "potline.sweep/1"

    /// One value of the swept input and the optimum there.
    public struct Point: Sendable, Codable {
        public var value: Double
        public var status: TerminationStatus
        public var totalCostYuan: Double?
        public var deliveredCosts: [DeliveredCost]
        /// Label of the plan in ``Sweep/plans``.
        public var plan: String
        public var simplexIterations: Int
        public var solveSeconds: Double
    }

    /// A delivered cost at one point of the sweep, yuan/t.
    public typealias DeliveredCost = DeliveredCostSummary

    /// What an optimum uses, in words: plants that produce, routes that carry
    /// (`trunk alumina east→west`), supplies bought from. Two values have the same plan when these
    /// sets and the status are equal, whatever the tonnages.
    public struct Plan: Sendable, Codable, Hashable {
        public var label: String
        public var status: TerminationStatus
        /// Siting decisions of a siting network: `build CANDIDATE`, `close PLANT`, `retrofit RETROFIT`.
        public var sites: [String]
        public var plants: [String]
        public var routes: [String]
        public var supplies: [String]
    }

    /// A change of plan between two values less than the tolerance apart.
    public struct Breakpoint: Sendable, Codable {
        /// Midpoint of the bracket: the breakpoint to within ± half the tolerance when the sweep
        /// was ``Sweep/refined``, otherwise only the middle of two grid values.
        public var value: Double
        /// The highest value seen with the plan below, and the lowest with the plan above.
        public var lowerValue: Double
        public var upperValue: Double
        public var planBelow: String
        public var planAbove: String
        /// Plants, routes and supplies that come into use above the breakpoint (`plant x`,
        /// `route l c a→b`, `supply s`), and those that go out of use.
        public var entering: [String]
        public var leaving: [String]
    }

    /// Solve counts and times of the sweep (cold against warm starts).
    public struct Statistics: Sendable, Codable {
        /// Solves at the sweep's values and solves spent bisecting.
        public var gridSolves: Int
        public var refinementSolves: Int
        public var simplexIterations: Int
        public var wallSeconds: Double
        public var threads: Int
        public var warmStart: Bool
        /// Whether the model has integer columns (siting), where warm starts do not apply.
        public var mixedInteger: Bool
        /// Whether the values after the first were solved by changing one model in place.
        public var inPlace: Bool
        /// Why the sweep re-formulated the network at every value although asked to change the
        /// model in place; nil when it did change it in place, or was not asked to.
        public var rebuiltBecause: String?
    }

    public var schema = Sweep.schemaIdentifier
    public var network: String
    public var parameter: String
    public var mode: SweepMode
    public var scenarioFiles: [String]
    public var tolerance: Double
    /// Whether breakpoints were located by bisection to ``tolerance``; if not, each lies
    /// somewhere between its `lowerValue` and `upperValue`, two neighbouring grid values.
    public var refined: Bool
    public var points: [Point]
    public var plans: [Plan]
    public var breakpoints: [Breakpoint]
    public var statistics: Statistics
    /// For a network with siting decisions: free, held at a plan (operations only), or none.
    public var siting: SitingModeResult?

    /// The evenly spaced values `from`, …, `to` in `steps` equal steps (`steps + 1` values).
    public static func values(from: Double, to: Double, steps: Int) -> [Double] {
        guard steps > 0 else { return [from] }
        return (0...steps).map { i in i == steps ? to : tidy(from + (to - from) * Double(i) / Double(steps)) }
    }

    /// Solves `base` (with `scenarios` stacked on it) with `parameter` at each of `values`, then
    /// bisects between neighbouring values whose plans differ.
    ///
    /// ```swift
    /// let base = try NetworkFiles.read(from: URL(fileURLWithPath: "Networks/examples/two_smelters"))
    /// let price = try SweepParameter(parsing: "plants[id=west_smelter].electricity_price_yuan_per_kwh")
    /// let sweep = try Sweep.run(base: base, parameter: price, values: Sweep.values(from: 0.3, to: 0.5, steps: 4))
    /// print(sweep.breakpoints[0].value)  // 0.38346… = 0.30 + 1,126.8 / 13,500
    /// ```
    ///
    /// Throws ``ScenarioError`` when the scenarios or the parameter cannot apply (a selection
    /// that matches nothing, a blank to scale) and ``SolverError`` when the solver fails.
    public static func run(
        base: NetworkFiles, scenarios: [Scenario] = [], parameter: SweepParameter, mode: SweepMode = .set,
        values: [Double], options: SweepOptions = SweepOptions()
    ) throws -> Sweep {
        let started = ContinuousClock.now
        let grid = Array(Set(values.filter(\.isFinite))).sorted()
        guard let first = grid.first else {
            throw ScenarioError(caseName: "sweep", problems: [NetworkProblem(file: "--set \(parameter)", message: "no values to sweep")])
        }
        let stacked: NetworkFiles
        do throws(NetworkError) {
            stacked = try base.applying(scenarios)
        } catch {
            throw ScenarioError(caseName: scenarios.map(\.name).joined(separator: " + "), problems: error.problems)
        }
        let counter = ProgressCounter(total: grid.count, handler: options.progress)
        var pointOptions = options.solve
        pointOptions.threads = ParallelSolves.threadsPerJob(options.threads, jobs: grid.count)
        let evaluator = PointEvaluator(
            files: SharedFiles(files: stacked), parameter: parameter, mode: mode, solve: pointOptions, counter: counter)
        // The first value alone first: a parameter that selects nothing fails once, clearly, not
        // per thread. Beside it, on a second thread, the formulations the in-place fit needs.
        let solveFirst: @Sendable () -> Result<EvaluatedPoint, any Error> = { Result { try evaluator.evaluate(first, warmStart: nil) } }
        let formulate: (@Sendable () -> Result<FitFormulations?, any Error>)? =
            options.inPlace && options.threads > 1 ? { @Sendable in Result { try evaluator.fitFormulations(grid) } } : nil
        let (firstResult, prepared) = ParallelSolves.pair(threads: options.threads, solveFirst, beside: formulate)
        let firstPoint = try firstResult.get()
        var rebuiltBecause: String?
        if options.inPlace {
            let formulations: FitFormulations?
            if firstPoint.mixedInteger {
                formulations = nil
            } else if let prepared {
                formulations = try prepared.get()
            } else {
                formulations = try evaluator.fitFormulations(grid)
            }
            rebuiltBecause = try evaluator.fitInPlace(formulations, first: firstPoint, threads: options.threads)
        }
        let rest = Array(grid.dropFirst())
        let tolerance = options.tolerance ?? max((grid.last! - first) * 1e-6, 1e-12)
        let refine = options.refineBreakpoints, warm = options.warmStart
        // Neighbouring values whose plans differ, in order along the grid, each to be bisected.
        let queue = JobQueue<Pair>()
        let enqueue: @Sendable (EvaluatedPoint, EvaluatedPoint) -> Void = { a, b in
            guard !a.samePlan(as: b) else { return }
            counter.expect(bisectionSolves(b.value - a.value, tolerance: tolerance))
            queue.add(Pair(a: a, b: b))
        }
        // In place the grid is one warm run (see evaluateGrid), and the changes of plan it finds
        // are bisected on the other threads while it goes on; otherwise the grid is solved first.
        let pipelined = evaluator.inPlace != nil && warm && !rest.isEmpty
        var gridPoints = [firstPoint]
        if !pipelined {
            gridPoints = try evaluateGrid(rest, after: firstPoint, evaluator, options)
            if refine { for (a, b) in zip(gridPoints, gridPoints.dropFirst()) { enqueue(a, b) } }
            queue.close()
        }
        let workers: Int
        if refine {
            workers = pipelined ? max(1, options.threads) : ParallelSolves.workers(options.threads, jobs: queue.count)
        } else {
            workers = pipelined ? 1 : 0  // the grid run alone, or nothing left to solve
        }
        // One session per thread for all its brackets (a session per bracket loaded the model anew
        // each time); every bisection solve starts from a basis it names, so the answers do not
        // depend on which thread took which bracket, or when.
        let outcomes = ParallelSolves.map(Array(0..<workers), threads: workers) { worker in
            Result { () throws -> (grid: [EvaluatedPoint], bisected: [(Int, Bisected)]) in
                try evaluator.withSession { session in
                    var run: [EvaluatedPoint] = []
                    if pipelined && worker == 0 {
                        defer { queue.close() }
                        run = try evaluator.warmRun(rest, from: firstPoint, session: session) { a, b in if refine { enqueue(a, b) } }
                    }
                    var bisected: [(Int, Bisected)] = []
                    while let (i, pair) = queue.next() {
                        bisected.append((i, try evaluator.bisect(pair.a, pair.b, tolerance: tolerance, warm: warm, session: session)))
                    }
                    return (run, bisected)
                }
            }
        }
        var byInterval = [Bisected](repeating: ([], 0), count: queue.count)
        for outcome in outcomes {
            let (run, bisected) = try outcome.get()
            gridPoints += run
            for (i, found) in bisected { byInterval[i] = found }
        }
        var brackets: [(EvaluatedPoint, EvaluatedPoint)] = []
        var refinementSolves = 0
        if refine {
            for (found, solves) in byInterval {
                brackets += found
                refinementSolves += solves
            }
        } else {
            brackets = zip(gridPoints, gridPoints.dropFirst()).filter { !$0.samePlan(as: $1) }.map { ($0, $1) }
        }

        // Plans are labelled A, B, … in order of value, over grid and bisection points alike.
        let everyPoint = (gridPoints + brackets.flatMap { [$0.0, $0.1] }).sorted { $0.value < $1.value }
        var catalogue = PlanCatalogue()
        for point in everyPoint { catalogue.add(point) }
        let plans = catalogue.plans
        return Sweep(
            network: firstPoint.network, parameter: parameter.description, mode: mode, scenarioFiles: scenarios.map(\.file),
            tolerance: tolerance, refined: options.refineBreakpoints,
            points: gridPoints.map { $0.point(plan: catalogue.label(of: $0)) },
            plans: plans,
            breakpoints: brackets.map { below, above in
                let (entering, leaving) = catalogue.signature(of: below).changes(to: catalogue.signature(of: above))
                return Breakpoint(
                    value: (below.value + above.value) / 2, lowerValue: below.value, upperValue: above.value,
                    planBelow: catalogue.label(of: below), planAbove: catalogue.label(of: above), entering: entering,
                    leaving: leaving)
            },
            statistics: Statistics(
                gridSolves: gridPoints.count, refinementSolves: refinementSolves,
                simplexIterations: evaluator.iterations(), wallSeconds: seconds(since: started),
                threads: max(1, min(options.threads, grid.count)), warmStart: options.warmStart,
                mixedInteger: firstPoint.mixedInteger, inPlace: evaluator.inPlace != nil, rebuiltBecause: rebuiltBecause))
    }

    /// What bisecting one interval found: brackets narrower than the tolerance, and the solves spent.
    typealias Bisected = (brackets: [(EvaluatedPoint, EvaluatedPoint)], solves: Int)

    private struct Pair: Sendable {
        var a: EvaluatedPoint
        var b: EvaluatedPoint
    }

    /// The values after the first, solved on `options.threads` threads: as contiguous warm-started
    /// runs, or as independent cold solves.
    private static func evaluateGrid(
        _ rest: [Double], after first: EvaluatedPoint, _ evaluator: PointEvaluator, _ options: SweepOptions
    ) throws -> [EvaluatedPoint] {
        guard !rest.isEmpty else { return [first] }
        let warm = options.warmStart
        // In place, one warm run: its values cost a few pivots each (28 ms for 40 values on 120
        // regions), less than the cold start a second run would need (47 ms for one value).
        let runs: [[Double]] =
            warm ? contiguousRuns(rest, count: evaluator.inPlace != nil ? 1 : options.threads) : rest.map { [$0] }
        let results = ParallelSolves.map(runs.enumerated().map { Run(index: $0, values: $1) }, threads: options.threads) { run in
            Result {
                try evaluator.withSession { session in
                    // The first run continues from the first point's basis; the others start cold.
                    warm
                        ? try evaluator.warmRun(run.values, from: run.index == 0 ? first : nil, session: session)
                        : try run.values.map { try evaluator.evaluate($0, warmStart: nil, session: session) }
                }
            }
        }
        var points = [first]
        for result in results { points += try result.get() }
        return points
    }

    private struct Run: Sendable {
        var index: Int
        var values: [Double]
    }

    /// `values` cut into `count` runs of nearly equal length, in order.
    static func contiguousRuns(_ values: [Double], count: Int) -> [[Double]] {
        let count = max(1, min(count, values.count))
        return (0..<count).map { i in
            Array(values[(values.count * i / count)..<(values.count * (i + 1) / count)])
        }
    }

    /// Solves to narrow a bracket of `width` to `tolerance` by halving: ⌈log₂(width / tolerance)⌉,
    /// at most the halvings a double can take (bisection stops when the midpoint no longer moves).
    static func bisectionSolves(_ width: Double, tolerance: Double) -> Int {
        Int.clamped(log2(width / tolerance), to: 0...maximumHalvings, rounding: .up)
    }

    /// From the largest double to the smallest subnormal: 1,024 + 1,074 halvings.
    static let maximumHalvings = 2_098

    /// `A`…`Z`, then `AA`, `AB`, ….
    static func planLabel(_ index: Int) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return index < 26 ? String(letters[index]) : planLabel(index / 26 - 1) + String(letters[index % 26])
    }
}

/// The distinct plans of a sweep's points, labelled in the order they are added: each plan's
/// signature is named and sorted once, not at every look-up (that was a tenth of a sweep).
private struct PlanCatalogue {
    private var usages: [(usage: PointPlan, plan: Int)] = []
    private var signatures: [PlanSignature] = []
    private(set) var plans: [Sweep.Plan] = []

    private func find(_ usage: PointPlan) -> Int? { usages.first { $0.usage == usage }?.plan }

    mutating func add(_ point: EvaluatedPoint) {
        guard find(point.usage) == nil else { return }
        let signature = point.signature
        // Another order of the same plan keeps that plan's label.
        let plan = signatures.firstIndex(of: signature) ?? {
            signatures.append(signature)
            plans.append(signature.plan(label: Sweep.planLabel(plans.count)))
            return plans.count - 1
        }()
        usages.append((point.usage, plan))
    }

    /// The label of a point added before.
    func label(of point: EvaluatedPoint) -> String { plans[find(point.usage)!].label }

    func signature(of point: EvaluatedPoint) -> PlanSignature { signatures[find(point.usage)!] }
}

/// One solved value, with what the next solve needs to warm-start.
struct EvaluatedPoint: Sendable {
    var value: Double
    var network: String
    var status: TerminationStatus
    var totalCostYuan: Double?
    var deliveredCosts: [Sweep.DeliveredCost]
    var usage: PointPlan
    var basis: Basis?
    var simplexIterations: Int
    var solveSeconds: Double
    var mixedInteger: Bool

    init(value: Double, solution: Solution) { self.init(value: value, summary: SolutionSummary(solution)) }

    init(value: Double, summary: SolutionSummary) {
        self.value = value
        network = summary.network
        status = summary.status
        totalCostYuan = summary.totalCostYuan
        deliveredCosts = summary.deliveredCosts
        usage = .named(PlanUsage(summary))
        basis = summary.basis
        simplexIterations = summary.simplexIterations
        solveSeconds = summary.solveSeconds
        mixedInteger = summary.integerColumns > 0
    }

    /// A point of an in-place sweep read for its plan only (a bisection solve): no delivered costs.
    init(value: Double, planOf result: SolverResult, in map: PlanMap) {
        self.value = value
        network = map.formulation.network.name
        status = result.status
        totalCostYuan = result.hasSolution ? tidy(result.objectiveValue) : nil
        deliveredCosts = []
        usage = .placed(result.status, PlanInUse(formulation: map.formulation, result: result, above: productionTolerance), in: map)
        basis = result.basis
        simplexIterations = result.simplexIterations
        solveSeconds = result.seconds
        mixedInteger = false
    }

    var signature: PlanSignature { PlanSignature(usage.usage) }

    /// Whether the two points' optima use the same plan (their signatures would be equal).
    func samePlan(as other: EvaluatedPoint) -> Bool { usage.isSamePlan(as: other.usage) }

    func point(plan: String) -> Sweep.Point {
        Sweep.Point(
            value: value, status: status, totalCostYuan: totalCostYuan, deliveredCosts: deliveredCosts, plan: plan,
            simplexIterations: simplexIterations, solveSeconds: solveSeconds)
    }
}

/// Applies the parameter at a value to the shared base files, parses and solves; callable from
/// any thread (each call builds and frees its own GLPK problem).
private final class PointEvaluator: @unchecked Sendable {
    let files: SharedFiles
    let parameter: SweepParameter
    let mode: SweepMode
    let solve: SolveOptions
    let counter: ProgressCounter
    private let lock = NSLock()
    private var totalIterations = 0

    init(files: SharedFiles, parameter: SweepParameter, mode: SweepMode, solve: SolveOptions, counter: ProgressCounter) {
        self.files = files
        self.parameter = parameter
        self.mode = mode
        self.solve = solve
        self.counter = counter
    }

    func iterations() -> Int { lock.withLock { totalIterations } }

    /// The fit the values are solved through in place, once ``fitInPlace(_:first:)`` found one.
    private(set) var inPlace: InPlaceSweepModel?

    /// The network with the parameter at `value`, read and checked.
    private func network(at value: Double) throws -> ValidatedNetwork {
        let scenario = parameter.scenario(mode, value)
        do throws(NetworkError) {
            return try NetworkLoader.parse(files.files.applying([scenario]))
        } catch {
            throw ScenarioError(caseName: "sweep \(scenario.name)", problems: error.problems)
        }
    }

    /// The full path: reads the network at `value`, formulates and solves it.
    func evaluate(_ value: Double, warmStart: Basis?) throws -> EvaluatedPoint {
        var options = solve
        options.warmStart = warmStart
        let solution = try network(at: value).solve(options: options)
        return finished(EvaluatedPoint(value: value, solution: solution))
    }

    /// Solves `value` by changing `session`'s model in place when there is a fit, else by the
    /// full path; a fitted number the solver must not take (a coefficient that passes through
    /// zero) sends that value down the full path too, which says what is wrong with it.
    /// `planOnly`: a bisection solve, whose delivered costs nobody reads, reads only its plan, by place, and no duals.
    func evaluate(_ value: Double, warmStart: Basis?, session: (any SolverSession)?, planOnly: Bool = false) throws -> EvaluatedPoint {
        guard let inPlace, let session else { return try evaluate(value, warmStart: warmStart) }
        do {
            try session.apply(inPlace.changes(at: value))
        } catch is LinearModelError {
            return try evaluate(value, warmStart: warmStart)
        }
        return finished(try solveInPlace(value, warmStart: warmStart, inPlace, session, planOnly: planOnly))
    }

    private func solveInPlace(
        _ value: Double, warmStart: Basis?, _ fit: InPlaceSweepModel, _ session: any SolverSession, planOnly: Bool = false
    ) throws -> EvaluatedPoint {
        let result = try session.solve(
            options: SolverOptions(
                timeLimitSeconds: solve.timeLimitSeconds, relativeMIPGap: solve.relativeMIPGap, warmStart: warmStart,
                readsDuals: !planOnly))
        if planOnly { return EvaluatedPoint(value: value, planOf: result, in: fit.map) }
        var point = EvaluatedPoint(
            value: value, summary: SolutionSummary(formulation: fit.formulation(at: value, model: session.model), result: result))
        point.usage = .placed(result.status, PlanInUse(formulation: fit.low, result: result, above: productionTolerance), in: fit.map)
        return point
    }

    private func finished(_ point: EvaluatedPoint) -> EvaluatedPoint {
        lock.withLock { totalIterations += point.simplexIterations }
        counter.finishOne()
        return point
    }

    /// Runs `body` with a solver session on the fitted model (nil without a fit), on this thread.
    func withSession<T>(_ body: ((any SolverSession)?) throws -> T) throws -> T {
        guard let inPlace else { return try body(nil) }
        return try solve.solver.withSession(inPlace.low.model) { try body($0) }
    }

    /// The full formulations the fit needs, none solved: the grid's ends, and the values a third
    /// and two thirds along, where the fit is checked. Nil when the grid is too short to fit.
    func fitFormulations(_ grid: [Double]) throws -> FitFormulations? {
        guard grid.count >= 3, let last = grid.last else { return nil }
        let checks = Set([grid[grid.count / 3], grid[2 * grid.count / 3]]).subtracting([grid[0], last]).sorted()
        return FitFormulations(
            low: (grid[0], try network(at: grid[0]).formulation(options: solve)),
            high: (last, try network(at: last).formulation(options: solve)),
            checks: try checks.map { value in FitFormulations.Check(value: value, formulation: try network(at: value).formulation(options: solve)) })
    }

    /// Fits the model between the grid's ends and checks the fit at the grid values a third and
    /// two thirds along against the full path (two solves each, side by side on `threads`); nil
    /// when the fit holds, else why the values are solved the full way.
    /// Two checks, not one: two steps in the range could cancel at a single value.
    func fitInPlace(_ formulations: FitFormulations?, first: EvaluatedPoint, threads: Int) throws -> String? {
        if first.mixedInteger { return "the model is mixed-integer (siting): each value runs its own branch-and-bound" }
        guard let formulations else { return nil }
        let fit: InPlaceSweepModel
        switch InPlaceSweepModel.fit(
            low: formulations.low.formulation, at: formulations.low.value, high: formulations.high.formulation,
            at: formulations.high.value)
        {
        case .fitted(let fitted): fit = fitted
        case .rebuild(let reason): return reason
        }
        for check in formulations.checks {
            if let mismatch = fit.mismatch(check.formulation, at: check.value) { return mismatch }
        }
        let verdicts = ParallelSolves.map(formulations.checks, threads: threads) { check in
            Result { () throws -> String? in
                // Both from the first point's basis: a like-for-like pair at the price of a few pivots.
                var options = self.solve
                options.warmStart = first.basis
                options.threads = 1
                // The check's formulation solved whole: the full path's answer without formulating again.
                let full = EvaluatedPoint(value: check.value, solution: try check.formulation.solve(options: options).solution)
                let fitted = try self.solve.solver.withSession(fit.low.model) { session in
                    try session.apply(fit.changes(at: check.value))
                    return try self.solveInPlace(check.value, warmStart: first.basis, fit, session)
                }
                return InPlaceSweepModel.agrees(fitted, with: full)
            }
        }
        for verdict in verdicts {
            if let disagreement = try verdict.get() { return disagreement }
        }
        inPlace = fit
        return nil
    }

    /// Solves `values` in order, each from the basis of the one before (the first from `start`'s,
    /// or cold without it), handing each neighbouring pair to `each` as soon as it is solved.
    func warmRun(
        _ values: [Double], from start: EvaluatedPoint?, session: (any SolverSession)?,
        each: (EvaluatedPoint, EvaluatedPoint) -> Void = { _, _ in }
    ) throws -> [EvaluatedPoint] {
        var previous = start
        var basis = start?.basis
        var points: [EvaluatedPoint] = []
        for value in values {
            let point = try evaluate(value, warmStart: basis, session: session)
            basis = point.basis ?? basis
            if let previous { each(previous, point) }
            previous = point
            points.append(point)
        }
        return points
    }

    /// Brackets, each narrower than `tolerance`, around every plan change between `a` and `b`
    /// that bisection can see, and the number of solves spent.
    func bisect(_ a: EvaluatedPoint, _ b: EvaluatedPoint, tolerance: Double, warm: Bool, session: (any SolverSession)?) throws
        -> Sweep.Bisected
    {
        let middle = (a.value + b.value) / 2
        guard b.value - a.value > tolerance, middle > a.value, middle < b.value else { return ([(a, b)], 0) }
        let m = try evaluate(middle, warmStart: warm ? a.basis : nil, session: session, planOnly: true)
        var brackets: [(EvaluatedPoint, EvaluatedPoint)] = []
        var solves = 1
        let changesFromA = !m.samePlan(as: a)
        if changesFromA {
            let (found, spent) = try bisect(a, m, tolerance: tolerance, warm: warm, session: session)
            brackets += found
            solves += spent
        }
        if !m.samePlan(as: b) {
            if changesFromA {
                // Two plan changes in one bracket: the second half needs its own halvings.
                counter.expect(Sweep.bisectionSolves(b.value - m.value, tolerance: tolerance))
            }
            let (found, spent) = try bisect(m, b, tolerance: tolerance, warm: warm, session: session)
            brackets += found
            solves += spent
        }
        return (brackets, solves)
    }
}
