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
    private let periodCount: Int
    /// Tonnes of flow `i` in period `p` at `i × periods + p`.
    private var tonnes: [Double] = []

    init(_ formulation: Formulation, values x: [Double]) {
        periodCount = formulation.periods.count
        let commodityCount = formulation.network.commodities.count
        // A flow's place, found by index, not by hashing its key (hashing was most of a sweep
        // point's read): per link and commodity, one slot for each direction, the direction told
        // by which end the flow leaves from (a link's two ends are distinct regions).
        var place = [Int](repeating: -1, count: formulation.network.links.count * commodityCount * 2)
        for shipment in formulation.shipments where x[shipment.column] > Tolerance.reportedQuantity {
            let slot = ((shipment.link * commodityCount) + shipment.commodity) * 2 + (shipment.from <= shipment.to ? 0 : 1)
            if place[slot] < 0 {
                place[slot] = keys.count
                keys.append(Key(link: shipment.link, commodity: shipment.commodity, from: shipment.from))
                tonnes.append(contentsOf: repeatElement(0, count: periodCount))
            }
            tonnes[place[slot] * periodCount + shipment.period] += x[shipment.column]
        }
    }

    /// The tonnes of flow `i` (of ``keys``) in each period.
    func tonnesByPeriod(_ i: Int) -> ArraySlice<Double> { tonnes[(i * periodCount)..<((i + 1) * periodCount)] }

    /// The region a flow goes to: the link's other end.
    static func destination(of key: Key, in network: Network) -> String {
        let link = network.links[key.link]
        return link.from == network.regions[key.from].id ? link.to : link.from
    }
}
