import Yams
import PotlineNetwork
import PotlineUnits

/// Parses YAML text into its node tree. Every reader takes a scalar as its text and converts it
/// itself (so `NO` stays a word), so the tags Yams's default resolver would assign are never read;
/// the basic resolver skips compiling its regular expressions (9 M instructions, a third of
/// reading cap41's network, on every run).
func composeYAML(_ text: String) throws -> Node? { try Yams.compose(yaml: text, .basic) }

/// The parsed `network.yaml`. Read node by node (not by untyped `Yams.load`, which turns `NO`
/// into false) so that every error names its key and line, and unknown keys are reported.
struct Manifest {
    var name: String?
    var description = ""
    var baseYear: Int?
    var modes = TransportMode.builtIn
    var policy = Policy()

    /// The `policy:` section.
    struct Policy {
        var capacity: [CapacityPolicy] = []
        var maximumNewSites: Int?
        var surcharge: TieredSurcharge?
        var carbon = CarbonPolicy()
        var energy: [EnergyCap] = []
        var greenPower: GreenPowerTarget?

        func apply(to network: inout Network) {
            network.energyCaps = energy
            network.greenPower = greenPower
            network.capacityPolicies = capacity
            network.maximumNewSites = maximumNewSites
            network.surcharge = surcharge
            network.carbon = carbon
        }
    }

    static func parse(_ root: Node?, log: ProblemLog) -> Manifest {
        var manifest = Manifest()
        guard let root else { return manifest }  // missing or unreadable: already reported
        let reader = YAMLReader(log: log)
        guard let top = reader.mapping(root, path: "", keys: ["name", "description", "base_year", "modes", "policy"])
        else { return manifest }
        manifest.name = top["name"].flatMap(\.string)
        manifest.description = top["description"].flatMap(\.string) ?? ""
        if let year = top["base_year"] {
            manifest.baseYear = reader.integer(year, path: "base_year", what: "a year")
        } else {
            log.add(NetworkProblem(file: NetworkLoader.manifestFile, column: "base_year", message: "is required"))
        }
        if let modes = top["modes"] { manifest.modes = parseModes(modes, reader) }
        if let policy = top["policy"] { manifest.policy = parsePolicy(policy, reader, baseYear: manifest.baseYear) }
        return manifest
    }

    private static func parseModes(_ node: Node, _ reader: YAMLReader) -> [TransportMode] {
        var modes = TransportMode.builtIn
        guard let entries = node.mapping else {
            reader.problem(node, "modes", "must map mode names to settings")
            return modes
        }
        for (nameNode, settings) in entries {
            let name = nameNode.string ?? ""
            guard CSVRecord.isValidID(name) else {
                reader.problem(nameNode, "modes", "'\(name)' is not a valid mode name")
                continue
            }
            let path = "modes.\(name)"
            let builtIn = modes.first { $0.name == name }
            guard let keys = reader.mapping(settings, path: path, keys: ["circuity", "rate_yuan_per_tkm", "handling_yuan_per_t"])
            else { continue }
            let rate = keys["rate_yuan_per_tkm"].flatMap { reader.number($0, path: "\(path).rate_yuan_per_tkm") }
            if builtIn == nil && rate == nil {
                reader.problem(nameNode, "\(path).rate_yuan_per_tkm", "a new mode needs a rate")
            }
            let mode = TransportMode(
                name: name,
                circuity: keys["circuity"].flatMap { reader.number($0, path: "\(path).circuity") } ?? builtIn?.circuity ?? 1.3,
                rateYuanPerTonneKm: rate ?? builtIn?.rateYuanPerTonneKm ?? 0,
                handlingYuanPerTonne: keys["handling_yuan_per_t"].flatMap { reader.number($0, path: "\(path).handling_yuan_per_t") }
                    ?? builtIn?.handlingYuanPerTonne ?? 0)
            if let i = modes.firstIndex(where: { $0.name == name }) { modes[i] = mode } else { modes.append(mode) }
        }
        return modes
    }

