import Testing
import Potline
import PotlineTestSupport
@testable import PotlineFormulation
@testable import PotlineNetwork

@Suite struct FormulationTests {
    @Test func namesAndSizeOfTheTwoSmeltersModel() throws {
        let formulation = Formulation(try NetworkLoader.load(from: Fixtures.twoSmelters))
        let model = formulation.model
        // 2 plants + 2 supplies + trunk: 3 commodities east→west, 3 west→east (all reachable both ends).
        #expect(model.columns.count == 10)
        // balance rows: east × 3 commodities, west × 3.
        #expect(model.rows.count == 6)
        #expect(model.columns.map(\.name).contains("make.west_smelter"))
        #expect(model.columns.map(\.name).contains("ship.trunk.alumina.rev"))
        #expect(model.rows.map(\.name).contains("balance.east.aluminium"))
        #expect(model.rows[formulation.demandRows[0][0]].lower == 100_000)
        #expect(model.problems().isEmpty)
        let west = model.columns[formulation.makeColumns[0][0]]
        #expect(west.upper == 60_000)
        #expect(abs(west.cost - (13_500 * 0.30 + 2_000)) < 1e-9)
    }

    @Test func linkCapacityRowAndRestrictedCommodities() throws {
        var network = try NetworkLoader.load(from: Fixtures.twoSmelters).network
        network.links[0].capacityTonnesPerYear = 100_000
        network.links[0].commodities = ["alumina", "prebaked_anode", "aluminium"]
        network.links[0].bidirectional = true
        let formulation = Formulation(try network.validated())
        #expect(formulation.model.rows.map(\.name).suffix(2) == ["linkcap.trunk", "linkcap.trunk.rev"])
        // With 100 kt/y each way, west can get inputs for 100,000 / 2.42 = 41,322.3 t of aluminium.
        let solution = try network.solve()
        let west = solution.plants.first { $0.id == "west_smelter" }!
        #expect(close(west.productionTonnesPerYear, 100_000 / 2.42))
    }

    @Test func flowVariablesOnlyWhereMaterialCanBe() throws {
        var network = try NetworkLoader.load(from: Fixtures.twoSmelters).network
        network.links[0].bidirectional = false  // east → west only: nothing can come back
        let names = Formulation(try network.validated()).model.columns.map(\.name)
        #expect(!names.contains { $0.hasSuffix(".rev") })
        #expect(names.filter { $0.hasPrefix("ship.") }.count == 3)
    }

    @Test func greatCircleDistanceWithCircuity() throws {
        var network = try NetworkLoader.load(from: Fixtures.twoSmelters).network
        network.links[0].distanceKm = nil
        let index = NetworkIndex(network)
        // Shanghai (31.23, 121.47) to Urumqi (43.83, 87.62): about 3,270 km great-circle.
        let greatCircle = Geography.greatCircleKm(fromLatitude: 31.23, longitude: 121.47, toLatitude: 43.83, longitude: 87.62)
        #expect(abs(greatCircle - 3_270) < 15)
        #expect(abs(index.distanceKm(network.links[0]) - greatCircle * 1.25) < 1e-9)
        #expect(abs(Geography.greatCircleKm(fromLatitude: 0, longitude: 0, toLatitude: 0, longitude: 1) - 111.19) < 0.01)
    }
}
