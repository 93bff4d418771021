import Foundation
import LinearModel
import PotlineFiles
import PotlineNetwork
import PotlineStudies
import PotlineUnits

/// A tornado as a person reads it (inputs ranked by their swing of the total cost, with what
/// each end does to the decisions), and its table as CSV.
public enum TornadoReport {
    public static func render(_ tornado: Tornado) -> String {
        var out: [String] = []
        out.append(
            "Tornado of \(tornado.network)" + (tornado.scenarioFiles.isEmpty ? "" : " with \(tornado.scenarioFiles.joined(separator: " + "))")
                + ": \(tornado.swings.count) uncertain inputs, each alone at its low and its high, the others at the network's values")
        out.append(
            "\(tornado.statistics.solves) solves in \(Format.seconds(tornado.statistics.wallSeconds)) on \(tornado.statistics.threads) "
                + (tornado.statistics.threads == 1 ? "thread" : "threads"))
        let plan = tornado.baseDecisions.filter { $0.value > productionTolerance }.keys.sorted()
        out.append(
            "Base: " + (tornado.baseCostYuan.map { "total cost \(Format.millionYuan($0)) M yuan/y" } ?? tornado.baseStatus.words)
                + (plan.isEmpty ? "" : "; plan: " + plan.joined(separator: ", ")))
        out.append("")
        var table = TextTable([
            ("input", .left), ("low", .right), ("high", .right), ("Δ cost at low", .right), ("Δ cost at high", .right),
            ("swing", .right), ("decision at low", .left), ("decision at high", .left),
        ])
        for s in tornado.swings {
            table.add([
                s.factor.name, NumberText.format(s.low.value), NumberText.format(s.high.value), change(s.low), change(s.high),
                s.swingYuan.map(Format.millionYuan) ?? "–", decision(s.low), decision(s.high),
            ])
        }
        out.append("Swings (M yuan/y against the base; decisions against the deterministic plan):")
        out.append(table.render())
        let moving = tornado.swings.filter { $0.low.changesDecision || $0.high.changesDecision }.count
        out.append("\(moving) of \(tornado.swings.count) inputs change the plan at one end of their range.")
        return out.joined(separator: "\n") + "\n"
    }

    private static func change(_ end: Tornado.End) -> String {
        guard let change = end.changeYuan else { return end.status.words }
        return (change > 0 ? "+" : "") + Format.millionYuan(change)
    }

    /// `same`, or what enters (+), leaves (−) and changes size (~).
    static func decision(_ end: Tornado.End) -> String {
        guard end.status == .optimal else {
            let unmet = end.unmetDemands.map { "\($0.region) \($0.commodity) short \(Format.kilotonnes($0.unmetTonnesPerYear)) kt/y" }
            return end.status.words + (unmet.isEmpty ? "" : ": " + unmet.joined(separator: ", "))
        }
        let parts = end.entering.map { "+\($0)" } + end.leaving.map { "−\($0)" }
            + end.resized.map { "~\($0) \(Format.kilotonnes(end.decisions[$0] ?? 0)) kt/y" }
        return parts.isEmpty ? "same" : parts.joined(separator: " ")
    }

    /// The tornado's table (`--out`, `--xlsx`): one row per input and end.
    public static func tables(_ tornado: Tornado) -> [ResultTable] {
        [
            ResultTable(
                ResultTableSchema.tornadoSwings,
                rows: tornado.swings.enumerated().flatMap { rank, s in
                    [("low", s.low), ("high", s.high)].map { name, end in
                        [
                            .integer(rank + 1), .text(s.factor.name), .text(s.factor.apply.rawValue), .text(s.factor.targets.joined(separator: " ")),
                            .text(name), .number(end.value), .text(end.status.rawValue), .number(end.totalCostYuan), .number(end.changeYuan),
                            .number(s.swingYuan), .text(end.entering.joined(separator: "; ")), .text(end.leaving.joined(separator: "; ")),
                            .text(end.resized.joined(separator: "; ")), .text(s.factor.source),
                        ]
                    }
                })
        ]
    }
}
