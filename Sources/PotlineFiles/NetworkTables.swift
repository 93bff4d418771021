/// The schema of every network table: the loader checks headers and takes numeric defaults
/// from it, the writer writes its columns, and the column tables of `Networks/README.md` are
/// generated from it (`NetworkReadmeTests`; `POTLINE_WRITE_NETWORK_README=1` rewrites them).
extension TableSchema {
    package static let regions = TableSchema(
        file: "regions.csv", isOptional: false,
        columns: [
            TableColumn("id", type: "id", unit: "", blank: "required", meaning: "region id"),
            TableColumn("name", type: "string", unit: "", blank: "id", meaning: "display name"),
            TableColumn("kind", type: "`province` | `port` | `foreign`", unit: "", blank: "`province`", meaning: "what the region is"),
            TableColumn("area", type: "string", unit: "", blank: "none", meaning: "larger area for summaries (`East China`)"),
            TableColumn("latitude_deg", type: "number −90…90", unit: "degrees", blank: "required", meaning: "latitude of its centre (capital, port)"),
            TableColumn("longitude_deg", type: "number −180…180", unit: "degrees", blank: "required", meaning: "longitude"),
            TableColumn("grid_price_yuan_per_kwh", type: "number ≥ 0", unit: "yuan/kWh", blank: "blank: plants there may not run", meaning: "grid electricity price paid by plants in the region"),
            TableColumn("grid_emission_kg_per_kwh", type: "number ≥ 0", unit: "kg CO2/kWh", blank: "0", meaning: "CO2 of the region's grid power"),
            TableColumn("transfer_ratio", type: "number > 0", unit: "t/t", blank: "the policy's", meaning: "capacity to retire elsewhere per tonne of new capacity built here (产能置换; Ningxia 1.25)"),
            TableColumn("carbon_cap_t_per_y", type: "number ≥ 0", unit: "t CO2/y", blank: "none", meaning: "most CO2 the region's plants may emit"),
        ])

    package static let commodities = TableSchema(
        file: "commodities.csv", isOptional: false,
        columns: [
            TableColumn("id", type: "id", unit: "", blank: "required", meaning: "commodity id (`bauxite`, `alumina`, `aluminium`, …)"),
            TableColumn("name", type: "string", unit: "", blank: "id", meaning: "display name"),
            TableColumn("holding_cost_yuan_per_t_per_y", type: "number ≥ 0", unit: "yuan/(t·y)", blank: "blank: not storable", meaning: "cost of holding a tonne in stock for a year; with several periods, stock may carry from one period into the next"),
        ])

    package static let processes = TableSchema(
        file: "processes.csv", isOptional: false,
        columns: [
            TableColumn("id", type: "id", unit: "", blank: "required", meaning: "process id (`smelting`, `bayer_refining`, …)"),
            TableColumn("name", type: "string", unit: "", blank: "id", meaning: "display name"),
            TableColumn("output", type: "commodity id", unit: "", blank: "required", meaning: "main output; one tonne of it per tonne of activity"),
            TableColumn("electricity_kwh_per_t", type: "number ≥ 0", unit: "kWh/t", blank: "0", meaning: "electricity per tonne of output"),
            TableColumn("other_cost_yuan_per_t", type: "number ≥ 0", unit: "yuan/t", blank: "0", meaning: "other variable cost per tonne of output (labour, fuel, maintenance)"),
            TableColumn("process_emission_t_per_t", type: "number ≥ 0", unit: "t CO2/t", blank: "0", meaning: "direct CO2 per tonne of output (anode consumption in smelting ≈ 1.5)"),
        ])

    package static let recipes = TableSchema(
        file: "recipes.csv", isOptional: false,
        columns: [
            TableColumn("process", type: "process id", unit: "", blank: "required", meaning: "the process"),
            TableColumn("commodity", type: "commodity id", unit: "", blank: "required", meaning: "what is consumed or co-produced"),
            TableColumn("role", type: "`input` | `output`", unit: "", blank: "`input`", meaning: "consumed or co-produced"),
            TableColumn("t_per_t", type: "number > 0", unit: "t/t", blank: "required", meaning: "tonnes per tonne of main output"),
        ])

