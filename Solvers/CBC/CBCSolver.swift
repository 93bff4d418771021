import CCbc
import Foundation
import LinearModel

/// The COIN-OR backend (Debian's coinor-libcbc-dev): Clp's simplex for LPs, CBC's
/// branch-and-cut for MIPs.
///
/// Like the GLPK backend, every call validates the model in Swift first (COIN-OR aborts or
/// throws C++ exceptions on bad indices, which Swift cannot catch), then creates, solves, reads
/// and deletes the C model inside one synchronous function. The C API of CBC 2.10 has no row
/// duals, so LPs go straight to Clp, which gives duals, reduced costs and a basis. CBC's solver
/// driver keeps state in globals, so MIP solves are serialised by a lock; LP solves run in
/// parallel. Both libraries are silenced (log level 0); the result's log is a summary written here.
public struct CBCSolver: LinearSolver {
    public init() {}

    public func solve(_ model: LinearModel, options: SolverOptions = SolverOptions()) throws -> SolverResult {
        try model.validate()
        try options.validate()
        let started = Date()
        let matrix = ColumnMatrix(model)
        var result =
            model.isMixedInteger
            ? mipLock.withLock { solveMixedInteger(model, matrix: matrix, options: options, started: started) }
            : solveLinear(model, matrix: matrix, options: options, started: started)
        result.rejectPointBreaking(model)
        return result
    }

