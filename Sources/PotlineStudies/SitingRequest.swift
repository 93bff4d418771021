import LinearModel
import PotlineFiles
import PotlineFormulation
import PotlineNetwork
import PotlineResults
import PotlineSolve

/// What a comparison or sweep does with siting decisions across its cases.
public enum SitingRequest: Sendable, Equatable {
    /// Every case chooses its own sites (the default).
    case free
    /// The base chooses; every other case is held at the base's plan (operations only).
    case heldAtBase
    /// Every case, the base too, is held at this plan (operations only).
    case held(SitingDecisions)
    /// Every case is solved without sites, closures or retrofits.
    case none

    /// The base's own mode.
    var baseMode: SitingMode {
        switch self {
        case .free, .heldAtBase: .free
        case .held(let decisions): .fixed(decisions)
        case .none: .none
        }
    }

    /// The mode of the other cases, once the base is solved.
    func caseMode(base: Solution?) -> SitingMode {
        switch self {
        case .free: .free
        case .heldAtBase: base?.plan.map { .fixed(SitingDecisions($0, source: "the base's plan")) } ?? .free
        case .held(let decisions): .fixed(decisions)
        case .none: .none
        }
    }

    /// Whether the base must be solved before the other cases can be.
    var needsBaseFirst: Bool { self == .heldAtBase }
}

extension Comparison {
    /// A plant's costs in a case against the base: what a price or policy does to each plant.
    public struct PlantEffect: Sendable, Codable {
        public var id: String
        public var region: String
        public var process: String
        public var baseUnitCostYuanPerTonne: Double?
        public var unitCostYuanPerTonne: Double?
        public var unitCostChangeYuanPerTonne: Double?
        public var baseSurchargeYuanPerKWh: Double
        public var surchargeYuanPerKWh: Double
        /// Surcharge paid on its output's power (yuan/y).
        public var baseSurchargeYuan: Double
        public var surchargeYuan: Double
        public var surchargeChangeYuan: Double
        public var baseProductionTonnesPerYear: Double
        public var productionTonnesPerYear: Double

        /// JSON keys keep the published names of earlier releases.
        enum CodingKeys: String, CodingKey {
            case id
            case region
            case process
            case baseUnitCostYuanPerTonne = "baseUnitCostYuanPerT"
            case unitCostYuanPerTonne = "unitCostYuanPerT"
            case unitCostChangeYuanPerTonne = "unitCostChangeYuanPerT"
            case baseSurchargeYuanPerKWh = "baseSurchargeYuanPerKwh"
            case surchargeYuanPerKWh = "surchargeYuanPerKwh"
            case baseSurchargeYuan
            case surchargeYuan
            case surchargeChangeYuan
            case baseProductionTonnesPerYear = "baseProductionTPerY"
            case productionTonnesPerYear = "productionTPerY"
        }
    }

    /// One process in one region, its plants together: what a policy does to the region.
    public struct RegionEffect: Sendable, Codable {
        public var region: String
        public var process: String
        public var baseSurchargeYuan: Double
        public var surchargeYuan: Double
        public var surchargeChangeYuan: Double
        /// Output-weighted mean unit cost of its producing plants (absent when none produces).
        public var baseUnitCostYuanPerTonne: Double?
        public var unitCostYuanPerTonne: Double?
        public var unitCostChangeYuanPerTonne: Double?

        /// JSON keys keep the published names of earlier releases.
        enum CodingKeys: String, CodingKey {
            case region
            case process
            case baseSurchargeYuan
            case surchargeYuan
            case surchargeChangeYuan
            case baseUnitCostYuanPerTonne = "baseUnitCostYuanPerT"
            case unitCostYuanPerTonne = "unitCostYuanPerT"
            case unitCostChangeYuanPerTonne = "unitCostChangeYuanPerT"
        }
    }
}

/// Unit costs that agree to this (yuan/t) did not change: below a report's last digit.
let unitCostTolerance = 0.005

