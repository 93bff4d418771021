import PotlineUnits
import PotlineStudies

extension SweepBenchmark {
    /// The benchmark as a text table: one row per way of running the sweep.
    public func render() -> String {
        var table = TextTable([
            ("way", .left), ("solves", .right), ("simplex iterations", .right), ("wall time", .right),
            ("speedup", .right), ("same results", .left),
        ])
        for run in runs {
            table.add([
                run.name, String(run.solves), Format.number(Double(run.simplexIterations)), Format.seconds(run.wallSeconds),
                Format.number(run.speedup, decimals: 2) + "×", run.sameResultsAsBaseline ? "yes" : "NO",
            ])
        }
        return "Benchmark of the sweep of \(parameter) on \(network): \(values) values, fastest of \(repeats) "
            + (repeats == 1 ? "run" : "runs") + " each, against cold serial solves that rebuild the model at every value\n" + table.render() + "\n"
    }
}