    package static let plants = TableSchema(
        file: "plants.csv", isOptional: false,
        columns: [
            TableColumn("id", type: "id", unit: "", blank: "required", meaning: "plant id"),
            TableColumn("region", type: "region id", unit: "", blank: "required", meaning: "where it stands"),
            TableColumn("process", type: "process id", unit: "", blank: "required", meaning: "what it runs"),
            TableColumn("capacity_t_per_y", type: "number ≥ 0", unit: "t/y", blank: "required", meaning: "maximum output of the main commodity"),
            TableColumn("owner", type: "string", unit: "", blank: "\"\"", meaning: "owning company or group"),
            TableColumn("electricity_kwh_per_t", type: "number ≥ 0", unit: "kWh/t", blank: "the process's", meaning: "this plant's own consumption, where it differs"),
            TableColumn("other_cost_yuan_per_t", type: "number ≥ 0", unit: "yuan/t", blank: "the process's", meaning: "this plant's own other cost"),
            TableColumn("electricity_price_yuan_per_kwh", type: "number ≥ 0", unit: "yuan/kWh", blank: "the region's grid price", meaning: "what this plant pays for power where it differs from the grid (a direct contract; for captive generation with fees and a self-supply ratio use `captive_power.csv`)"),
            TableColumn("renewable_share", type: "number 0…1", unit: "–", blank: "0", meaning: "share of its power from non-hydro renewables (cuts the tiered surcharge above 15%)"),
            TableColumn("closure_cost_yuan_per_y", type: "number ≥ 0", unit: "yuan/y", blank: "blank: may not close", meaning: "yearly cost of having closed the plant (severance, write-off, remediation over the plan horizon); set it to let the optimiser close the plant and free its capacity quota"),
        ])

    package static let supplies = TableSchema(
        file: "supplies.csv", isOptional: false,
        columns: [
            TableColumn("id", type: "id", unit: "", blank: "required", meaning: "supply id"),
            TableColumn("region", type: "region id", unit: "", blank: "required", meaning: "where the material becomes available (mine, port of origin)"),
            TableColumn("commodity", type: "commodity id", unit: "", blank: "required", meaning: "what it supplies"),
            TableColumn("capacity_t_per_y", type: "number ≥ 0", unit: "t/y", blank: "blank: unlimited", meaning: "most that can be bought in a year"),
            TableColumn("price_yuan_per_t", type: "number ≥ 0", unit: "yuan/t", blank: "required", meaning: "price at that region"),
        ])

    package static let demands = TableSchema(
        file: "demands.csv", isOptional: false,
        columns: [
            TableColumn("region", type: "region id", unit: "", blank: "required", meaning: "where the demand is"),
            TableColumn("commodity", type: "commodity id", unit: "", blank: "required", meaning: "what is demanded"),
            TableColumn("demand_t_per_y", type: "number ≥ 0", unit: "t/y", blank: "required", meaning: "tonnes per year that must be delivered"),
        ])

    package static let links = TableSchema(
        file: "links.csv", isOptional: false,
        columns: [
            TableColumn("id", type: "id", unit: "", blank: "required", meaning: "link id"),
            TableColumn("from", type: "region id", unit: "", blank: "required", meaning: "one end"),
            TableColumn("to", type: "region id", unit: "", blank: "required", meaning: "other end"),
            TableColumn("mode", type: "mode name", unit: "", blank: "required", meaning: "`rail`, `road`, `waterway`, `sea` or a mode of `network.yaml`"),
            TableColumn("distance_km", type: "number > 0", unit: "km", blank: "great-circle × mode circuity", meaning: "route length"),
            TableColumn("rate_yuan_per_tkm", type: "number ≥ 0", unit: "yuan/t-km", blank: "the mode's", meaning: "freight rate"),
            TableColumn("handling_yuan_per_t", type: "number ≥ 0", unit: "yuan/t", blank: "the mode's", meaning: "per-tonne handling charge"),
            TableColumn("capacity_t_per_y", type: "number ≥ 0", unit: "t/y", blank: "blank: unlimited", meaning: "most tonnes per year in each direction, all commodities together"),
            TableColumn("commodities", type: "`;`-separated commodity ids", unit: "", blank: "blank: any", meaning: "what the link may carry"),
            TableColumn("bidirectional", type: "`true` | `false`", unit: "", blank: "`true`", meaning: "whether material may also move from `to` to `from`"),
        ])

