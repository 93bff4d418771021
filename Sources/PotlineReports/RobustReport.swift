import Foundation
import LinearModel
import PotlineFiles
import PotlineFormulation
import PotlineNetwork
import PotlineResults
import PotlineSolve
import PotlineStudies

/// A robust study as a person reads it: plan shares, decision shares, cost ranges, regret,
/// drivers and infeasible samples; and its tables as CSV.
public enum RobustReport {
    /// Drivers shown in the text report.
    static let shownDrivers = 8
    /// Plans shown in the text report (besides the deterministic plan).
    static let shownPlans = 10

    /// The commonest plans and the deterministic one: plans that differ only in routes can be as
    /// many as the samples (the text and the HTML page show the same ones).
    static func shownPlans(_ study: RobustStudy) -> [RobustStudy.PlanShare] {
        study.plans.enumerated().filter { $0.offset < shownPlans || $0.element.plan.label == study.deterministicPlan }.map(\.element)
    }

    public static func render(_ study: RobustStudy) -> String {
        var out: [String] = []
        let n = study.samples.count
        out.append(
            "Robust study of \(study.network)" + (study.scenarioFiles.isEmpty ? "" : " with \(study.scenarioFiles.joined(separator: " + "))")
                + ": \(n) samples (Latin hypercube, seed \(study.seed)), \(study.factors.count) uncertain factors")
        let statistics = study.statistics
        out.append(
            "\(statistics.solves) solves in \(Format.seconds(statistics.wallSeconds))"
                + (statistics.shards > 1 ? " (added up over \(statistics.shards) shards)" : "")
                + " on \(statistics.threads) " + (statistics.threads == 1 ? "thread" : "threads")
                + (statistics.shards > 1 ? " each" : "")
                + " (\(Format.number(statistics.secondsPerSample, decimals: 3)) s per sample)")
        out.append("")
        var factors = TextTable([("factor", .left), ("distribution", .left), ("low", .right), ("high", .right), ("apply", .left), ("targets", .left)])
        for f in study.factors {
            factors.add([f.name, f.distribution, NumberText.format(f.low), NumberText.format(f.high), f.apply.rawValue, f.targets.joined(separator: ", ")])
        }
        out.append("Uncertain inputs:")
        out.append(factors.render())

        out.append("Plans (share of samples; \(study.deterministicPlan) is the deterministic plan, optimal at the network's own values):")
        var plans = TextTable([("plan", .left), ("samples", .right), ("share", .right), ("sites / plants", .left)])
        // Plans that differ only in routes can be as many as the samples: show the commonest and the deterministic one.
        let shown = shownPlans(study)
        for p in shown {
            let what = p.plan.status != .optimal ? p.plan.status.words : (p.plan.sites.isEmpty ? "plants " + p.plan.plants.joined(separator: ", ") : p.plan.sites.joined(separator: ", "))
            plans.add([p.plan.label + (p.plan.label == study.deterministicPlan ? " (deterministic)" : ""), String(p.samples), Format.percent(p.share), what])
        }
        out.append(plans.render())
        if shown.count < study.plans.count {
            let rest = study.plans.filter { p in !shown.contains { $0.plan.label == p.plan.label } }
            out.append("  … and \(rest.count) more plans, each in at most \(rest.map(\.samples).max() ?? 0) samples (all in --json and plans.csv)")
        }
        // The same samples grouped by their siting decisions alone, whatever their routes.
        var bySites: [[String]: Int] = [:]
        for p in study.plans where p.plan.status == .optimal && !p.plan.sites.isEmpty { bySites[p.plan.sites, default: 0] += p.samples }
        if bySites.count > 0 && bySites.count < study.plans.count {
            out.append("Siting plans (samples grouped by their builds, closures and retrofits):")
            var sites = TextTable([("samples", .right), ("share", .right), ("sites", .left)])
            for (list, count) in bySites.sorted(by: { ($0.value, $1.key.joined()) > ($1.value, $0.key.joined()) }) {
                sites.add([String(count), Format.percent(Double(count) / Double(max(1, n))), list.joined(separator: ", ")])
            }
            out.append(sites.render())
        }

        out.append("Decisions (share of samples taking each; t/y over those samples):")
        var decisions = TextTable([("decision", .left), ("share", .right), ("P10", .right), ("P50", .right), ("P90", .right), ("deterministic plan", .left)])
        for d in study.decisions {
            decisions.add([
                d.decision, Format.percent(d.share), Format.optional(d.value?.p10), Format.optional(d.value?.p50), Format.optional(d.value?.p90),
                d.inDeterministicPlan ? "yes" : "no",
            ])
        }
        out.append(decisions.render())

        if let cost = study.totalCostYuan {
            out.append(
                "Total cost M yuan/y: P10 \(Format.millionYuan(cost.p10)), P50 \(Format.millionYuan(cost.p50)), "
                    + "P90 \(Format.millionYuan(cost.p90)), mean \(Format.millionYuan(cost.mean))")
        }
        out.append("")
        var delivered = TextTable([("demand", .left), ("marginal P10", .right), ("P50", .right), ("P90", .right), ("average P10", .right), ("P50", .right), ("P90", .right)])
        for d in study.deliveredCosts {
            delivered.add([
                "\(d.region) \(d.commodity) yuan/t", Format.optional(d.marginalCostYuanPerTonne?.p10), Format.optional(d.marginalCostYuanPerTonne?.p50),
                Format.optional(d.marginalCostYuanPerTonne?.p90), Format.optional(d.averageCostYuanPerTonne?.p10),
                Format.optional(d.averageCostYuanPerTonne?.p50), Format.optional(d.averageCostYuanPerTonne?.p90),
            ])
        }
        out.append("Delivered cost per demand:")
        out.append(delivered.render())

        let r = study.regret
        out.append(
            "Regret of the deterministic plan (its decisions fixed, operations re-solved, against each sample's optimum), M yuan/y: "
                + "mean \(Format.optional(r.meanYuan.map { $0 / 1e6 }, decimals: 1)), P90 \(Format.optional(r.p90Yuan.map { $0 / 1e6 }, decimals: 1)), "
                + "max \(Format.optional(r.maxYuan.map { $0 / 1e6 }, decimals: 1)) over \(r.samples) samples; "
                + "optimal in \(r.zeroRegretShare.map(Format.percent) ?? "–") of them"
                + (r.planInfeasibleSamples > 0 ? "; cannot be operated in \(r.planInfeasibleSamples) samples" : ""))
        if let plan = study.stochastic { out += stochasticSection(plan, study: study) }
        out.append("")
        out.append("Drivers (Spearman rank correlation of each input with the total cost and with the decisions it moves most):")
        var drivers = TextTable([("factor", .left), ("ρ cost", .right), ("strongest decision", .left), ("ρ", .right)])
        for d in study.drivers.prefix(shownDrivers) {
            let top = d.decisionCorrelations.max { abs($0.value) < abs($1.value) || (abs($0.value) == abs($1.value) && $0.key > $1.key) }
            drivers.add([d.factor, Format.optional(d.costCorrelation, decimals: 2), top?.key ?? "–", Format.optional(top?.value, decimals: 2)])
        }
        out.append(drivers.render())

        if study.infeasibleSamples.isEmpty {
            out.append("Every sample is feasible.")
        } else {
            out.append("\(study.infeasibleSamples.count) of \(n) samples have no feasible plan:")
            for s in study.infeasibleSamples {
                let inputs = zip(study.factors, s.inputs).map { "\($0.name) = \(NumberText.format($1))" }.joined(separator: ", ")
                let unmet = s.unmetDemands.map { "\($0.region) \($0.commodity) short \(Format.kilotonnes($0.unmetTonnesPerYear)) kt/y" }
                let why = s.infeasibleConstraints.isEmpty ? "" : "; relaxing \(s.infeasibleConstraints.joined(separator: " or ")) would make it feasible"
                out.append("  sample \(s.index + 1) (\(inputs)): \(s.status.words)" + (unmet.isEmpty ? "" : ": " + unmet.joined(separator: ", ")) + why)
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The two-stage plan beside the deterministic one: its decisions, the expected costs and the
    /// value of the stochastic solution and of perfect information.
    static func stochasticSection(_ plan: StochasticPlan, study: RobustStudy) -> [String] {
        func m(_ yuan: Double?) -> String { yuan.map { Format.number($0 / 1e6, decimals: 1) } ?? "–" }
        var out = [""]
        let risk = plan.risk.map { " + CVaR at α = \(NumberText.format($0.alpha)) with weight \(NumberText.format($0.weight))" } ?? ""
        out.append(
            "Stochastic plan (two-stage over \(plan.samples) samples: siting shared, operations per sample; minimising expected cost\(risk)): "
                + "\(plan.status.words), objective \(m(plan.objectiveYuan)) M yuan/y"
                + (plan.mipGap.map { ", MIP gap \(Format.percent($0))" } ?? "")
                + "; \(Format.number(Double(plan.modelRows))) rows, \(Format.number(Double(plan.modelColumns))) columns, "
                + "solved in \(Format.seconds(plan.solveSeconds))")
        let sites = plan.decisions.sorted { $0.key < $1.key }.map { key, value in
            key.hasPrefix("build ") ? "\(key) \(Format.kilotonnes(value)) kt/y" : key
        }
        let deterministic = study.deterministic.decisions.filter { !$0.key.hasPrefix("make ") }.sorted { $0.key < $1.key }.map { key, value in
            key.hasPrefix("build ") ? "\(key) \(Format.kilotonnes(value)) kt/y" : key
        }
        out.append("  stochastic plan:    " + (sites.isEmpty ? "no siting decisions" : sites.joined(separator: ", ")))
        out.append("  deterministic plan: " + (deterministic.isEmpty ? "no siting decisions" : deterministic.joined(separator: ", ")))
        out.append(
            "  over \(plan.evaluatedSamples) of \(study.samples.count) samples (where both plans and the sample itself solve), M yuan/y: "
                + "expected cost of the stochastic plan (RP) \(m(plan.expectedCostYuan)), of the deterministic plan (EEV) "
                + "\(m(plan.deterministicExpectedCostYuan)), with perfect information (WS) \(m(plan.waitAndSeeCostYuan))")
        out.append(
            "  value of the stochastic solution (VSS) \(m(plan.valueOfStochasticSolutionYuan)) M yuan/y; "
                + "expected value of perfect information (EVPI) \(m(plan.expectedValueOfPerfectInformationYuan)) M yuan/y"
                + (study.regret.planInfeasibleSamples > plan.planInfeasibleSamples
                    ? " (over all the samples the deterministic plan's expected cost, and so the VSS, is unbounded: "
                        + "it cannot be operated in \(study.regret.planInfeasibleSamples) of them)" : ""))
        out.append(
            "  regret of the stochastic plan, M yuan/y: mean \(m(plan.regret.meanYuan)), P90 \(m(plan.regret.p90Yuan)), "
                + "max \(m(plan.regret.maxYuan)); it cannot be operated in \(plan.planInfeasibleSamples) samples, "
                + "the deterministic plan in \(study.regret.planInfeasibleSamples)")
        if plan.risk != nil {
            out.append(
                "  CVaR of the cost, M yuan/y: stochastic plan \(m(plan.cvarYuan)), deterministic plan \(m(plan.deterministicCvarYuan))")
        }
        return out
    }

    /// The study's tables (`--out`, `--xlsx`): factors, samples (inputs, status, cost, plan,
    /// regret), plans, decisions, delivered costs, drivers, infeasible samples.
    public static func tables(_ study: RobustStudy) -> [ResultTable] {
        typealias Schema = ResultTableSchema
        return [
            ResultTable(
                Schema.robustFactors,
                rows: study.factors.map {
                    [
                        .text($0.name), .text($0.distribution), .number($0.low), .number($0.high), .text($0.apply.rawValue),
                        .text($0.targets.joined(separator: " ")), .text($0.source),
                    ]
                }),
            ResultTable(
                Schema.robustSamples, items: ["factor": study.factors.map(\.name)],
                rows: study.samples.map { s in
                    [.integer(s.index)] + s.inputs.map { .number($0) }
                        + [
                            .text(s.status.rawValue), .number(s.totalCostYuan), .text(s.plan), .number(s.deterministicPlanCostYuan), .number(s.regretYuan),
                            .number(s.stochasticPlanCostYuan), .number(s.solveSeconds),
                        ]
                }),
            ResultTable(
                Schema.robustPlans,
                rows: study.plans.map {
                    [
                        .text($0.plan.label), .integer($0.samples), .number($0.share), .text($0.plan.status.rawValue),
                        .text($0.plan.sites.joined(separator: "; ")), .text($0.plan.plants.joined(separator: "; ")),
                    ]
                }),
            ResultTable(
                Schema.robustDecisions,
                rows: study.decisions.map {
                    [
                        .text($0.decision), .integer($0.samples), .number($0.share), .number($0.value?.p10), .number($0.value?.p50),
                        .number($0.value?.p90), .number($0.value?.mean), .flag($0.inDeterministicPlan),
                    ]
                }),
            ResultTable(
                Schema.robustDeliveredCosts,
                rows: study.deliveredCosts.map { d in
                    [
                        .text(d.region), .text(d.commodity), .number(d.marginalCostYuanPerTonne?.p10), .number(d.marginalCostYuanPerTonne?.p50),
                        .number(d.marginalCostYuanPerTonne?.p90), .number(d.averageCostYuanPerTonne?.p10), .number(d.averageCostYuanPerTonne?.p50),
                        .number(d.averageCostYuanPerTonne?.p90),
                    ]
                }),
            ResultTable(
                Schema.robustDrivers,
                rows: study.drivers.flatMap { d in
                    [[.text(d.factor), .text("total_cost"), .number(d.costCorrelation)]]
                        + d.decisionCorrelations.sorted { $0.key < $1.key }.map { [.text(d.factor), .text($0.key), .number($0.value)] }
                }),
            ResultTable(
                Schema.robustInfeasibleSamples,
                rows: study.infeasibleSamples.map { s in
                    [
                        .integer(s.index), .text(s.status.rawValue),
                        .text(s.unmetDemands.map { "\($0.region) \($0.commodity) \(CSVFile.number($0.unmetTonnesPerYear))" }.joined(separator: "; ")),
                        .text(s.infeasibleConstraints.joined(separator: "; ")),
                    ]
                }),
        ]
    }
}
