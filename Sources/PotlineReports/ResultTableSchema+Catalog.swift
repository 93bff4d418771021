/// Every result table Potline writes, by command: the one description from which the writers take
/// their headers and the README its tables (`ResultTableSchema.markdown`, checked by a test).
/// Column names are the JSON keys of the same figures; an object of the JSON ({component: yuan})
/// becomes one column per key, its name in place of `{…}`.
extension ResultTableSchema {
    public typealias Column = ResultColumn

    /// The commands with result tables, in the README's order.
    public static let byCommand: [(command: String, tables: [ResultTableSchema])] = [
        ("solve", solve), ("compare", compare), ("sweep", sweep), ("robust", robust), ("tornado", tornado),
    ]

    static let component = Column("{component}_cost_yuan", .number, "one column per cost component (as `cost_breakdown_yuan`), yuan/y")

    // MARK: - solve

    static let summary = ResultTableSchema(
        file: "summary.csv", row: "one figure of the solve",
        columns: [
            Column("quantity", .text, "`network`, `base_year`, `status`, `total_cost_yuan`, `{component}_cost_yuan`, `co2_t`, `mip_gap`, `rows`, `columns`, `nonzeros`, `solve_seconds`"),
            Column("value", .number, "its value (text for `network` and `status`)"),
            Column("unit", .text, "its unit (`yuan/y`, `t/y`, `year`, `s`; blank for a count or a name)"),
        ])

    static let deliveredCosts = ResultTableSchema(
        file: "delivered_costs.csv", row: "one demand",
        columns: [
            Column("region", .text, "the demand's region"),
            Column("commodity", .text, "what it asks for"),
            Column("demand_t_per_y", .number, "its size, t/y"),
            Column("marginal_cost_yuan_per_t", .number, "the dual of its balance row (the year's mean), yuan/t"),
            Column("average_cost_yuan_per_t", .number, "cost of the tonnes that serve it ÷ tonnes, yuan/t"),
            Column("{component}_yuan_per_t", .number, "the average cost's split by cost component, yuan/t"),
            Column("embedded_co2_t_per_t", .number, "CO2 of the chain behind a tonne, t/t"),
            Column("marginal_cost_{period}_yuan_per_t", .number, "with periods: the marginal cost in each period, yuan/t"),
        ])

    static let plants = ResultTableSchema(
        file: "plants.csv", row: "one plant (existing, candidate or toller)",
        columns: [
            Column("id", .text, "the plant"), Column("kind", .text, "`existing`, `candidate` or `tolling`"),
            Column("region", .text, "where it is"), Column("process", .text, "what it runs"),
            Column("output", .text, "the commodity it makes"), Column("owner", .text, "its owner (for self-supply)"),
            Column("capacity_t_per_y", .number, "capacity after the plan, t/y (blank: a toller without a limit)"),
            Column("production_t_per_y", .number, "output, t/y"),
            Column("utilisation", .number, "production ÷ capacity, 0–1 (blank without a limit)"),
            Column("retrofit", .text, "the retrofit applied, if any"),
            Column("closed", .flag, "closed by the plan"),
            Column("electricity_kwh_per_t", .number, "power per tonne after any retrofit, kWh/t"),
            Column("electricity_kwh", .number, "power used, kWh/y"),
            Column("electricity_price_yuan_per_kwh", .number, "all-in average price paid (an idle plant: the price it would pay), yuan/kWh"),
            Column("surcharge_yuan_per_kwh", .number, "the tiered surcharge on its power, yuan/kWh"),
            Column("captive_share", .number, "share of its power from its own plant, 0–1"),
            Column("unit_cost_yuan_per_t", .number, "its yearly cost ÷ production, yuan/t"),
            Column("direct_co2_t_per_t", .number, "CO2 of the plant itself per tonne, t/t"),
            Column("embedded_co2_t_per_t", .number, "CO2 of the chain behind a tonne, t/t"),
            component,
        ])

    static let supplies = ResultTableSchema(
        file: "supplies.csv", row: "one supply (a market purchase)",
        columns: [
            Column("id", .text, "the supply"), Column("region", .text, "where it is bought"),
            Column("commodity", .text, "what it sells"),
            Column("capacity_t_per_y", .number, "the most it sells, t/y (blank: unlimited)"),
            Column("purchased_t_per_y", .number, "bought, t/y"), Column("price_yuan_per_t", .number, "its price, yuan/t"),
            Column("cost_yuan", .number, "bought × price, yuan/y"),
        ])