    package static let candidates = TableSchema(
        file: "candidates.csv", isOptional: true,
        columns: [
            TableColumn("id", type: "id", unit: "", blank: "required", meaning: "candidate id"),
            TableColumn("region", type: "region id", unit: "", blank: "required", meaning: "site"),
            TableColumn("process", type: "process id", unit: "", blank: "required", meaning: "what it would run"),
            TableColumn("owner", type: "string", unit: "", blank: "\"\"", meaning: "who would build it"),
            TableColumn("module_t_per_y", type: "number > 0", unit: "t/y", blank: "–", meaning: "size of one module (e.g. 500,000 for a potline)"),
            TableColumn("max_modules", type: "integer ≥ 1", unit: "–", blank: "1", meaning: "most modules at the site"),
            TableColumn("min_capacity_t_per_y", type: "number ≥ 0", unit: "t/y", blank: "0", meaning: "smallest size if built (continuous sizing)"),
            TableColumn("max_capacity_t_per_y", type: "number > 0", unit: "t/y", blank: "–", meaning: "largest size (continuous sizing)"),
            TableColumn("site_capex_yuan", type: "number ≥ 0", unit: "yuan", blank: "0", meaning: "capital per site, whatever its size"),
            TableColumn("capex_yuan_per_t_per_y", type: "number ≥ 0", unit: "yuan per t/y", blank: "0", meaning: "capital per tonne/year of capacity"),
            TableColumn("lifetime_y", type: "number > 0", unit: "years", blank: "25", meaning: "life over which capital is recovered"),
            TableColumn("discount_rate", type: "number 0…1", unit: "–", blank: "0.08", meaning: "for annualising capital"),
            TableColumn("fixed_cost_yuan_per_y", type: "number ≥ 0", unit: "yuan/y", blank: "0", meaning: "fixed operating cost once built"),
            TableColumn("electricity_kwh_per_t", type: "number ≥ 0", unit: "kWh/t", blank: "the process's", meaning: "as in `plants.csv`, for the new plant"),
            TableColumn("other_cost_yuan_per_t", type: "number ≥ 0", unit: "yuan/t", blank: "the process's", meaning: "as in `plants.csv`, for the new plant"),
            TableColumn("electricity_price_yuan_per_kwh", type: "number ≥ 0", unit: "yuan/kWh", blank: "the region's grid price", meaning: "as in `plants.csv`, for the new plant"),
            TableColumn("renewable_share", type: "number 0…1", unit: "–", blank: "0", meaning: "as in `plants.csv`, for the new plant"),
            TableColumn("decision", type: "`optional` | `must_build` | `must_not_build`", unit: "", blank: "`optional`", meaning: "force the decision"),
        ])

    package static let retrofits = TableSchema(
        file: "retrofits.csv", isOptional: true,
        columns: [
            TableColumn("id", type: "id", unit: "", blank: "required", meaning: "retrofit id"),
            TableColumn("plant", type: "plant id", unit: "", blank: "required", meaning: "the plant"),
            TableColumn("process", type: "process id", unit: "", blank: "the plant's", meaning: "new process (e.g. Acheson → box furnaces)"),
            TableColumn("electricity_kwh_per_t", type: "number ≥ 0", unit: "kWh/t", blank: "the new process's, else the plant's", meaning: "consumption after the retrofit"),
            TableColumn("other_cost_yuan_per_t", type: "number ≥ 0", unit: "yuan/t", blank: "as above", meaning: "other cost after"),
            TableColumn("capex_yuan", type: "number ≥ 0", unit: "yuan", blank: "0", meaning: "capital cost"),
            TableColumn("lifetime_y", type: "number > 0", unit: "years", blank: "20", meaning: "life over which the retrofit capital is recovered"),
            TableColumn("discount_rate", type: "number 0…1", unit: "–", blank: "0.08", meaning: "for annualising the retrofit capital"),
            TableColumn("decision", type: "`optional` | `must_build` | `must_not_build`", unit: "", blank: "`optional`", meaning: "force it"),
        ])

