import CGLPK
import Foundation
import LinearModel

/// The GLPK backend (Debian's libglpk-dev).
///
/// GLPK keeps its environment per thread and aborts the process on invalid input, so every
/// call here validates the model in Swift first, then creates, solves, reads and deletes the
/// `glp_prob` inside one synchronous function on one thread. Nothing GLPK owns outlives the call.
/// Calls from several threads at once are safe: each has its own problem and environment.
public struct GLPKSolver: LinearSolver {
    public init() {}

    public func solve(_ model: LinearModel, options: SolverOptions = SolverOptions()) throws -> SolverResult {
        try model.validate()
        try options.validate()
        let log = LogCapture()
        return withProblem(model, log: log) { problem in solveLoaded(problem, model: model, options: options, log: log, held: nil, mixedInteger: model.isMixedInteger) }
    }

    /// Keeps one `glp_prob` for the whole of `body`: changes go into it in place (a changed matrix
    /// is reloaded and rescaled, as a fresh load would be), and each solve starts from the basis
    /// the options give, so a session's answers are a fresh solve's.
    public func withSession<T>(_ model: LinearModel, _ body: (any SolverSession) throws -> T) throws -> T {
        try model.validate()
        let log = LogCapture()
        return try withProblem(model, log: log) { problem in
            let session = Session(solver: self, problem: problem, model: model, log: log)
            defer { session.close() }
            return try body(session)
        }
    }

    /// Solves the model loaded in `problem` and checks the point against `model`. `held`: the
    /// statuses `problem` holds, when known (a session's after an LP solve). `mixedInteger`: the
    /// model's, worked out by the caller once (a scan of every column).
    private func solveLoaded(
        _ problem: OpaquePointer, model: LinearModel, options: SolverOptions, log: LogCapture, held: Basis?, mixedInteger: Bool
    ) -> SolverResult {
        let started = Date()
        // GLPK counts iterations over the problem's life; a session's solve reports its own.
        let iterationsBefore = Int(glp_get_it_cnt(problem))
        var result =
            mixedInteger
            ? solveMixedInteger(problem, model: model, options: options, log: log, started: started)
            : solveLinear(problem, model: model, options: options, log: log, started: started, held: held)
        result.simplexIterations -= iterationsBefore
        result.rejectPointBreaking(model)
        log.clear()
        return result
    }

    /// GLPK's side of ``withSession(_:_:)``; only valid inside it, on its thread.
    private final class Session: SolverSession {
        let solver: GLPKSolver
        private var problem: OpaquePointer?
        private(set) var model: LinearModel
        let log: LogCapture
        /// The statuses GLPK holds, mirrored after each LP solve and kept through bound changes;
        /// nil when unknown. A warm start then sets only the statuses that differ.
        private var held: Basis?
        /// Changes move numbers only, never a column's kind.
        private let isMixedInteger: Bool

        init(solver: GLPKSolver, problem: OpaquePointer, model: LinearModel, log: LogCapture) {
            self.solver = solver
            self.problem = problem
            self.model = model
            self.log = log
            isMixedInteger = model.isMixedInteger
        }

        func close() { problem = nil }

        private func loaded() throws -> OpaquePointer {
            guard let problem else { throw SolverError("the GLPK session is closed: use it only inside withSession") }
            return problem
        }

        func apply(_ changes: ModelChanges) throws {
            let problem = try loaded()
            try model.apply(changes)
            for change in changes.costs { glp_set_obj_coef(problem, Int32(change.index + 1), change.value) }
            // A new kind of bound moves a nonbasic status (at lower to fixed, say): the mirror follows.
            for change in changes.columnBounds {
                let j = Int32(change.index + 1)
                glp_set_col_bnds(
                    problem, j, solver.boundType(change.lower, change.upper), solver.finite(change.lower), solver.finite(change.upper))
                held?.columns[change.index] = solver.basisStatus(glp_get_col_stat(problem, j))
            }
            for change in changes.rowBounds {
                let i = Int32(change.index + 1)
                glp_set_row_bnds(
                    problem, i, solver.boundType(change.lower, change.upper), solver.finite(change.lower), solver.finite(change.upper))
                held?.rows[change.index] = solver.basisStatus(glp_get_row_stat(problem, i))
            }
            if let constant = changes.objectiveConstant { glp_set_obj_coef(problem, 0, constant) }
            if !changes.coefficients.isEmpty {
                // The whole matrix in the model's order, rescaled: what a fresh load gives.
                solver.loadMatrix(model, into: problem)
                glp_scale_prob(problem, GLP_SF_AUTO)
            }
        }

