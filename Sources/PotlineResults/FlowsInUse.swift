import PotlineFormulation
import PotlineNetwork

/// The shipments a solution uses, one flow per link, commodity and direction, with its tonnes by
/// period, in the order the formulation first ships each: what the full reader and the short
/// summary both report, read one way so that they cannot differ.
struct FlowsInUse {
    struct Key: Hashable {
        let link: Int
        let commodity: Int
        let from: Int
    }

    private(set) var keys: [Key] = []
    private(set) var tonnesByPeriod: [Key: [Double]] = [:]

    init(_ formulation: Formulation, values x: [Double]) {
        for shipment in formulation.shipments where x[shipment.column] > Tolerance.reportedQuantity {
            let key = Key(link: shipment.link, commodity: shipment.commodity, from: shipment.from)
            if tonnesByPeriod[key] == nil {
                keys.append(key)
                tonnesByPeriod[key] = Array(repeating: 0, count: formulation.periods.count)
            }
            tonnesByPeriod[key]![shipment.period] += x[shipment.column]
        }
    }

    /// The region a flow goes to: the link's other end.
    static func destination(of key: Key, in network: Network) -> String {
        let link = network.links[key.link]
        return link.from == network.regions[key.from].id ? link.to : link.from
    }
}