    package static let capacityLimits = TableSchema(
        file: "capacity_limits.csv", isOptional: true,
        columns: [
            TableColumn("region", type: "region id", unit: "", blank: "required", meaning: ""),
            TableColumn("process", type: "process id", unit: "", blank: "required", meaning: ""),
            TableColumn("min_t_per_y", type: "number ≥ 0", unit: "t/y", blank: "none", meaning: "at least this much capacity of the process in the region after the plan"),
            TableColumn("max_t_per_y", type: "number ≥ 0", unit: "t/y", blank: "none", meaning: "at most this much"),
        ])

    package static let alternatives = TableSchema(
        file: "alternatives.csv", isOptional: true,
        columns: [
            TableColumn("plant", type: "plant id", unit: "", blank: "required", meaning: "the plant"),
            TableColumn("process", type: "process id", unit: "", blank: "required", meaning: "another process it may run (not its own; same output)"),
            TableColumn("electricity_kwh_per_t", type: "number ≥ 0", unit: "kWh/t", blank: "the process's", meaning: "this plant's consumption on it"),
            TableColumn("other_cost_yuan_per_t", type: "number ≥ 0", unit: "yuan/t", blank: "the process's", meaning: "this plant's other cost on it"),
        ])

    package static let captivePower = TableSchema(
        file: "captive_power.csv", isOptional: true,
        columns: [
            TableColumn("id", type: "id", unit: "", blank: "required", meaning: ""),
            TableColumn("plant", type: "plant or candidate id", unit: "", blank: "required", meaning: "the plant it serves, or a candidate: a new site with its own units, which generate only once it is built (their capital belongs in the candidate's capex)"),
            TableColumn("capacity_mw", type: "number ≥ 0", unit: "MW", blank: "–", meaning: "generating capacity (× 8,760 h) …"),
            TableColumn("capacity_kwh_per_y", type: "number ≥ 0", unit: "kWh/y", blank: "–", meaning: "… or energy a year"),
            TableColumn("generation_cost_yuan_per_kwh", type: "number ≥ 0", unit: "yuan/kWh", blank: "–", meaning: "generation cost …"),
            TableColumn("coal_price_yuan_per_t", type: "number ≥ 0", unit: "yuan/t", blank: "–", meaning: "… or coal price × coal burnt per kWh"),
            TableColumn("coal_kg_per_kwh", type: "number ≥ 0", unit: "kg/kWh", blank: "–", meaning: "… with the coal burnt per kWh"),
            TableColumn("backup_fee_yuan_per_kwh", type: "number ≥ 0", unit: "yuan/kWh", blank: "0", meaning: "system backup fee (by voltage level)"),
            TableColumn("funds_yuan_per_kwh", type: "number ≥ 0", unit: "yuan/kWh", blank: "0", meaning: "government funds and surcharges"),
            TableColumn("cross_subsidy_yuan_per_kwh", type: "number ≥ 0", unit: "yuan/kWh", blank: "0", meaning: "policy cross-subsidy"),
            TableColumn("emission_kg_per_kwh", type: "number ≥ 0", unit: "kg CO2/kWh", blank: "0", meaning: "CO2 of its generation"),
            TableColumn("min_share", type: "number 0…1", unit: "–", blank: "none", meaning: "lower bound on the plant's self-supply ratio (captive kWh ÷ all its kWh, over the year)"),
            TableColumn("max_share", type: "number 0…1", unit: "–", blank: "none", meaning: "upper bound on the plant's self-supply ratio (captive kWh ÷ all its kWh, over the year)"),
        ])