    static let flows = ResultTableSchema(
        file: "flows.csv", row: "one link and commodity in use",
        columns: [
            Column("link", .text, "the transport link"), Column("mode", .text, "rail, road, water, …"),
            Column("commodity", .text, "what it carries"), Column("from", .text, "origin region"), Column("to", .text, "destination region"),
            Column("tonnes_per_y", .number, "carried, t/y"), Column("distance_km", .number, "its length, km"),
            Column("tonne_km", .number, "tonnes × distance, t·km/y"),
            Column("freight_cost_yuan_per_t", .number, "freight per tonne, yuan/t"),
            Column("freight_cost_yuan", .number, "freight per year, yuan/y"),
            Column("tonnes_{period}", .number, "with periods: tonnes carried in each period, t"),
        ])

    static let captivePower = ResultTableSchema(
        file: "captive_power.csv", row: "one captive power plant (written when the network has any)",
        columns: [
            Column("id", .text, "the captive plant"), Column("plant", .text, "the plant it feeds"),
            Column("generated_kwh", .number, "generated, kWh/y"), Column("capacity_kwh_per_y", .number, "its limit, kWh/y"),
            Column("share", .number, "share of the plant's power it gives, 0–1"),
            Column("minimum_share", .number, "the lowest share allowed, 0–1"), Column("maximum_share", .number, "the highest share allowed, 0–1"),
            Column("minimum_share_value_yuan_per_point", .number, "what one point (0.01) less minimum would save, yuan/y"),
            Column("maximum_share_value_yuan_per_point", .number, "what one point more maximum would save, yuan/y"),
        ])

    static let selfSupply = ResultTableSchema(
        file: "self_supply.csv", row: "one owner and process with a self-supply rule (written when the network has any)",
        columns: [
            Column("owner", .text, "the owner"), Column("process", .text, "the process (graphitization)"),
            Column("in_house_t_per_y", .number, "made in its own plants, t/y"), Column("tolled_t_per_y", .number, "given to tollers, t/y"),
            Column("share", .number, "in-house ÷ all, 0–1 (blank when nothing was processed)"),
            Column("tolling_fees_yuan", .number, "fees paid to tollers, yuan/y"),
            Column("minimum_share", .number, "the lowest share allowed, 0–1"), Column("maximum_share", .number, "the highest share allowed, 0–1"),
            Column("minimum_share_value_yuan_per_point", .number, "what one point (0.01) less minimum would save, yuan/y"),
            Column("maximum_share_value_yuan_per_point", .number, "what one point more maximum would save, yuan/y"),
        ])

    static let planBuilds = ResultTableSchema(
        file: "plan_builds.csv", row: "one candidate the plan builds (siting networks)",
        columns: [
            Column("candidate", .text, "the candidate"), Column("region", .text, "where"), Column("process", .text, "what it runs"),
            Column("capacity_t_per_y", .number, "capacity built, t/y"), Column("production_t_per_y", .number, "its output, t/y"),
            Column("capex_yuan", .number, "investment, yuan"), Column("annual_capital_yuan", .number, "investment annualised, yuan/y"),
            Column("year_one_cost_yuan", .number, "all its yearly charges in the first year, yuan/y"),
            Column("margin_yuan_per_y", .number, "how much its yearly charges may rise before a plan without it is as cheap, yuan/y (blank: no rival)"),
            Column("margin_power_price_yuan_per_kwh", .number, "the margin as a power-price rise, yuan/kWh"),
        ])

    static let planClosures = ResultTableSchema(
        file: "plan_closures.csv", row: "one plant the plan closes (siting networks)",
        columns: [
            Column("plant", .text, "the plant"), Column("region", .text, "where"), Column("process", .text, "what it ran"),
            Column("capacity_freed_t_per_y", .number, "capacity released, t/y"),
            Column("closure_cost_yuan_per_y", .number, "the yearly charge of closing it, yuan/y"),
        ])