    /// Writes free MPS (through Clp) or CPLEX LP (through CBC's writer, which states a maximisation as
    /// minimising the negated objective). COIN-OR throws a C++
    /// exception when it cannot open a file, so it writes into a fresh temporary folder and the
    /// file is then moved into place by Swift, which reports an unwritable destination as an error.
    public func write(_ model: LinearModel, format: ModelFileFormat, to path: String) throws {
        try model.validate(forFiles: true)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("potline-cbc-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw SolverError("could not write \(path): no temporary folder (\(error.localizedDescription))")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let stem = folder.appendingPathComponent("model").path
        let written: String
        let matrix = ColumnMatrix(model)
        switch format {
        case .mps:
            written = stem + ".mps"
            let code = withClpModel(model, matrix: matrix, names: true) { clp in
                Clp_writeMps(clp, written, 0, 1, model.sense == .minimize ? 1 : -1)
            }
            if code != 0 { throw SolverError("could not write \(path): Clp's MPS writer returned \(code)") }
        case .cplexLP:
            written = stem + ".lp"
            mipLock.withLock {
                withCbcModel(model, matrix: matrix, names: true) { cbc in Cbc_writeLp(cbc, stem) }
            }
        }
        guard FileManager.default.fileExists(atPath: written) else {
            throw SolverError("could not write \(path): the COIN-OR writer produced no file")
        }
        do {
            let destination = URL(fileURLWithPath: path)
            if FileManager.default.fileExists(atPath: path) {
                _ = try FileManager.default.replaceItemAt(destination, withItemAt: URL(fileURLWithPath: written))
            } else {
                try FileManager.default.moveItem(at: URL(fileURLWithPath: written), to: destination)
            }
        } catch {
            throw SolverError("could not write \(path): \(error.localizedDescription)")
        }
    }

    // MARK: - LP (Clp)

    private func solveLinear(_ model: LinearModel, matrix: ColumnMatrix, options: SolverOptions, started: Date)
        -> SolverResult
    {
        withClpModel(model, matrix: matrix, names: false) { clp in
            var log = ""
            if let limit = options.timeLimitSeconds { Clp_setMaximumSeconds(clp, limit) }
            let warm = options.warmStart.flatMap { basis in
                basis.rows.count == model.rows.count && basis.columns.count == model.columns.count ? basis : nil
            }
            if let warm {
                for (i, status) in warm.rows.enumerated() { Clp_setRowStatus(clp, Int32(i), clpStatus(status)) }
                for (j, status) in warm.columns.enumerated() { Clp_setColumnStatus(clp, Int32(j), clpStatus(status)) }
                // The dual simplex from the given basis; no presolve, which would discard it.
                Clp_dual(clp, 0)
                log += "Clp: dual simplex from the given basis\n"
            } else {
                Clp_initialSolve(clp)
                log += "Clp: initial solve (presolve, crash, dual simplex)\n"
            }
            let status = linearStatus(clp)
            let rowCount = model.rows.count
            let columnCount = model.columns.count
            let hasSolution = status == .optimal
            let columns = Array(UnsafeBufferPointer(start: Clp_getColSolution(clp), count: columnCount))
            let activities = Array(UnsafeBufferPointer(start: Clp_getRowActivity(clp), count: rowCount))
            let duals = Array(UnsafeBufferPointer(start: Clp_getRowPrice(clp), count: rowCount))
            let reduced = Array(UnsafeBufferPointer(start: Clp_getReducedCost(clp), count: columnCount))
            let objective = Clp_getObjValue(clp) + model.objectiveConstant
            let iterations = Int(Clp_getIterationCount(clp))
            log += "Clp \(String(cString: Clp_Version())): \(status.words), objective \(objective), \(iterations) iterations\n"
            return SolverResult(
                status: status, hasSolution: hasSolution, objectiveValue: hasSolution ? objective : .nan,
                columnValues: columns, rowActivities: activities, rowDuals: duals, reducedCosts: reduced,
                mipGap: nil,
                basis: hasSolution
                    ? Basis(
                        rows: (0..<rowCount).map { basisStatus(Clp_getRowStatus(clp, Int32($0))) },
                        columns: (0..<columnCount).map { basisStatus(Clp_getColumnStatus(clp, Int32($0))) })
                    : nil,
                simplexIterations: iterations, seconds: Date().timeIntervalSince(started), log: log)
        }
    }

    /// Clp's problem status (0 optimal, 1 primal infeasible, 2 dual infeasible, 3 stopped on
    /// iterations or time, 4 errors) with its secondary status (9: stopped on time).
    private func linearStatus(_ clp: UnsafeMutableRawPointer) -> TerminationStatus {
        switch Clp_status(clp) {
        case 0: .optimal
        case 1: .infeasible
        case 2: Clp_isProvenPrimalInfeasible(clp) != 0 ? .infeasibleOrUnbounded : .unbounded
        case 3: Clp_secondaryStatus(clp) == 9 ? .timeLimit : .iterationLimit
        default: .numericalFailure
        }
    }

    /// Loads `model` into a new Clp model, runs `body` and deletes the model, on this thread.
    private func withClpModel<T>(_ model: LinearModel, matrix: ColumnMatrix, names: Bool, _ body: (UnsafeMutableRawPointer) -> T)
        -> T
    {
        let clp = Clp_newModel()!
        defer { Clp_deleteModel(clp) }
        Clp_setLogLevel(clp, 0)
        load(model, matrix: matrix, into: clp, with: Clp_loadProblem)
        Clp_setOptimizationDirection(clp, model.sense == .minimize ? 1 : -1)
        if names {
            var flags = model.columns.map { CChar($0.kind == .continuous ? 0 : 1) }
            if flags.contains(1) { Clp_copyInIntegerInformation(clp, &flags) }
            for (i, row) in model.rows.enumerated() {
                var name = Array(row.name.utf8CString)
                Clp_setRowName(clp, Int32(i), &name)
            }
            for (j, column) in model.columns.enumerated() {
                var name = Array(column.name.utf8CString)
                Clp_setColumnName(clp, Int32(j), &name)
            }
        }
        return body(clp)
    }

    // MARK: - MIP (CBC)

    private func solveMixedInteger(_ model: LinearModel, matrix: ColumnMatrix, options: SolverOptions, started: Date)
        -> SolverResult
    {
        withCbcModel(model, matrix: matrix, names: false) { cbc in
            // The driver reads these as its command line; "log 0" keeps stdout clean.
            Cbc_setParameter(cbc, "log", "0")
            Cbc_setParameter(cbc, "slog", "0")
            Cbc_setParameter(cbc, "ratioGap", "\(options.relativeMIPGap)")
            if let limit = options.timeLimitSeconds {
                Cbc_setParameter(cbc, "timeMode", "elapsed")
                Cbc_setParameter(cbc, "seconds", "\(max(limit - Date().timeIntervalSince(started), 0.001))")
            }
            Cbc_solve(cbc)
            let columnCount = model.columns.count
            let rowCount = model.rows.count
            let hasIncumbent = Cbc_bestSolution(cbc) != nil
            let status: TerminationStatus
            if Cbc_isProvenOptimal(cbc) != 0 {
                status = .optimal
            } else if Cbc_isProvenInfeasible(cbc) != 0 {
                status = .infeasible
            } else if Cbc_isContinuousUnbounded(cbc) != 0 {
                status = .infeasibleOrUnbounded
            } else if Cbc_isSecondsLimitReached(cbc) != 0 {
                status = .timeLimit
            } else if Cbc_isAbandoned(cbc) != 0 {
                status = .numericalFailure
            } else {
                status = .iterationLimit
            }
            let hasSolution = hasIncumbent && (status == .optimal || status == .timeLimit)
            let objective = Cbc_getObjValue(cbc) + model.objectiveConstant
            let bound = Cbc_getBestPossibleObjValue(cbc) + model.objectiveConstant
            let gap: Double? =
                if !hasSolution { nil } else if status == .optimal && options.relativeMIPGap == 0 { 0 } else {
                    abs(objective - bound) / max(abs(objective), 1e-10)
                }
            let columns =
                hasSolution
                ? Array(UnsafeBufferPointer(start: Cbc_getColSolution(cbc), count: columnCount))
                : Array(repeating: .nan, count: columnCount)
            let activities =
                hasSolution
                ? Array(UnsafeBufferPointer(start: Cbc_getRowActivity(cbc), count: rowCount))
                : Array(repeating: .nan, count: rowCount)
            let iterations = Int(Cbc_getIterationCount(cbc))
            let log = """
                CBC \(String(cString: Cbc_getVersion())) branch-and-cut: \(status.words), objective \(objective), \
                best bound \(bound), \(Cbc_getNodeCount(cbc)) nodes, \(iterations) iterations

                """
            return SolverResult(
                status: status, hasSolution: hasSolution, objectiveValue: hasSolution ? objective : .nan,
                columnValues: columns, rowActivities: activities, rowDuals: nil, reducedCosts: nil, mipGap: gap,
                basis: nil, simplexIterations: iterations, seconds: Date().timeIntervalSince(started), log: log)
        }
    }

    /// Loads `model` into a new CBC model, runs `body` and deletes the model, on this thread.
    /// Callers hold `mipLock`: CBC's driver state is global.
    private func withCbcModel<T>(_ model: LinearModel, matrix: ColumnMatrix, names: Bool, _ body: (UnsafeMutableRawPointer) -> T)
        -> T
    {
        let cbc = Cbc_newModel()!
        defer { Cbc_deleteModel(cbc) }
        Cbc_setLogLevel(cbc, 0)
        load(model, matrix: matrix, into: cbc, with: Cbc_loadProblem)
        Cbc_setObjSense(cbc, model.sense == .minimize ? 1 : -1)
        for (j, column) in model.columns.enumerated() where column.kind != .continuous { Cbc_setInteger(cbc, Int32(j)) }
        if names {
            Cbc_setProblemName(cbc, model.name)
            for (i, row) in model.rows.enumerated() { Cbc_setRowName(cbc, Int32(i), row.name) }
            for (j, column) in model.columns.enumerated() { Cbc_setColName(cbc, Int32(j), column.name) }
        }
        return body(cbc)
    }

    // MARK: - Basis status mapping (Clp: 0 free, 1 basic, 2 at upper, 3 at lower, 4 superbasic, 5 fixed)

    private func clpStatus(_ status: BasisStatus) -> Int32 {
        switch status {
        case .free: 0
        case .basic: 1
        case .atUpper: 2
        case .atLower: 3
        case .fixed: 5
        }
    }

    private func basisStatus(_ status: Int32) -> BasisStatus {
        switch status {
        case 0, 4: .free
        case 1: .basic
        case 2: .atUpper
        case 5: .fixed
        default: .atLower
        }
    }
}

/// CBC's solver driver (CbcMain1) keeps its parameter parser in globals: one MIP at a time.
private let mipLock = NSLock()

/// The constraint matrix in compressed sparse columns, as COIN-OR loads it.
private struct ColumnMatrix {
    var starts: [Int32]
    var rowIndices: [Int32]
    var values: [Double]