extension Comparison.Case {
    /// Plants present in both whose unit cost, surcharge rate or surcharge paid differs.
    static func plantEffects(from base: Solution, to solution: Solution) -> [Comparison.PlantEffect] {
        let before = Dictionary(base.plants.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return solution.plants.compactMap { plant in
            guard let was = before[plant.id] else { return nil }
            let unitChange = difference(was.unitCostYuanPerTonne, plant.unitCostYuanPerTonne)
            let surchargeChange = change(from: was.costYuan.surcharge, to: plant.costYuan.surcharge)
            let moved =
                abs(unitChange ?? 0) > unitCostTolerance || abs(surchargeChange) > unitCostTolerance
                || was.surchargeYuanPerKWh != plant.surchargeYuanPerKWh
                || (was.unitCostYuanPerTonne == nil) != (plant.unitCostYuanPerTonne == nil)
            guard moved else { return nil }
            return .init(
                id: plant.id, region: plant.region, process: plant.process, baseUnitCostYuanPerTonne: was.unitCostYuanPerTonne,
                unitCostYuanPerTonne: plant.unitCostYuanPerTonne, unitCostChangeYuanPerTonne: unitChange,
                baseSurchargeYuanPerKWh: was.surchargeYuanPerKWh, surchargeYuanPerKWh: plant.surchargeYuanPerKWh,
                baseSurchargeYuan: was.costYuan.surcharge, surchargeYuan: plant.costYuan.surcharge,
                surchargeChangeYuan: surchargeChange, baseProductionTonnesPerYear: was.productionTonnesPerYear,
                productionTonnesPerYear: plant.productionTonnesPerYear)
        }
    }

    /// Per (region, process): surcharge paid and output-weighted unit cost, where either differs.
    static func regionEffects(from base: Solution, to solution: Solution) -> [Comparison.RegionEffect] {
        struct Totals {
            var surcharge = 0.0
            var cost = 0.0
            var tonnes = 0.0
            var unit: Double? { tonnes > productionTolerance ? tidy(cost / tonnes) : nil }
        }
        func totals(_ solution: Solution) -> (order: [Stage], byStage: [Stage: Totals]) {
            var order: [Stage] = []
            var byStage: [Stage: Totals] = [:]
            for plant in solution.plants where plant.kind != .tolling {
                let stage = Stage(process: plant.process, region: plant.region)
                if byStage[stage] == nil { order.append(stage) }
                byStage[stage, default: Totals()].surcharge += plant.costYuan.surcharge
                if let unit = plant.unitCostYuanPerTonne, plant.productionTonnesPerYear > productionTolerance {
                    byStage[stage, default: Totals()].cost += unit * plant.productionTonnesPerYear
                    byStage[stage, default: Totals()].tonnes += plant.productionTonnesPerYear
                }
            }
            return (order, byStage)
        }
        let (order, now) = totals(solution)
        let (_, before) = totals(base)
        return order.compactMap { stage in
            let after = now[stage]!, was = before[stage] ?? Totals()
            let unitChange = difference(was.unit, after.unit)
            let surchargeChange = change(from: was.surcharge, to: after.surcharge)
            guard abs(unitChange ?? 0) > unitCostTolerance || abs(surchargeChange) > unitCostTolerance
                || (was.unit == nil) != (after.unit == nil)
            else { return nil }
            return .init(
                region: stage.region, process: stage.process, baseSurchargeYuan: tidy(was.surcharge),
                surchargeYuan: tidy(after.surcharge), surchargeChangeYuan: surchargeChange, baseUnitCostYuanPerTonne: was.unit,
                unitCostYuanPerTonne: after.unit, unitCostChangeYuanPerTonne: unitChange)
        }
    }
}

extension Comparison {
    /// Which siting mode the base and the scenarios ran in, in words (nil without siting decisions).
    public var sitingWords: String? {
        guard let base = base.siting else { return nil }
        let scenario = scenarios.compactMap(\.siting).first
        guard let scenario, scenario != base else { return base.words + " (every case)" }
        return "Base — " + base.words + "\n" + "Scenarios — " + scenario.words
    }
}