    static let planRetrofits = ResultTableSchema(
        file: "plan_retrofits.csv", row: "one retrofit the plan takes (siting networks)",
        columns: [
            Column("retrofit", .text, "the retrofit"), Column("plant", .text, "the plant it improves"),
            Column("from_kwh_per_t", .number, "power before, kWh/t"), Column("to_kwh_per_t", .number, "power after, kWh/t"),
            Column("capex_yuan", .number, "investment, yuan"), Column("annual_capital_yuan", .number, "investment annualised, yuan/y"),
        ])

    static let planTransfers = ResultTableSchema(
        file: "plan_transfers.csv", row: "one capacity transfer the plan makes (siting networks)",
        columns: [
            Column("from_plant", .text, "the plant giving capacity"), Column("from_region", .text, "its region"),
            Column("to_candidate", .text, "the candidate receiving it"), Column("to_region", .text, "its region"),
            Column("tonnes_per_y", .number, "capacity moved, t/y"),
        ])

    static let planRejected = ResultTableSchema(
        file: "plan_rejected.csv", row: "one candidate not built (siting networks; `plan.rejected` in the JSON)",
        columns: [
            Column("candidate", .text, "the candidate"), Column("region", .text, "where"),
            Column("reason", .text, "why it is out, in words"),
            Column("break_even_reduction_yuan_per_y", .number, "how far all its yearly charges must fall for it to enter, yuan/y"),
            Column("break_even_reduction_share", .number, "that fall as a share of its yearly charges, 0–1"),
            Column("break_even_power_price_yuan_per_kwh", .number, "the power price at which it enters, yuan/kWh"),
        ])

    static let unmetDemands = ResultTableSchema(
        file: "unmet_demands.csv", row: "one demand left short (an infeasible network)",
        columns: [
            Column("region", .text, "the demand's region"), Column("commodity", .text, "what it asks for"),
            Column("demand_t_per_y", .number, "its size, t/y"), Column("unmet_t_per_y", .number, "the least shortfall that makes the rest feasible, t/y"),
        ])

    static let caps = ResultTableSchema(
        file: "caps.csv", row: "one carbon or energy cap (written when the network has any)",
        columns: [
            Column("kind", .text, "carbon or energy"), Column("scope", .text, "national or the region's id"),
            Column("processes", .text, "the processes an energy cap counts, ;-separated (blank: carbon, every emitter)"),
            Column("limit", .number, "the cap, in unit"), Column("used", .number, "what the plan uses, in unit"),
            Column("unit", .text, "t CO2/y or kWh/y"),
            Column("value_yuan_per_unit", .number, "what one more unit of cap would save, yuan/y per unit (0: not binding)"),
        ])

    static let infeasibleConstraints = ResultTableSchema(
        file: "infeasible_constraints.csv", row: "one kind of constraint whose relaxation alone makes the network feasible",
        columns: [Column("constraint", .text, "carbon cap, ceiling, capacity transfer, self-supply, forced builds, …")])

    static let solve = [
        summary, deliveredCosts, plants, supplies, flows, captivePower, selfSupply, caps, planBuilds, planClosures, planRetrofits,
        planTransfers, planRejected, unmetDemands, infeasibleConstraints,
    ]

    // MARK: - compare

    static let compareCases = ResultTableSchema(
        file: "cases.csv", row: "one case: the base, the no-build baseline where shown, each scenario",
        columns: [
            Column("case", .text, "the case's `name` (the first column of every compare table)"), Column("description", .text, "the scenario's description"),
            Column("scenario_files", .text, "its scenario files, `;`-separated"), Column("status", .text, "its solve status"),
            Column("total_cost_yuan", .number, "total cost, yuan/y"), Column("total_cost_change_yuan", .number, "against the base, yuan/y"),
            Column("{component}_yuan", .number, "the total cost's split by cost component, yuan/y"),
            Column("{component}_change_yuan", .number, "each component's change against the base, yuan/y"),
            Column("co2_t", .number, "CO2, t/y"), Column("co2_change_t", .number, "against the base, t/y"),
            Column("solve_seconds", .number, "time to solve, s"), Column("simplex_iterations", .integer, "simplex iterations"),
        ])