    init(_ model: LinearModel) {
        var starts = [Int32](repeating: 0, count: model.columns.count + 1)
        for entry in model.coefficients { starts[entry.column + 1] += 1 }
        for j in 0..<model.columns.count { starts[j + 1] += starts[j] }
        var next = starts
        var rowIndices = [Int32](repeating: 0, count: model.coefficients.count)
        var values = [Double](repeating: 0, count: model.coefficients.count)
        for entry in model.coefficients {
            let k = Int(next[entry.column])
            rowIndices[k] = Int32(entry.row)
            values[k] = entry.value
            next[entry.column] += 1
        }
        self.starts = starts
        self.rowIndices = rowIndices
        self.values = values
    }
}

/// Bounds and costs with infinities as COIN-OR's infinity (DBL_MAX).
/// `Clp_loadProblem` and `Cbc_loadProblem`: the same arguments, a column-major matrix and its bounds.
private typealias LoadProblem = @convention(c) (
    UnsafeMutableRawPointer?, Int32, Int32, UnsafePointer<Int32>?, UnsafePointer<Int32>?, UnsafePointer<Double>?,
    UnsafePointer<Double>?, UnsafePointer<Double>?, UnsafePointer<Double>?, UnsafePointer<Double>?, UnsafePointer<Double>?
) -> Void

/// Loads `model` into a new Clp or CBC problem through that API's `loadProblem`.
private func load(_ model: LinearModel, matrix: ColumnMatrix, into problem: UnsafeMutableRawPointer, with loadProblem: LoadProblem) {
    let bounds = Bounds(model)
    matrix.starts.withUnsafeBufferPointer { starts in
        matrix.rowIndices.withUnsafeBufferPointer { indices in
            matrix.values.withUnsafeBufferPointer { values in
                loadProblem(
                    problem, Int32(model.columns.count), Int32(model.rows.count), starts.baseAddress, indices.baseAddress,
                    values.baseAddress, bounds.columnLower, bounds.columnUpper, bounds.cost, bounds.rowLower, bounds.rowUpper)
            }
        }
    }
}

private struct Bounds {
    var columnLower: [Double]
    var columnUpper: [Double]
    var cost: [Double]
    var rowLower: [Double]
    var rowUpper: [Double]

    init(_ model: LinearModel) {
        func coin(_ value: Double) -> Double {
            value == .infinity ? .greatestFiniteMagnitude : value == -.infinity ? -.greatestFiniteMagnitude : value
        }
        columnLower = model.columns.map { coin($0.lower) }
        columnUpper = model.columns.map { coin($0.upper) }
        cost = model.columns.map(\.cost)
        rowLower = model.rows.map { coin($0.lower) }
        rowUpper = model.rows.map { coin($0.upper) }
    }
}