        func solve(options: SolverOptions) throws -> SolverResult {
            try options.validate()
            let result = solver.solveLoaded(
                try loaded(), model: model, options: options, log: log, held: held, mixedInteger: isMixedInteger)
            // An LP's basis is what GLPK holds after it; a MIP's is its root's, no longer held.
            held = isMixedInteger ? nil : result.basis
            return result
        }
    }

    public func write(_ model: LinearModel, format: ModelFileFormat, to path: String) throws {
        try model.validate(forFiles: true)
        let log = LogCapture()
        let code = withProblem(model, log: log) { problem in
            switch format {
            case .cplexLP: glp_write_lp(problem, nil, path)
            case .mps: glp_write_mps(problem, GLP_MPS_FILE, nil, path)
            }
        }
        if code != 0 {
            throw SolverError("could not write \(path): \(log.text.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
    }

    // MARK: - Problem lifetime

    /// Builds the GLPK problem for `model`, runs `body`, then deletes the problem and
    /// detaches the log hook, all on the calling thread.
    private func withProblem<T>(_ model: LinearModel, log: LogCapture, _ body: (OpaquePointer) throws -> T) rethrows -> T {
        let box = Unmanaged.passRetained(log)
        glp_term_hook({ info, text in
            guard let info, let text else { return 1 }
            Unmanaged<LogCapture>.fromOpaque(info).takeUnretainedValue().append(String(cString: text))
            return 1  // 1: GLPK must not print it
        }, box.toOpaque())
        let problem = glp_create_prob()!
        defer {
            glp_delete_prob(problem)
            glp_term_hook(nil, nil)
            box.release()
        }
        load(model, into: problem)
        // Rows mix tonnes and kWh (10^0…10^10): scale as glpsol does, or the simplex loses accuracy.
        glp_scale_prob(problem, GLP_SF_AUTO)
        return try body(problem)
    }

    private func load(_ model: LinearModel, into problem: OpaquePointer) {
        glp_set_prob_name(problem, model.name)
        glp_set_obj_name(problem, "total_cost")
        glp_set_obj_dir(problem, model.sense == .minimize ? GLP_MIN : GLP_MAX)
        glp_set_obj_coef(problem, 0, model.objectiveConstant)
        if !model.rows.isEmpty { glp_add_rows(problem, Int32(model.rows.count)) }
        if !model.columns.isEmpty { glp_add_cols(problem, Int32(model.columns.count)) }
        for (i, row) in model.rows.enumerated() {
            let index = Int32(i + 1)
            glp_set_row_name(problem, index, row.name)
            glp_set_row_bnds(problem, index, boundType(row.lower, row.upper), finite(row.lower), finite(row.upper))
        }
        for (j, column) in model.columns.enumerated() {
            let index = Int32(j + 1)
            glp_set_col_name(problem, index, column.name)
            glp_set_col_bnds(
                problem, index, boundType(column.lower, column.upper), finite(column.lower), finite(column.upper))
            glp_set_obj_coef(problem, index, column.cost)
            switch column.kind {
            case .continuous: break
            case .integer: glp_set_col_kind(problem, index, GLP_IV)
            case .binary:
                // GLP_BV would reset the bounds to [0, 1]; integer with the model's bounds keeps fixings.
                glp_set_col_kind(problem, index, GLP_IV)
            }
        }
        loadMatrix(model, into: problem)
    }

    private func loadMatrix(_ model: LinearModel, into problem: OpaquePointer) {
        // GLPK's sparse arrays are 1-based; element 0 is ignored.
        let count = model.coefficients.count
        var rowIndices = [Int32](repeating: 0, count: count + 1)
        var columnIndices = [Int32](repeating: 0, count: count + 1)
        var values = [Double](repeating: 0, count: count + 1)
        for (k, entry) in model.coefficients.enumerated() {
            rowIndices[k + 1] = Int32(entry.row + 1)
            columnIndices[k + 1] = Int32(entry.column + 1)
            values[k + 1] = entry.value
        }
        glp_load_matrix(problem, Int32(count), &rowIndices, &columnIndices, &values)
    }

    private func boundType(_ lower: Double, _ upper: Double) -> Int32 {
        switch (lower.isFinite, upper.isFinite) {
        case (false, false): GLP_FR
        case (true, false): GLP_LO
        case (false, true): GLP_UP
        case (true, true): lower == upper ? GLP_FX : GLP_DB
        }
    }

    private func finite(_ value: Double) -> Double { value.isFinite ? value : 0 }

    // MARK: - LP

    private func solveLinear(
        _ problem: OpaquePointer, model: LinearModel, options: SolverOptions, log: LogCapture, started: Date, held: Basis?
    ) -> SolverResult {
        let code = runSimplexFromWarmStart(problem, model: model, options: options, log: log, started: started, held: held)
        let status = linearStatus(problem, code: code)
        let rows = model.rows.count, columns = model.columns.count
        let hasSolution = status == .optimal
        return SolverResult(
            status: status,
            hasSolution: hasSolution,
            objectiveValue: glp_get_obj_val(problem),
            columnValues: read(columns) { glp_get_col_prim(problem, $0) },
            rowActivities: read(rows) { glp_get_row_prim(problem, $0) },
            rowDuals: options.readsDuals ? read(rows) { glp_get_row_dual(problem, $0) } : nil,
            reducedCosts: options.readsDuals ? read(columns) { glp_get_col_dual(problem, $0) } : nil,
            mipGap: nil,
            basis: hasSolution ? currentBasis(problem, model: model) : nil,
            simplexIterations: Int(glp_get_it_cnt(problem)),
            seconds: Date().timeIntervalSince(started),
            log: log.text)
    }

    /// The basis GLPK holds now, in the model's row and column order.
    private func currentBasis(_ problem: OpaquePointer, model: LinearModel) -> Basis {
        Basis(
            rows: read(model.rows.count) { basisStatus(glp_get_row_stat(problem, $0)) },
            columns: read(model.columns.count) { basisStatus(glp_get_col_stat(problem, $0)) })
    }

    /// `value(1)`, …, `value(count)`: GLPK's 1-based rows or columns in the model's order, written
    /// straight into the array (a `map` over the indices cost four times GLPK's own getters).
    private func read<T>(_ count: Int, _ value: (Int32) -> T) -> [T] {
        [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            for k in 0..<count { (buffer.baseAddress! + k).initialize(to: value(Int32(k + 1))) }
            initialized = count
        }
    }

    /// Runs the simplex from the caller's basis when it fits the model, else from GLPK's advanced
    /// basis; a warm basis GLPK rejects falls back to a fresh start.
    private func runSimplexFromWarmStart(
        _ problem: OpaquePointer, model: LinearModel, options: SolverOptions, log: LogCapture, started: Date, held: Basis? = nil
    ) -> Int32 {
        guard let basis = options.warmStart, basis.rows.count == model.rows.count, basis.columns.count == model.columns.count
        else { return runSimplex(problem, options: options, started: started, advancedBasis: true) }
        // A session's problem still holds the last solve's factorization, LU updates and all; GLPK
        // would start from it, and tied pivots would then go another way than in a fresh problem.
        // Moving one status in or out of the basis marks it invalid, so `basis` is factorized anew
        // (what moving every status to the standard basis did, at a fortieth of the cost).
        // Where the statuses GLPK holds are known, only those that differ are set (setting a
        // status to itself changes nothing in GLPK).
        if !basis.rows.isEmpty {
            let first = glp_get_row_stat(problem, 1)
            glp_set_row_stat(problem, 1, first == GLP_BS ? GLP_NL : GLP_BS)
        }
        let known = held.map { $0.rows.count == basis.rows.count && $0.columns.count == basis.columns.count } ?? false
        for (i, status) in basis.rows.enumerated() where i == 0 || !known || held!.rows[i] != status {
            glp_set_row_stat(problem, Int32(i + 1), glpkStatus(status))
        }
        for (j, status) in basis.columns.enumerated() where !known || held!.columns[j] != status {
            glp_set_col_stat(problem, Int32(j + 1), glpkStatus(status))
        }
        let code = runSimplex(problem, options: options, started: started, advancedBasis: false)
        guard code == GLP_EBADB || code == GLP_ESING || code == GLP_ECOND else { return code }
        log.append("potline: warm-start basis rejected (code \(code)); solving from a fresh basis\n")
        return runSimplex(problem, options: options, started: started, advancedBasis: true)
    }

    private func runSimplex(_ problem: OpaquePointer, options: SolverOptions, started: Date, advancedBasis: Bool)
        -> Int32
    {
        if advancedBasis { glp_adv_basis(problem, 0) }
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        parameters.msg_lev = GLP_MSG_ON
        if let limit = remainingMilliseconds(options, started: started) { parameters.tm_lim = limit }
        // Presolve stays off: it discards the basis and, on an infeasible model, all duals.
        return glp_simplex(problem, &parameters)
    }

    private func linearStatus(_ problem: OpaquePointer, code: Int32) -> TerminationStatus {
        switch code {
        case 0: break
        case GLP_ETMLIM: return .timeLimit
        case GLP_EITLIM: return .iterationLimit
        case GLP_ENOPFS: return .infeasible
        case GLP_ENODFS: return .infeasibleOrUnbounded
        default: return .numericalFailure
        }
        switch glp_get_status(problem) {
        case GLP_OPT: return .optimal
        case GLP_NOFEAS: return .infeasible
        case GLP_UNBND: return .unbounded
        default:
            // Dual simplex can stop with "no dual feasible": the primal is infeasible or unbounded.
            return glp_get_dual_stat(problem) == GLP_NOFEAS ? .infeasibleOrUnbounded : .numericalFailure
        }
    }

    // MARK: - MIP

    private func solveMixedInteger(
        _ problem: OpaquePointer, model: LinearModel, options: SolverOptions, log: LogCapture, started: Date
    ) -> SolverResult {
        // The relaxation starts fresh unless asked (``SolverOptions/warmStartsRelaxation``):
        // measured on the China siting sweep, a warm relaxation made branch-and-bound slower
        // (68 s against 49 s) and, among tied optima, pick other plans than a cold solve.
        let relaxationCode =
            options.warmStartsRelaxation
            ? runSimplexFromWarmStart(problem, model: model, options: options, log: log, started: started)
            : runSimplex(problem, options: options, started: started, advancedBasis: true)
        let relaxation = linearStatus(problem, code: relaxationCode)
        guard relaxation == .optimal else {
            let status: TerminationStatus = relaxation == .unbounded ? .infeasibleOrUnbounded : relaxation
            return emptyResult(status: status, model: model, problem: problem, log: log, started: started)
        }
        let rootBasis = currentBasis(problem, model: model)
        let progress = Unmanaged.passRetained(BranchAndBoundProgress())
        defer { progress.release() }
        var parameters = glp_iocp()
        glp_init_iocp(&parameters)
        parameters.msg_lev = GLP_MSG_ON
        parameters.mip_gap = options.relativeMIPGap
        // Branch on the last fractional integer column (a siting network's retrofits, then
        // closures, then builds), not GLPK's default Driebeck–Tomlin rule, and tighten bounds at
        // the root only, not at every node: measured on China and its 19 scenarios, china_silicon
        // and its 6, and cap41, the branching rule took 0.68× the CPU time (China's tree 227 → 45
        // nodes), every report identical; with preprocessing at the root only, China's default
        // solve takes 18.2 G instructions against 19.4 G at every node (18.3 G with none).
        // Deterministic, as every GLPK rule is.
        parameters.br_tech = GLP_BR_LFV
        parameters.pp_tech = GLP_PP_ROOT
        if let limit = remainingMilliseconds(options, started: started) { parameters.tm_lim = limit }
        parameters.cb_info = progress.toOpaque()
        parameters.cb_func = { tree, info in
            guard let tree, let info else { return }
            let reason = glp_ios_reason(tree)
            if reason == GLP_IBINGO || reason == GLP_ISELECT {
                Unmanaged<BranchAndBoundProgress>.fromOpaque(info).takeUnretainedValue().gap =
                    glp_ios_mip_gap(tree)
            }
        }
        let code = glp_intopt(problem, &parameters)
        let mipStatus = glp_mip_status(problem)
        let hasSolution = mipStatus == GLP_OPT || mipStatus == GLP_FEAS
        let status: TerminationStatus
        switch (code, mipStatus) {
        case (0, GLP_OPT): status = .optimal
        case (0, GLP_NOFEAS), (GLP_ENOPFS, _): status = .infeasible
        case (GLP_ETMLIM, _): status = .timeLimit
        case (GLP_EMIPGAP, _): status = .optimal
        default: status = mipStatus == GLP_NOFEAS ? .infeasible : .numericalFailure
        }
        let recordedGap = progress.takeUnretainedValue().gap
        let gap: Double? =
            if !hasSolution { nil } else if status == .optimal && options.relativeMIPGap == 0 { 0 } else {
                recordedGap
            }
        return SolverResult(
            status: status,
            hasSolution: hasSolution,
            objectiveValue: hasSolution ? glp_mip_obj_val(problem) : .nan,
            columnValues: read(model.columns.count) { glp_mip_col_val(problem, $0) },
            rowActivities: read(model.rows.count) { glp_mip_row_val(problem, $0) },
            rowDuals: nil,
            reducedCosts: nil,
            mipGap: gap,
            basis: rootBasis,
            simplexIterations: Int(glp_get_it_cnt(problem)),
            seconds: Date().timeIntervalSince(started),
            log: log.text)
    }

    private func emptyResult(
        status: TerminationStatus, model: LinearModel, problem: OpaquePointer, log: LogCapture, started: Date
    ) -> SolverResult {
        SolverResult(
            status: status, hasSolution: false, objectiveValue: .nan,
            columnValues: Array(repeating: .nan, count: model.columns.count),
            rowActivities: Array(repeating: .nan, count: model.rows.count),
            rowDuals: nil, reducedCosts: nil, mipGap: nil, basis: nil,
            simplexIterations: Int(glp_get_it_cnt(problem)),
            seconds: Date().timeIntervalSince(started), log: log.text)
    }

    private func remainingMilliseconds(_ options: SolverOptions, started: Date) -> Int32? {
        guard let limit = options.timeLimitSeconds else { return nil }
        let left = limit - Date().timeIntervalSince(started)
        return Int32(clamping: Int(max(1, (left * 1000).rounded(.up)).clamped(to: 1...Double(Int32.max))))
    }

    // MARK: - Basis status mapping

    private func glpkStatus(_ status: BasisStatus) -> Int32 {
        switch status {
        case .basic: GLP_BS
        case .atLower: GLP_NL
        case .atUpper: GLP_NU
        case .free: GLP_NF
        case .fixed: GLP_NS
        }
    }

    private func basisStatus(_ status: Int32) -> BasisStatus {
        switch status {
        case GLP_BS: .basic
        case GLP_NU: .atUpper
        case GLP_NF: .free
        case GLP_NS: .fixed
        default: .atLower
        }
    }
}

/// Collects GLPK's terminal output for one solve.
private final class LogCapture {
    private(set) var text = ""
    func append(_ line: String) { text += line }
    /// Empties the log between the solves of a session.
    func clear() { text = "" }
}

/// Last relative gap GLPK reported during branch-and-bound.
private final class BranchAndBoundProgress {
    var gap: Double?
}

extension Comparable {
    fileprivate func clamped(to range: ClosedRange<Self>) -> Self { min(max(self, range.lowerBound), range.upperBound) }
}
