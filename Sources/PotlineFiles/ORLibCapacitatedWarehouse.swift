import Foundation
import PotlineNetwork

/// An OR-Library capacitated warehouse location instance (Beasley 1988, e.g. `cap41`):
/// m sites with a capacity and a fixed cost, n customers with a demand and the cost of serving
/// all of it from each site. Demand may be split between sites.
package struct CapacitatedWarehouseInstance: Sendable, Equatable {
    package struct Site: Sendable, Equatable {
        package var capacity: Double
        package var fixedCost: Double
    }

    package struct Customer: Sendable, Equatable {
        package var demand: Double
        /// Cost of serving all of the demand from each site, in site order.
        package var costs: [Double]
    }

    package var sites: [Site]
    package var customers: [Customer]

    /// Parses the whitespace-separated format: `m n`, then m lines `capacity fixed_cost`, then
    /// for each customer its demand followed by m costs (wrapping over lines).
    package static func parse(_ text: String, file: String = "input") throws(ImportError) -> Self {
        var tokens: [(text: Substring, line: Int)] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for token in line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }) { tokens.append((token, number + 1)) }
        }
        var position = 0
        func next(_ what: String) throws(ImportError) -> Double {
            guard position < tokens.count else {
                throw ImportError(file: file, line: tokens.last?.line, message: "ends early: expected \(what)")
            }
            let token = tokens[position]
            position += 1
            guard let value = Double(token.text), value.isFinite, value >= 0 else {
                throw ImportError(file: file, line: token.line, message: "'\(token.text)' is not a non-negative number (\(what))")
            }
            return value
        }
        func count(_ what: String) throws(ImportError) -> Int {
            let value = try next(what)
            guard value == value.rounded(), value >= 1, value < 1_000_000 else {
                throw ImportError(file: file, line: tokens[position - 1].line, message: "\(what) must be a positive whole number")
            }
            return Int(value)
        }
        let m = try count("the number of sites m")
        let n = try count("the number of customers n")
        var sites: [Site] = []
        for i in 1...m {
            let capacity = try next("capacity of site \(i)")
            guard capacity > 0 else {
                throw ImportError(file: file, line: tokens[position - 1].line, message: "site \(i) has capacity 0: a site must hold something")
            }
            sites.append(Site(capacity: capacity, fixedCost: try next("fixed cost of site \(i)")))
        }
        var customers: [Customer] = []
        for j in 1...n {
            let demand = try next("demand of customer \(j)")
            var costs: [Double] = []
            for i in 1...m {
                let cost = try next("cost of serving customer \(j) from site \(i)")
                // The network charges cost / demand per tonne: it must be a plausible yuan/t.
                if demand > 0, let problem = Plausibility.violation(column: "handling_yuan_per_t", value: cost / demand) {
                    throw ImportError(
                        file: file, line: tokens[position - 1].line,
                        message: "serving customer \(j) from site \(i) costs \(cost / demand) per tonne of its demand \(demand), which \(problem)")
                }
                costs.append(cost)
            }
            customers.append(Customer(demand: demand, costs: costs))
        }
        if position < tokens.count {
            throw ImportError(file: file, line: tokens[position].line, message: "has \(tokens.count - position) values after the last customer")
        }
        return Self(sites: sites, customers: customers)
    }

    /// The equivalent Potline network: sites are one-module candidate plants (capacity, fixed
    /// cost as a yearly charge), customers are demand regions, and each (site, customer) pair is
    /// a one-way link whose handling charge is the per-tonne cost `cost / demand`.
    package func network(name: String) -> Network {
        var network = Network(
            name: name, description: "OR-Library capacitated warehouse location instance \(name) (Beasley 1988)",
            baseYear: 1988,
            modes: [TransportMode(name: "assignment", circuity: 1, rateYuanPerTonneKm: 0, handlingYuanPerTonne: 0)])
        network.commodities = [Commodity(id: "goods")]
        network.processes = [ProductionProcess(id: "warehousing", output: "goods")]
        let siteIDs = sites.indices.map { "site_\($0 + 1)" }
        let customerIDs = customers.indices.map { "customer_\($0 + 1)" }
        network.regions = (siteIDs + customerIDs).map { Region(id: $0, latitudeDegrees: 0, longitudeDegrees: 0) }
        network.candidates = zip(siteIDs, sites).map { id, site in
            Candidate(
                id: "warehouse_\(id.dropFirst(5))", region: id, process: "warehousing",
                sizing: .modules(sizeTonnesPerYear: site.capacity, maximum: 1), siteCapexYuan: site.fixedCost,
                lifetimeYears: 1, discountRate: 0)
        }
        network.demands = zip(customerIDs, customers).map { id, customer in
            Demand(region: id, commodity: "goods", tonnesPerYear: customer.demand)
        }
        for (j, customer) in customers.enumerated() where customer.demand > 0 {
            for (i, cost) in customer.costs.enumerated() {
                network.links.append(
                    Link(
                        id: "s\(i + 1)_c\(j + 1)", from: siteIDs[i], to: customerIDs[j], mode: "assignment",
                        handlingYuanPerTonne: cost / customer.demand, bidirectional: false))
            }
        }
        return network
    }
}

/// A file that could not be imported, with the line at fault.
package struct ImportError: Error, Sendable, CustomStringConvertible {
    package var file: String
    package var line: Int?
    package var message: String
    package var description: String { "\(file)\(line.map { ", line \($0)" } ?? ""): \(message)" }
}
