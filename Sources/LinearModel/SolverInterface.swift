import Foundation

/// Why a solve stopped. Infeasible and unbounded are answers, not errors.
public enum TerminationStatus: String, Sendable, Codable {
    case optimal
    case infeasible
    case unbounded
    /// Infeasible or unbounded; the solver could not tell which.
    case infeasibleOrUnbounded = "infeasible_or_unbounded"
    case timeLimit = "time_limit"
    case iterationLimit = "iteration_limit"
    case numericalFailure = "numerical_failure"

    /// The status in words, for people.
    public var words: String {
        switch self {
        case .optimal: "optimal"
        case .infeasible: "infeasible"
        case .unbounded: "unbounded"
        case .infeasibleOrUnbounded: "infeasible or unbounded"
        case .timeLimit: "time limit reached"
        case .iterationLimit: "iteration limit reached"
        case .numericalFailure: "numerical failure"
        }
    }
}

/// Status of one variable or constraint in a simplex basis.
public enum BasisStatus: UInt8, Sendable, Codable {
    case basic, atLower, atUpper, free, fixed
}

/// A simplex basis: passed back in to warm-start a solve of a model with the same shape.
public struct Basis: Sendable, Equatable {
    public var rows: [BasisStatus]
    public var columns: [BasisStatus]
    public init(rows: [BasisStatus], columns: [BasisStatus]) {
        self.rows = rows
        self.columns = columns
    }
}

/// Limits and warm start for one solver call.
public struct SolverOptions: Sendable {
    /// Wall-clock limit for the whole solve; nil means none.
    public var timeLimitSeconds: Double?
    /// Relative MIP gap at which branch-and-bound may stop (0 means prove optimality).
    public var relativeMIPGap: Double
    /// Start the simplex from this basis when its shape matches the model.
    public var warmStart: Basis?
    /// For a MIP: start the root relaxation from `warmStart` too (GLPK; CBC starts fresh). Off
    /// by default: on a siting sweep a warm root made branch-and-bound slower and chose other
    /// plans among tied optima. On for a MIP that differs from a solved one by a bound (a
    /// candidate forced in), whose root then takes a few iterations instead of thousands.
    public var warmStartsRelaxation: Bool
    /// Whether the caller reads an LP's duals; when false a backend may leave ``SolverResult/rowDuals``
    /// and ``SolverResult/reducedCosts`` nil (a sweep's bisection compares plans only).
    public var readsDuals: Bool

    public init(
        timeLimitSeconds: Double? = nil, relativeMIPGap: Double = 0, warmStart: Basis? = nil, warmStartsRelaxation: Bool = false,
        readsDuals: Bool = true
    ) {
        self.timeLimitSeconds = timeLimitSeconds
        self.relativeMIPGap = relativeMIPGap
        self.warmStart = warmStart
        self.warmStartsRelaxation = warmStartsRelaxation
        self.readsDuals = readsDuals
    }

    /// Throws ``SolverError`` for a limit no backend can honour, before any C call.
    public func validate() throws {
        if let limit = timeLimitSeconds, !(limit > 0) { throw SolverError("time limit must be positive, got \(limit) s") }
        if !(relativeMIPGap >= 0) { throw SolverError("MIP gap must be ≥ 0, got \(relativeMIPGap)") }
    }
}

/// What a backend returns. Arrays are indexed like the model's columns and rows.
public struct SolverResult: Sendable {
    public var status: TerminationStatus
    /// Whether `columnValues` holds a feasible point (true for optimal, and for a MIP
    /// stopped by its time limit after finding an incumbent).
    public var hasSolution: Bool
    public var objectiveValue: Double
    public var columnValues: [Double]
    public var rowActivities: [Double]
    /// Shadow prices of the rows (∂objective/∂bound); nil for a MIP, or when not asked for (``SolverOptions/readsDuals``).
    public var rowDuals: [Double]?
    /// Reduced costs of the columns; nil as ``rowDuals`` is.
    public var reducedCosts: [Double]?
    /// Relative gap between incumbent and bound for a MIP; nil for an LP.
    public var mipGap: Double?
    /// Optimal basis of an LP, for warm starts; for a MIP, its root relaxation's.
    public var basis: Basis?
    public var simplexIterations: Int
    public var seconds: Double
    /// The solver's own log, captured rather than printed.
    public var log: String

