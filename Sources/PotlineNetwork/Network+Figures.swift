/// One number of a component, named by its column in the network's files.
package struct Figure: Sendable {
    package var column: String
    package var value: Double?
    package var rule: NumberRange

    init(_ column: String, _ value: Double?, _ rule: NumberRange = .nonNegative) {
        self.column = column
        self.value = value
        self.rule = rule
    }
}

/// The figures of one row: which table, which component, where it was read.
package struct FigureRow: Sendable {
    package var file: String
    package var what: String
    package var location: SourceLocation?
    package var figures: [Figure]
}

extension Network {
    /// Every figure of every component, by file and column. The validator checks each one's sign,
    /// share and magnitude, so a network built or changed in code meets the rules its files meet.
    /// `FigureSchemaTests` checks these columns against the table schema.
    package var figureRows: [FigureRow] {
        var rows: [FigureRow] = []
        func add(_ file: String, _ what: String, _ location: SourceLocation?, _ figures: [Figure]) {
            rows.append(FigureRow(file: file, what: what, location: location, figures: figures))
        }
        for r in regions {
            add("regions.csv", "region '\(r.id)'", r.location, [
                Figure("latitude_deg", r.latitudeDegrees, .any), Figure("longitude_deg", r.longitudeDegrees, .any),
                Figure("grid_price_yuan_per_kwh", r.gridPriceYuanPerKWh), Figure("grid_emission_kg_per_kwh", r.gridEmissionKgPerKWh),
                Figure("transfer_ratio", r.transferRatio, .positive), Figure("carbon_cap_t_per_y", r.carbonCapTonnes),
            ])
        }
        for c in commodities {
            add("commodities.csv", "commodity '\(c.id)'", c.location, [Figure("holding_cost_yuan_per_t_per_y", c.holdingCostYuanPerTonnePerYear)])
        }
        for p in processes {
            add("processes.csv", "process '\(p.id)'", p.location, [
                Figure("electricity_kwh_per_t", p.electricityKWhPerTonne), Figure("other_cost_yuan_per_t", p.otherCostYuanPerTonne),
                Figure("process_emission_t_per_t", p.processEmissionTonnesPerTonne),
            ])
            for ingredient in p.inputs + p.byproducts {
                add("recipes.csv", "process '\(p.id)' \(ingredient.commodity)", ingredient.location, [Figure("t_per_t", ingredient.tonnesPerTonne, .positive)])
            }
        }
        for p in plants {
            add("plants.csv", "plant '\(p.id)'", p.location, [
                Figure("capacity_t_per_y", p.capacityTonnesPerYear), Figure("electricity_kwh_per_t", p.electricityKWhPerTonne),
                Figure("other_cost_yuan_per_t", p.otherCostYuanPerTonne), Figure("electricity_price_yuan_per_kwh", p.electricityPriceYuanPerKWh),
                Figure("renewable_share", p.renewableShare, .fraction), Figure("closure_cost_yuan_per_y", p.closureCostYuanPerYear),
            ])
        }
        for s in supplies {
            add("supplies.csv", "supply '\(s.id)'", s.location, [
                Figure("capacity_t_per_y", s.capacityTonnesPerYear), Figure("price_yuan_per_t", s.priceYuanPerTonne),
            ])
        }
        for d in demands {
            add("demands.csv", "demand for \(d.commodity) in \(d.region)", d.location, [Figure("demand_t_per_y", d.tonnesPerYear)])
        }
        for l in links {
            add("links.csv", "link '\(l.id)'", l.location, [
                Figure("distance_km", l.distanceKm, .positive), Figure("rate_yuan_per_tkm", l.rateYuanPerTonneKm),
                Figure("handling_yuan_per_t", l.handlingYuanPerTonne), Figure("capacity_t_per_y", l.capacityTonnesPerYear),
            ])
        }
        for c in candidates {
            var sizing: [Figure] = []
            switch c.sizing {
            case .modules(let size, _): sizing = [Figure("module_t_per_y", size, .positive)]
            case .continuous(let minimum, let maximum):
                sizing = [Figure("min_capacity_t_per_y", minimum), Figure("max_capacity_t_per_y", maximum, .positive)]
            }
            add("candidates.csv", "candidate '\(c.id)'", c.location, sizing + [
                Figure("site_capex_yuan", c.siteCapexYuan), Figure("capex_yuan_per_t_per_y", c.capexYuanPerTonnePerYear),
                Figure("lifetime_y", c.lifetimeYears, .positive), Figure("discount_rate", c.discountRate, .fraction),
                Figure("fixed_cost_yuan_per_y", c.fixedCostYuanPerYear), Figure("electricity_kwh_per_t", c.electricityKWhPerTonne),
                Figure("other_cost_yuan_per_t", c.otherCostYuanPerTonne), Figure("electricity_price_yuan_per_kwh", c.electricityPriceYuanPerKWh),
                Figure("renewable_share", c.renewableShare, .fraction),
            ])
        }
        for r in retrofits {
            add("retrofits.csv", "retrofit '\(r.id)'", r.location, [
                Figure("electricity_kwh_per_t", r.electricityKWhPerTonne), Figure("other_cost_yuan_per_t", r.otherCostYuanPerTonne),
                Figure("capex_yuan", r.capital.capexYuan), Figure("lifetime_y", r.capital.lifetimeYears, .positive),
                Figure("discount_rate", r.capital.discountRate, .fraction),
            ])
        }
        for c in capacityLimits {
            add("capacity_limits.csv", "capacity limit of \(c.process) in \(c.region)", c.location, [
                Figure("min_t_per_y", c.minimumTonnesPerYear), Figure("max_t_per_y", c.maximumTonnesPerYear),
            ])
        }
        for a in alternatives {
            add("alternatives.csv", "alternative \(a.process) of plant '\(a.plant)'", a.location, [
                Figure("electricity_kwh_per_t", a.electricityKWhPerTonne), Figure("other_cost_yuan_per_t", a.otherCostYuanPerTonne),
            ])
        }
        for c in captivePower {
            add("captive_power.csv", "captive unit '\(c.id)'", c.location, [
                Figure("capacity_mw", c.capacityMegawatts), Figure("capacity_kwh_per_y", c.capacityKWhPerYear),
                Figure("generation_cost_yuan_per_kwh", c.generationCostYuanPerKWh), Figure("backup_fee_yuan_per_kwh", c.backupFeeYuanPerKWh),
                Figure("funds_yuan_per_kwh", c.fundsYuanPerKWh), Figure("cross_subsidy_yuan_per_kwh", c.crossSubsidyYuanPerKWh),
                Figure("emission_kg_per_kwh", c.emissionKgPerKWh), Figure("min_share", c.minimumShare, .fraction),
                Figure("max_share", c.maximumShare, .fraction),
            ])
        }
        for t in tolling {
            add("tolling.csv", "toller '\(t.id)'", t.location, [
                Figure("fee_yuan_per_t", t.feeYuanPerTonne), Figure("capacity_t_per_y", t.capacityTonnesPerYear),
            ])
        }
        for s in selfSupplyTargets {
            add("self_supply.csv", "self-supply target of '\(s.owner)'", s.location, [
                Figure("min_share", s.minimumShare, .fraction), Figure("max_share", s.maximumShare, .fraction),
                Figure("volume_t_per_y", s.volumeTonnesPerYear),
            ])
        }
        for p in periods { add("periods.csv", "period '\(p.id)'", p.location, [Figure("share_of_year", p.shareOfYear, .fraction)]) }
        for c in periodConditions {
            add("period_conditions.csv", "period condition of \(c.region) in \(c.period)", c.location, [
                Figure("grid_price_yuan_per_kwh", c.gridPriceYuanPerKWh), Figure("availability", c.availability, .fraction),
            ])
        }
        return rows
    }
}

extension ProblemLog {
    /// A figure that is not a finite number, breaks its column's rule, or is implausibly large or
    /// small, reported at its row (or, built in code, by its component's name).
    func checkFigures(_ rows: [FigureRow]) {
        for row in rows {
            for figure in row.figures {
                guard let value = figure.value else { continue }
                let message =
                    value.isFinite ? figure.rule.violation(value) ?? Plausibility.violation(column: figure.column, value: value) : "is not a finite number"
                guard let message else { continue }
                let subject = row.location == nil ? "\(row.what): " : ""
                report(row.location, figure.column, "\(subject)\(value.isFinite ? NumberText.exact(value) : "\(value)") \(message)")
            }
        }
    }
}