    static let compareDeliveredCosts = ResultTableSchema(
        file: "delivered_costs.csv", row: "one case and demand",
        columns: [
            Column("case", .text, "the case"), Column("region", .text, "the demand's region"), Column("commodity", .text, "what it asks for"),
            Column("demand_t_per_y", .number, "its size, t/y"), Column("demand_change_t_per_y", .number, "against the base, t/y"),
            Column("marginal_cost_yuan_per_t", .number, "marginal delivered cost, yuan/t"),
            Column("marginal_cost_change_yuan_per_t", .number, "against the base, yuan/t"),
            Column("average_cost_yuan_per_t", .number, "average delivered cost, yuan/t"),
            Column("average_cost_change_yuan_per_t", .number, "against the base, yuan/t"),
        ])

    static let compareProduction = ResultTableSchema(
        file: "production.csv", row: "one case, process and region",
        columns: [
            Column("case", .text, "the case"), Column("process", .text, "the process"), Column("region", .text, "the region"),
            Column("production_t_per_y", .number, "output, t/y"), Column("change_t_per_y", .number, "against the base, t/y"),
        ])

    static let comparePlantChanges = ResultTableSchema(
        file: "plant_changes.csv", row: "one scenario and plant whose output changes",
        columns: [
            Column("case", .text, "the scenario"), Column("id", .text, "the plant"), Column("region", .text, "where"),
            Column("process", .text, "what it runs"), Column("change", .text, "`started`, `stopped`, `increased`, `decreased`, `added` or `removed`"),
            Column("base_production_t_per_y", .number, "output in the base, t/y"), Column("production_t_per_y", .number, "output in the scenario, t/y"),
            Column("change_t_per_y", .number, "the difference, t/y"),
        ])

    static let compareInputChanges = ResultTableSchema(
        file: "input_changes.csv", row: "one input a scenario changes",
        columns: [
            Column("case", .text, "the scenario"), Column("scenario", .text, "the `name` of the scenario file that made the change (the last, when several did)"),
            Column("file", .text, "the network table"), Column("row", .integer, "its row in the file (blank for a manifest key or an added row)"),
            Column("key", .text, "the row's id, or the manifest key"),
            Column("column", .text, "the column changed; blank for a manifest key and for a whole row added or removed (its cells are in `new_value` or `old_value`)"),
            Column("kind", .text, "`changed`, `added` or `removed`"), Column("old_value", .text, "before"), Column("new_value", .text, "after"),
        ])

    static let compareSiteChanges = ResultTableSchema(
        file: "site_changes.csv", row: "one case and siting decision that differs from the base (written when any does)",
        columns: [
            Column("case", .text, "the case"), Column("site", .text, "the candidate, plant or retrofit"), Column("region", .text, "where"),
            Column("process", .text, "what it runs"), Column("change", .text, "`built`, `not_built`, `closed`, `kept_open`, `retrofitted` or `not_retrofitted`"),
            Column("capacity_t_per_y", .number, "the capacity concerned, t/y"),
        ])

    static let casePlants = ResultTableSchema(
        file: "case_plants.csv", row: "one case and plant, every plant of every case",
        columns: [
            Column("case", .text, "the case"), Column("id", .text, "the plant"), Column("kind", .text, "`existing`, `candidate` or `tolling`"),
            Column("region", .text, "where"), Column("process", .text, "what it runs"),
            Column("capacity_t_per_y", .number, "capacity after the plan, t/y"), Column("production_t_per_y", .number, "output, t/y"),
            Column("closed", .flag, "closed by the plan"), Column("electricity_kwh_per_t", .number, "power per tonne, kWh/t"),
            Column("electricity_price_yuan_per_kwh", .number, "all-in average price paid, yuan/kWh"),
            Column("surcharge_yuan_per_kwh", .number, "the tiered surcharge, yuan/kWh"),
            Column("surcharge_cost_yuan", .number, "the surcharge paid, yuan/y"),
            Column("unit_cost_yuan_per_t", .number, "yearly cost ÷ production, yuan/t"),
        ])

    static let caseFlows = ResultTableSchema(
        file: "case_flows.csv", row: "one case, link and commodity in use",
        columns: [
            Column("case", .text, "the case"), Column("link", .text, "the link"), Column("mode", .text, "its mode"),
            Column("commodity", .text, "what it carries"), Column("from", .text, "origin"), Column("to", .text, "destination"),
            Column("tonnes_per_y", .number, "carried, t/y"), Column("freight_cost_yuan_per_t", .number, "freight per tonne, yuan/t"),
            Column("freight_cost_yuan", .number, "freight per year, yuan/y"),
        ])