    public init(
        status: TerminationStatus, hasSolution: Bool, objectiveValue: Double, columnValues: [Double],
        rowActivities: [Double], rowDuals: [Double]?, reducedCosts: [Double]?, mipGap: Double?,
        basis: Basis?, simplexIterations: Int, seconds: Double, log: String
    ) {
        self.status = status
        self.hasSolution = hasSolution
        self.objectiveValue = objectiveValue
        self.columnValues = columnValues
        self.rowActivities = rowActivities
        self.rowDuals = rowDuals
        self.reducedCosts = reducedCosts
        self.mipGap = mipGap
        self.basis = basis
        self.simplexIterations = simplexIterations
        self.seconds = seconds
        self.log = log
    }
}

/// The solver failed in a way that is not an answer about the model.
public struct SolverError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// File formats a model can be written in for other solvers.
public enum ModelFileFormat: String, Sendable, CaseIterable {
    /// CPLEX LP format.
    case cplexLP = "lp"
    /// Free MPS format.
    case mps
}

/// A backend. Implementations must be safe to call from several threads at once,
/// one model per call.
public protocol LinearSolver: Sendable {
    /// Solves `model`. Throws ``LinearModelError`` for a model that fails validation and
    /// ``SolverError`` for a solver failure; infeasibility is a status, not an error.
    func solve(_ model: LinearModel, options: SolverOptions) throws -> SolverResult
    /// Writes `model` to `path` in `format`.
    func write(_ model: LinearModel, format: ModelFileFormat, to path: String) throws
    /// Loads `model` once and hands `body` a session that changes its numbers in place and
    /// re-solves, on the calling thread; the solver's copy is freed when `body` returns.
    func withSession<T>(_ model: LinearModel, _ body: (any SolverSession) throws -> T) throws -> T
}

/// A model held by a solver between solves: what a sweep over one input's numbers uses instead
/// of building a new problem per value. Used on one thread, inside ``LinearSolver/withSession(_:_:)``.
public protocol SolverSession: AnyObject {
    /// The model as it stands, after the changes so far.
    var model: LinearModel { get }
    /// Applies `changes`; throws ``LinearModelError``, before any C call, for a number the
    /// model's validation rejects, and then leaves the model as it was.
    func apply(_ changes: ModelChanges) throws
    /// Solves the model as it stands, like ``LinearSolver/solve(_:options:)``.
    func solve(options: SolverOptions) throws -> SolverResult
}

extension LinearSolver {
    /// A session that builds the problem anew on each solve: right for a backend without
    /// in-place changes, and the same answers as ``LinearSolver/solve(_:options:)``.
    public func withSession<T>(_ model: LinearModel, _ body: (any SolverSession) throws -> T) throws -> T {
        try body(RebuildingSession(solver: self, model: model))
    }
}

/// ``SolverSession`` by solving the current model from scratch each time.
private final class RebuildingSession: SolverSession {
    let solver: any LinearSolver
    private(set) var model: LinearModel

    init(solver: any LinearSolver, model: LinearModel) {
        self.solver = solver
        self.model = model
    }

    func apply(_ changes: ModelChanges) throws { try model.apply(changes) }

    func solve(options: SolverOptions) throws -> SolverResult { try solver.solve(model, options: options) }
}

extension SolverResult {
    /// Trust but verify, for every backend: a point that breaks a bound of the model is a
    /// numerical failure, never an optimum.
    public mutating func rejectPointBreaking(_ model: LinearModel) {
        guard hasSolution, let broken = model.worstViolation(of: columnValues) else { return }
        status = .numericalFailure
        hasSolution = false
        log += "potline: the solver's point breaks '\(broken.name)' by \(broken.relative) (relative); not used\n"
    }
}