    private static func parsePolicy(_ node: Node, _ reader: YAMLReader, baseYear: Int?) -> Policy {
        var policy = Policy()
        guard let keys = reader.mapping(node, path: "policy", keys: ["capacity", "max_new_sites", "surcharge", "carbon", "energy", "green_power"])
        else { return policy }
        if let sites = keys["max_new_sites"] {
            policy.maximumNewSites = reader.integer(sites, path: "policy.max_new_sites", what: "a whole number")
        }
        if let capacity = keys["capacity"] {
            for (i, entry) in (capacity.sequence.map(Array.init) ?? []).enumerated() {
                let path = "policy.capacity[\(i)]"
                guard
                    let fields = reader.mapping(
                        entry, path: path,
                        keys: [
                            "process", "processes", "ceiling_t_per_y", "new_capacity_min_t_per_y", "new_capacity_max_t_per_y", "capacity_transfer", "transfer_ratio", "new_plant_max_kwh_per_t",
                            "existing_plant_max_kwh_per_t", "existing_plant_deadline_year", "benchmark_kwh_per_t",
                            "benchmark_min_share", "benchmark_year",
                        ])
                else { continue }
                if let node = fields["processes"], node.sequence == nil {
                    reader.problem(node, "\(path).processes", "must be a list, e.g. [smelting, smelting_gc]")
                    continue
                }
                let processes = fields["processes"]?.sequence?.compactMap(\.string) ?? fields["process"].flatMap(\.string).map { [$0] }
                guard let processes, !processes.isEmpty else {
                    reader.problem(entry, "\(path).processes", "give process: ID or processes: [ID, …]")
                    continue
                }
                var entry = (
                    CapacityPolicy(
                        processes: processes,
                        ceilingTonnesPerYear: fields["ceiling_t_per_y"].flatMap { reader.number($0, path: "\(path).ceiling_t_per_y") },
                        capacityTransfer: fields["capacity_transfer"].flatMap { reader.boolean($0, path: "\(path).capacity_transfer") } ?? false,
                        defaultTransferRatio: fields["transfer_ratio"].flatMap { reader.number($0, path: "\(path).transfer_ratio") } ?? 1,
                        newPlantMaxKWhPerTonne: fields["new_plant_max_kwh_per_t"].flatMap {
                            reader.number($0, path: "\(path).new_plant_max_kwh_per_t")
                        },
                        existingPlantMaxKWhPerTonne: fields["existing_plant_max_kwh_per_t"].flatMap {
                            reader.number($0, path: "\(path).existing_plant_max_kwh_per_t")
                        },
                        existingPlantDeadlineYear: fields["existing_plant_deadline_year"].flatMap {
                            reader.integer($0, path: "\(path).existing_plant_deadline_year", what: "a year")
                        }))
                entry.newCapacityMinimumTonnesPerYear = fields["new_capacity_min_t_per_y"].flatMap {
                    reader.number($0, path: "\(path).new_capacity_min_t_per_y")
                }
                entry.newCapacityMaximumTonnesPerYear = fields["new_capacity_max_t_per_y"].flatMap {
                    reader.number($0, path: "\(path).new_capacity_max_t_per_y")
                }
                entry.benchmarkKWhPerTonne = fields["benchmark_kwh_per_t"].flatMap {
                    reader.number($0, path: "\(path).benchmark_kwh_per_t")
                }
                entry.benchmarkMinimumShare = fields["benchmark_min_share"].flatMap {
                    reader.number($0, path: "\(path).benchmark_min_share")
                }
                entry.benchmarkYear = fields["benchmark_year"].flatMap {
                    reader.integer($0, path: "\(path).benchmark_year", what: "a year")
                }
                policy.capacity.append(entry)
            }
            if capacity.sequence == nil { reader.problem(capacity, "policy.capacity", "must be a list of process policies") }
        }
        if let surcharge = keys["surcharge"] {
            let path = "policy.surcharge"
            if let fields = reader.mapping(
                surcharge, path: path,
                keys: [
                    "processes", "threshold_year", "threshold_kwh_per_t", "step_kwh_per_t", "yuan_per_kwh_per_step",
                    "renewable_share_free", "credit_per_percentage_point",
                ])
            {
                func number(_ key: String) -> Double? { fields[key].flatMap { reader.number($0, path: "\(path).\(key)") } }
                var threshold = number("threshold_kwh_per_t")
                if let yearNode = fields["threshold_year"], let year = reader.integer(yearNode, path: "\(path).threshold_year", what: "a year") {
                    if threshold != nil {
                        reader.problem(yearNode, "\(path).threshold_year", "give threshold_year or threshold_kwh_per_t, not both")
                    }
                    threshold = TieredSurcharge.threshold(forYear: year)
                } else if threshold == nil, let baseYear {
                    // Neither given: the threshold in force in the base year, so that one
                    // base_year sets every year-dependent rule (the energy standard's deadline too).
                    threshold = TieredSurcharge.threshold(forYear: baseYear)
                }
                if let threshold {
                    var processes = ["smelting"]
                    if let node = fields["processes"] {
                        if let list = node.sequence { processes = list.compactMap(\.string) } else {
                            reader.problem(node, "\(path).processes", "must be a list, e.g. [smelting]")
                        }
                    }
                    policy.surcharge = TieredSurcharge(
                        processes: processes,
                        thresholdKWhPerTonne: threshold, stepKWhPerTonne: number("step_kwh_per_t") ?? 20,
                        yuanPerKWhPerStep: number("yuan_per_kwh_per_step") ?? 0.01,
                        renewableShareFree: number("renewable_share_free") ?? 0.15,
                        creditPerPercentagePoint: number("credit_per_percentage_point") ?? 0.01)
                } else {
                    reader.problem(surcharge, "\(path).threshold_kwh_per_t", "give threshold_year or threshold_kwh_per_t, or base_year")
                }
            }
        }
        if let carbon = keys["carbon"],
            let fields = reader.mapping(carbon, path: "policy.carbon", keys: ["price_yuan_per_t", "national_cap_t_per_y"])
        {
            policy.carbon = CarbonPolicy(
                priceYuanPerTonne: fields["price_yuan_per_t"].flatMap { reader.number($0, path: "policy.carbon.price_yuan_per_t") } ?? 0,
                nationalCapTonnes: fields["national_cap_t_per_y"].flatMap {
                    reader.number($0, path: "policy.carbon.national_cap_t_per_y")
                })
        }
        if let energy = keys["energy"] {
            if let entries = energy.sequence {
                for (k, entry) in entries.enumerated() {
                    let path = "policy.energy[\(k)]"
                    guard let fields = reader.mapping(entry, path: path, keys: ["processes", "national_cap_kwh_per_y", "regional_caps_kwh_per_y"])
                    else { continue }
                    guard let processes = reader.processList(fields["processes"], in: entry, path: "\(path).processes") else { continue }
                    policy.energy.append(
                        EnergyCap(
                            processes: processes,
                            nationalCapKWhPerYear: fields["national_cap_kwh_per_y"].flatMap {
                                reader.number($0, path: "\(path).national_cap_kwh_per_y")
                            },
                            regionalCapsKWhPerYear: reader.numbersByKey(fields["regional_caps_kwh_per_y"], path: "\(path).regional_caps_kwh_per_y")))
                }
            } else {
                reader.problem(energy, "policy.energy", "must be a list of caps, each with processes: [ID, …]")
            }
        }
        if let green = keys["green_power"] {
            let path = "policy.green_power"
            if let fields = reader.mapping(green, path: path, keys: ["processes", "certificate_price_yuan_per_kwh", "min_share"]),
                let processes = reader.processList(fields["processes"], in: green, path: "\(path).processes")
            {
                if let price = fields["certificate_price_yuan_per_kwh"] {
                    if let value = reader.number(price, path: "\(path).certificate_price_yuan_per_kwh") {
                        policy.greenPower = GreenPowerTarget(
                            processes: processes, certificatePriceYuanPerKWh: value,
                            minimumShares: reader.numbersByKey(fields["min_share"], path: "\(path).min_share"))
                    }
                } else {
                    reader.problem(green, "\(path).certificate_price_yuan_per_kwh", "is required: what a kWh of green certificate costs")
                }
            }
        }
        return policy
    }
}