    static let compareUnmetDemands = ResultTableSchema(
        file: "unmet_demands.csv", row: "one infeasible case and demand left short (written when any case is infeasible)",
        columns: [
            Column("case", .text, "the case"), Column("region", .text, "the demand's region"), Column("commodity", .text, "what it asks for"),
            Column("demand_t_per_y", .number, "its size, t/y"), Column("unmet_t_per_y", .number, "the least shortfall, t/y"),
        ])

    static let compare = [
        compareCases, compareDeliveredCosts, compareProduction, comparePlantChanges, compareInputChanges, compareSiteChanges,
        casePlants, caseFlows, compareUnmetDemands,
    ]

    // MARK: - sweep

    static let sweepPoints = ResultTableSchema(
        file: "points.csv", row: "one value solved (grid values and bisection steps)",
        columns: [
            Column("value", .number, "the swept input's value (a multiplier with --scale, an addition with --add)"),
            Column("status", .text, "its solve status"), Column("total_cost_yuan", .number, "total cost, yuan/y"),
            Column("plan", .text, "its plan's letter (plans.csv)"), Column("simplex_iterations", .integer, "simplex iterations"),
            Column("solve_seconds", .number, "time to solve, s"),
        ])

    static let sweepDeliveredCosts = ResultTableSchema(
        file: "delivered_costs.csv", row: "one value and demand",
        columns: [
            Column("value", .number, "the swept input's value"), Column("region", .text, "the demand's region"),
            Column("commodity", .text, "what it asks for"), Column("marginal_cost_yuan_per_t", .number, "marginal delivered cost, yuan/t"),
            Column("average_cost_yuan_per_t", .number, "average delivered cost, yuan/t"),
        ])

    static let sweepPlans = ResultTableSchema(
        file: "plans.csv", row: "one distinct plan, lettered A, B, … in order of first appearance",
        columns: [
            Column("label", .text, "its letter"), Column("status", .text, "the solve status it goes with"),
            Column("sites", .text, "siting decisions, `;`-separated"), Column("plants", .text, "plants producing, `;`-separated"),
            Column("routes", .text, "routes carrying, `link commodity from->to`, `;`-separated"),
            Column("supplies", .text, "supplies bought, `;`-separated"),
        ])

    static let sweepBreakpoints = ResultTableSchema(
        file: "breakpoints.csv", row: "one value where the plan changes",
        columns: [
            Column("value", .number, "where it changes (the bracket's middle)"),
            Column("lower_value", .number, "the highest value solved with the plan below"),
            Column("upper_value", .number, "the lowest value solved with the plan above"),
            Column("plan_below", .text, "the plan below"), Column("plan_above", .text, "the plan above"),
            Column("entering", .text, "what comes into use, `;`-separated"), Column("leaving", .text, "what goes out of use, `;`-separated"),
        ])

    static let sweep = [sweepPoints, sweepDeliveredCosts, sweepPlans, sweepBreakpoints]

    // MARK: - robust

    static let robustFactors = ResultTableSchema(
        file: "factors.csv", row: "one uncertain input",
        columns: [
            Column("name", .text, "its name"), Column("distribution", .text, "`uniform`, `triangular` or `normal`"),
            Column("low", .number, "its low end, in the input's unit (a multiplier for `scale`)"), Column("high", .number, "its high end"),
            Column("apply", .text, "`set`, `scale` or `add`"), Column("targets", .text, "the cells it moves, space-separated"),
            Column("source", .text, "where the range comes from"),
        ])

    static let robustSamples = ResultTableSchema(
        file: "samples.csv", row: "one sample",
        columns: [
            Column("index", .integer, "its number, from 0 (as in the JSON)"), Column("{factor}", .number, "one column per factor: its sampled value"),
            Column("status", .text, "its solve status"), Column("total_cost_yuan", .number, "its optimum, yuan/y"),
            Column("plan", .text, "its plan's label (plans.csv)"),
            Column("deterministic_plan_cost_yuan", .number, "the deterministic plan operated in this sample, yuan/y"),
            Column("regret_yuan", .number, "that cost minus the sample's optimum, yuan/y"),
            Column("stochastic_plan_cost_yuan", .number, "with --stochastic: the stochastic plan operated in this sample, yuan/y"),
            Column("solve_seconds", .number, "time to solve, s"),
        ])

