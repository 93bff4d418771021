import PotlineResults
import PotlineStudies
import PotlineUnits

extension HTMLReport {
    /// Bins of the cost and regret histograms.
    static let histogramBins = 10

    /// A robust study: how often each plan and decision wins, the spread of the total cost, what
    /// holding the deterministic plan risks (regret), the inputs that drive the answer, and the
    /// delivered-cost ranges of the main product.
    public static func robust(_ study: RobustStudy) -> String {
        let n = study.samples.count
        var body = "<h1>\(Markup.escape(study.network)) — robust study of \(n) samples</h1>"
        body += "<p class=\"status\">Latin hypercube, seed \(study.seed), \(study.factors.count) uncertain inputs"
            + (study.scenarioFiles.isEmpty ? "" : ", scenarios \(Markup.escape(study.scenarioFiles.joined(separator: " + ")))") + ".</p>"

        let deterministic = study.plans.first { $0.plan.label == study.deterministicPlan }
        var headline = "The deterministic plan (<b>\(Markup.escape(study.deterministicPlan))</b>, optimal at the network's own values) "
            + "is the optimum in <b id=\"deterministic-share\">\(Format.percent(deterministic?.share ?? 0))</b> of the samples"
        if let mean = study.regret.meanYuan, let p90 = study.regret.p90Yuan {
            headline += "; holding it costs \(Format.millionYuan(mean)) M yuan/y more on average than each sample's own optimum "
                + "(P90 \(Format.millionYuan(p90)) M yuan/y)"
        }
        if let cost = study.totalCostYuan {
            headline += ". Total delivered cost P10–P90: \(Format.millionYuan(cost.p10))–\(Format.millionYuan(cost.p90)) M yuan/y"
        }
        body += "<section class=\"headline\"><p>\(headline).</p></section>"

        let shown = RobustReport.shownPlans(study)
        body += "<section><h2>Plans: share of samples whose optimum each is</h2>"
            + Charts.bars(
                shown.map { share in
                    let what = share.plan.sites.isEmpty ? "" : " (" + share.plan.sites.prefix(3).joined(separator: ", ") + (share.plan.sites.count > 3 ? ", …" : "") + ")"
                    return (label: share.plan.label + what, parts: [(name: "share", value: share.share * 100)])
                }, unit: "% of samples")
            + (shown.count < study.plans.count ? "<p class=\"note\">\(study.plans.count - shown.count) rarer plans not shown.</p>" : "")
            + "</section>"

        let decisions = study.decisions.filter { !$0.decision.hasPrefix("make ") }.prefix(20)
        if !decisions.isEmpty {
            body += "<section><h2>Siting decisions: share of samples that take each</h2>"
                + Charts.bars(
                    decisions.map { (label: $0.decision + ($0.inDeterministicPlan ? " ✓" : ""), parts: [(name: "share", value: $0.share * 100)]) },
                    unit: "% of samples")
                + "<p class=\"note\">✓: in the deterministic plan.</p></section>"
        }

        let costs = study.samples.compactMap(\.totalCostYuan).map { $0 / 1e6 }
        if !costs.isEmpty {
            body += "<section><h2>Total delivered cost over the samples</h2>" + Charts.bars(histogram(costs), unit: "samples", decimals: 0)
                + "<p class=\"note\">Each bar: the samples whose optimum costs within the range, M yuan/y.</p></section>"
        }
        let regrets = study.samples.compactMap(\.regretYuan).map { $0 / 1e6 }
        if !regrets.isEmpty {
            body += "<section><h2>Regret of the deterministic plan</h2>" + Charts.bars(histogram(regrets), unit: "samples", decimals: 0)
                + "<p class=\"note\">What holding the deterministic plan's sites costs above each sample's own optimum, M yuan/y; "
                + "\(study.regret.planInfeasibleSamples) samples where the plan cannot be operated are not counted.</p></section>"
        }

        let drivers = study.drivers.filter { $0.costCorrelation != nil }.sorted { abs($0.costCorrelation!) > abs($1.costCorrelation!) }.prefix(12)
        if !drivers.isEmpty {
            body += "<section><h2>What drives the total cost</h2>"
                + Charts.bars(drivers.map { (label: $0.factor, parts: [(name: "correlation", value: $0.costCorrelation!)]) }, unit: "rank correlation with the total cost", diverging: true, decimals: 2)
                + "</section>"
        }

        if let product = study.deliveredCosts.first?.commodity {
            let rows = study.deliveredCosts.filter { $0.commodity == product }.compactMap { range -> [(String, Bool)]? in
                guard let p = range.marginalCostYuanPerTonne else { return nil }
                return [(range.region, false), (Format.number(p.p10), true), (Format.number(p.p50), true), (Format.number(p.p90), true), (Format.number(p.mean), true)]
            }
            body += "<section class=\"page\"><h2>Marginal delivered \(Markup.escape(product)), yuan/t</h2>"
                + Markup.table(["region", "P10", "P50", "P90", "mean"], rows) + "</section>"
        }
        body += "<section class=\"page\"><h2>Uncertain inputs</h2>" + Markup.table(
            ["factor", "distribution", "low", "high", "apply", "source"],
            study.factors.map {
                [($0.name, false), ($0.distribution, false), (NumberText.format($0.low), true), (NumberText.format($0.high), true),
                 ($0.apply.rawValue, false), ($0.source, false)]
            })
        if !study.infeasibleSamples.isEmpty {
            body += "<p>\(study.infeasibleSamples.count) samples are infeasible (see the text or JSON report for their unmet demands).</p>"
        }
        body += "</section>"
        return page(title: "\(study.network) robust study — Potline", body: body)
    }

    /// Equal-width bins over the values' range, labelled by their bounds, counting the values in each.
    static func histogram(_ values: [Double]) -> [(label: String, parts: [(name: String, value: Double)])] {
        guard let low = values.min(), let high = values.max() else { return [] }
        guard high > low else { return [(label: Format.number(low, decimals: 1), parts: [(name: "samples", value: Double(values.count))])] }
        let width = (high - low) / Double(histogramBins)
        var counts = Array(repeating: 0, count: histogramBins)
        for value in values { counts[min(histogramBins - 1, Int((value - low) / width))] += 1 }
        return counts.enumerated().map { bin, count in
            let from = low + Double(bin) * width
            return (label: "\(Format.number(from, decimals: 1))–\(Format.number(from + width, decimals: 1))", parts: [(name: "samples", value: Double(count))])
        }
    }
}