/// Typed reads from a YAML node tree that log a located problem (key path and line) when a
/// value is missing, of the wrong type, or a key is unknown.
struct YAMLReader {
    let log: ProblemLog
    var file = NetworkLoader.manifestFile

    func problem(_ node: Node, _ path: String, _ message: String) {
        log.add(NetworkProblem(file: file, row: node.mark.map { $0.line }, column: path, message: message))
    }

    /// The mapping's values by key; unknown keys are reported (with the closest known key).
    func mapping(_ node: Node, path: String, keys: [String]) -> [String: Node]? {
        guard let mapping = node.mapping else {
            problem(node, path.isEmpty ? "(top level)" : path, "must be a mapping of keys (\(keys.joined(separator: ", ")))")
            return nil
        }
        var values: [String: Node] = [:]
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let full = path.isEmpty ? key : "\(path).\(key)"
            if keys.contains(key) {
                values[key] = value
            } else {
                problem(keyNode, full, "unknown key" + Suggestion.didYouMean(key, among: keys))
            }
        }
        return values
    }

    func number(_ node: Node, path: String) -> Double? {
        if let value = node.string.flatMap(NumberText.parse) {
            let key = path.split(separator: ".").last.map(String.init) ?? path
            if let message = Plausibility.violation(column: key, value: value) {
                problem(node, path, "'\(node.string ?? "")' \(message)")
                return nil
            }
            return value
        }
        problem(node, path, "'\(node.string ?? "")' is not a number")
        return nil
    }

    /// A required `processes: [ID, …]` list.
    func processList(_ node: Node?, in parent: Node, path: String) -> [String]? {
        guard let node else {
            problem(parent, path, "is required: give processes: [ID, …]")
            return nil
        }
        guard let list = node.sequence?.compactMap(\.string), !list.isEmpty else {
            problem(node, path, "must be a list of process ids, e.g. [smelting]")
            return nil
        }
        return list
    }

    /// A mapping of ids to numbers (`shandong: 0.21`), each number checked; absent: empty.
    func numbersByKey(_ node: Node?, path: String) -> [String: Double] {
        guard let node else { return [:] }
        guard let mapping = node.mapping else {
            problem(node, path, "must map region ids to numbers")
            return [:]
        }
        var values: [String: Double] = [:]
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            if let number = number(value, path: "\(path).\(key)") { values[key] = number }
        }
        return values
    }

    func integer(_ node: Node, path: String, what: String) -> Int? {
        if let value = node.string.flatMap({ Int($0.replacingOccurrences(of: "_", with: "")) }) { return value }
        problem(node, path, "'\(node.string ?? "")' is not \(what)")
        return nil
    }

    func boolean(_ node: Node, path: String) -> Bool? {
        switch node.string?.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            problem(node, path, "'\(node.string ?? "")' is not true or false")
            return nil
        }
    }
}