    static let robustPlans = ResultTableSchema(
        file: "plans.csv", row: "one plan some sample chose",
        columns: [
            Column("label", .text, "its label (`plan.label`)"), Column("samples", .integer, "samples choosing it"), Column("share", .number, "their share, 0–1"),
            Column("status", .text, "the solve status it goes with (`plan.status`; likewise below)"), Column("sites", .text, "siting decisions, `; `-separated"),
            Column("plants", .text, "plants producing, `; `-separated"),
        ])

    static let robustDecisions = ResultTableSchema(
        file: "decisions.csv", row: "one decision (`build X`, `close Y`, `retrofit Z`, `make PLANT`)",
        columns: [
            Column("decision", .text, "the decision"), Column("samples", .integer, "samples taking it"), Column("share", .number, "their share, 0–1"),
            Column("p10_t_per_y", .number, "10th percentile of its t/y over those samples (`value.p10`; likewise below)"), Column("p50_t_per_y", .number, "median, t/y"),
            Column("p90_t_per_y", .number, "90th percentile, t/y"), Column("mean_t_per_y", .number, "mean, t/y"),
            Column("in_deterministic_plan", .flag, "the deterministic plan takes it"),
        ])

    static let robustDeliveredCosts = ResultTableSchema(
        file: "delivered_costs.csv", row: "one demand",
        columns: [
            Column("region", .text, "the demand's region"), Column("commodity", .text, "what it asks for"),
            Column("marginal_p10_yuan_per_t", .number, "10th percentile of its marginal delivered cost (`marginal_cost_yuan_per_t.p10`; likewise below), yuan/t"),
            Column("marginal_p50_yuan_per_t", .number, "median, yuan/t"), Column("marginal_p90_yuan_per_t", .number, "90th percentile, yuan/t"),
            Column("average_p10_yuan_per_t", .number, "10th percentile of its average delivered cost, yuan/t"),
            Column("average_p50_yuan_per_t", .number, "median, yuan/t"), Column("average_p90_yuan_per_t", .number, "90th percentile, yuan/t"),
        ])

    static let robustDrivers = ResultTableSchema(
        file: "drivers.csv", row: "one factor against the total cost (`cost_correlation`) or a decision (`decision_correlations`)",
        columns: [
            Column("factor", .text, "the factor"), Column("against", .text, "`total_cost` or a decision"),
            Column("spearman", .number, "Spearman rank correlation, −1 to 1"),
        ])

    static let robustInfeasibleSamples = ResultTableSchema(
        file: "infeasible_samples.csv", row: "one sample without an optimum",
        columns: [
            Column("index", .integer, "its number, from 0 (as in the JSON)"), Column("status", .text, "its solve status"),
            Column("unmet_demands", .text, "demands left short, `region commodity t/y`, `; `-separated"),
            Column("infeasible_constraints", .text, "constraints whose relaxation makes it feasible, `; `-separated"),
        ])

    static let robust = [
        robustFactors, robustSamples, robustPlans, robustDecisions, robustDeliveredCosts, robustDrivers, robustInfeasibleSamples,
    ]

    // MARK: - tornado

    static let tornadoSwings = ResultTableSchema(
        file: "tornado.csv", row: "one input and end (`swings[].low`, `.high`), ranked by swing; `input`, `apply`, `targets` and `source` are its `factor`'s",
        columns: [
            Column("rank", .integer, "the input's rank by swing, from 1"), Column("input", .text, "the input"),
            Column("apply", .text, "`set`, `scale` or `add`"), Column("targets", .text, "the cells it moves, space-separated"),
            Column("end", .text, "`low` or `high`"), Column("value", .number, "the input's value at this end"),
            Column("status", .text, "the solve status"), Column("total_cost_yuan", .number, "total cost, yuan/y"),
            Column("change_yuan", .number, "against the base, yuan/y"), Column("swing_yuan", .number, "|cost at high − cost at low|, yuan/y"),
            Column("entering", .text, "decisions gained, `; `-separated"), Column("leaving", .text, "decisions lost, `; `-separated"),
            Column("resized", .text, "decisions resized, `; `-separated"), Column("source", .text, "where the range comes from"),
        ])

    static let tornado = [tornadoSwings]
}