    package static let tolling = TableSchema(
        file: "tolling.csv", isOptional: true,
        columns: [
            TableColumn("id", type: "id", unit: "", blank: "required", meaning: ""),
            TableColumn("region", type: "region id", unit: "", blank: "required", meaning: "where the toller works"),
            TableColumn("process", type: "process id", unit: "", blank: "required", meaning: "what it does (e.g. `graphitization_box`)"),
            TableColumn("owner", type: "string", unit: "", blank: "required", meaning: "whose material it processes"),
            TableColumn("fee_yuan_per_t", type: "number ≥ 0", unit: "yuan/t", blank: "required", meaning: "processing fee"),
            TableColumn("capacity_t_per_y", type: "number ≥ 0", unit: "t/y", blank: "unlimited", meaning: ""),
        ])

    package static let selfSupply = TableSchema(
        file: "self_supply.csv", isOptional: true,
        columns: [
            TableColumn("owner", type: "string", unit: "", blank: "required", meaning: "matches `plants.csv` / `tolling.csv` owner"),
            TableColumn("process", type: "`;`-separated process ids", unit: "", blank: "required", meaning: "the processes counted together (e.g. all graphitization furnace types)"),
            TableColumn("min_share", type: "number 0…1", unit: "–", blank: "none", meaning: "lowest in-house ÷ (in-house + tolled), over the year"),
            TableColumn("max_share", type: "number 0…1", unit: "–", blank: "none", meaning: "highest in-house ÷ (in-house + tolled), over the year"),
            TableColumn("volume_t_per_y", type: "number ≥ 0", unit: "t/y", blank: "none", meaning: "what the owner must process for its customers, in-house and tolled together; without it a share bound can be met by the owner processing nothing"),
        ])

    package static let periods = TableSchema(
        file: "periods.csv", isOptional: true, namedInHeader: true,
        columns: [
            TableColumn("id", type: "id", unit: "", blank: "required", meaning: "`wet`, `dry`, `jan`, …"),
            TableColumn("share_of_year", type: "number 0…1", unit: "–", blank: "required", meaning: "length; the shares add up to 1"),
        ])

    package static let periodConditions = TableSchema(
        file: "period_conditions.csv", isOptional: true, namedInHeader: true,
        columns: [
            TableColumn("region", type: "region id", unit: "", blank: "required", meaning: ""),
            TableColumn("period", type: "period id", unit: "", blank: "required", meaning: ""),
            TableColumn("grid_price_yuan_per_kwh", type: "number ≥ 0", unit: "yuan/kWh", blank: "the region's", meaning: "grid price in that period"),
            TableColumn("availability", type: "number 0…1", unit: "–", blank: "1", meaning: "share of plant capacity in the region that can run (dry-season curtailment)"),
        ])

    package static let ranges = TableSchema(
        file: "ranges.csv", isOptional: true,
        columns: [
            TableColumn("table", type: "table name | `network.yaml`", unit: "", blank: "required", meaning: "the table as scenarios name it (`plants`, `regions`, …)"),
            TableColumn("row", type: "id | selector", unit: "", blank: "required (empty for `network.yaml`)", meaning: "the row's `id`; for a table without ids, `col=value;col=value` selecting exactly one row (`region=yunnan;period=dry`)"),
            TableColumn("column", type: "column | dotted key", unit: "", blank: "required", meaning: "the numeric column; for `network.yaml`, the dotted key as in scenarios (`modes.rail.rate_yuan_per_tkm`)"),
            TableColumn("low", type: "number", unit: "the column's", blank: "required", meaning: "lowest plausible value"),
            TableColumn("high", type: "number", unit: "the column's", blank: "required", meaning: "highest plausible value (low ≤ high)"),
            TableColumn("source", type: "text", unit: "", blank: "required", meaning: "the document that gives the range, or `estimate: reasoning`"),
        ])

    /// Every table, in the order the README documents them.
    package static let all: [TableSchema] = [
        regions, commodities, processes, recipes, plants, supplies, demands, links, candidates, retrofits,
        capacityLimits, alternatives, captivePower, tolling, selfSupply, periods, periodConditions, ranges,
    ]
}
