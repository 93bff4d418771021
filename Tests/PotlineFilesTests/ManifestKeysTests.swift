import Testing
import Yams
@testable import PotlineFiles

/// Dotted keys into `network.yaml`: parsing, reading, setting, removing and listing, on a
/// manifest small enough to hold in the head.
@Suite struct ManifestKeysTests {
    static let yaml = """
        modes:
          rail:
            rate_yuan_per_tkm: 0.15
        policy:
          capacity:
            - process: smelting
              ceiling_t_per_y: 45000000
            - process: refining
              ceiling_t_per_y: 100
          surcharge:
            processes: [smelting, refining]
        """

    static func manifest() throws -> Node { try #require(try Yams.compose(yaml: yaml)) }

    @Test func parsesNamesPositionsAndMatches() throws {
        let key = try DottedKey("policy.capacity[process=smelting].ceiling_t_per_y")
        #expect(key.segments.map(\.text) == ["policy", "capacity[process=smelting]", "ceiling_t_per_y"])
        let position = try DottedKey("policy.surcharge.processes[0]")
        #expect(position.segments.map(\.text) == ["policy", "surcharge", "processes[0]"])
        // A dot inside brackets belongs to the value, not to the path.
        let dotted = try DottedKey("rows[share=0.5].id")
        #expect(dotted.segments.map(\.text) == ["rows[share=0.5]", "id"])
    }

    @Test func rejectsMalformedKeysWithTheirText() {
        for text in ["a..b", "", "x]", "[0]", "x[0", "x[]", "x[-1]", "x[=1]"] {
            #expect(throws: DottedKeyError.self, "\(text)") { try DottedKey(text) }
        }
        let deep = Array(repeating: "a", count: DottedKey.maximumSegments + 1).joined(separator: ".")
        #expect(throws: DottedKeyError.self) { try DottedKey(deep) }
        #expect(throws: Never.self) { try DottedKey(Array(repeating: "a", count: DottedKey.maximumSegments).joined(separator: ".")) }
    }

    @Test func readsThroughMappingsAndListItems() throws {
        let node = try Self.manifest()
        #expect(node.value(atDottedKey: "modes.rail.rate_yuan_per_tkm")?.string == "0.15")
        #expect(node.value(atDottedKey: "policy.capacity[process=refining].ceiling_t_per_y")?.string == "100")
        #expect(node.value(atDottedKey: "policy.capacity[1].process")?.string == "refining")
        #expect(node.value(atDottedKey: "policy.surcharge.processes[0]")?.string == "smelting")
        // Numbers match by value: 1e2 names the item whose ceiling is 100.
        #expect(node.value(atDottedKey: "policy.capacity[ceiling_t_per_y=1e2].process")?.string == "refining")
        #expect(node.value(atDottedKey: "policy.capacity[process=casting]") == nil)
        #expect(node.value(atDottedKey: "policy.capacity[2]") == nil)
        #expect(node.value(atDottedKey: "modes.road") == nil)
        #expect(node.value(atDottedKey: "a..b") == nil)
    }

    @Test func setsValuesAndCreatesMappingsButNotListItems() throws {
        var node = try Self.manifest()
        try node.setValue("0.2", atDottedKey: "modes.rail.rate_yuan_per_tkm")
        #expect(node.value(atDottedKey: "modes.rail.rate_yuan_per_tkm")?.string == "0.2")
        try node.setValue("0.45", atDottedKey: "modes.road.rate_yuan_per_tkm")
        #expect(node.value(atDottedKey: "modes.road.rate_yuan_per_tkm")?.string == "0.45")
        try node.setValue("50", atDottedKey: "policy.capacity[process=refining].ceiling_t_per_y")
        #expect(node.value(atDottedKey: "policy.capacity[1].ceiling_t_per_y")?.string == "50")
        #expect(node.value(atDottedKey: "policy.capacity[0].ceiling_t_per_y")?.string == "45000000")

        #expect(throws: DottedKeyError.self) { try node.setValue("1", atDottedKey: "modes.rail.rate_yuan_per_tkm.low") }
        #expect(throws: DottedKeyError.self) { try node.setValue("1", atDottedKey: "policy.capacity[process=casting].ceiling_t_per_y") }
        #expect(throws: DottedKeyError.self) { try node.setValue("1", atDottedKey: "policy.limits[0].ceiling_t_per_y") }
    }

    @Test func removesMappingEntriesAndListItems() throws {
        var node = try Self.manifest()
        let removed = node.removeValue(atDottedKey: "policy.capacity[process=smelting]")
        #expect(removed?.value(atDottedKey: "ceiling_t_per_y")?.string == "45000000")
        #expect(node.value(atDottedKey: "policy.capacity[0].process")?.string == "refining")
        #expect(node.value(atDottedKey: "policy.capacity[1]") == nil)

        #expect(node.removeValue(atDottedKey: "modes.rail.rate_yuan_per_tkm")?.string == "0.15")
        #expect(node.value(atDottedKey: "modes.rail.rate_yuan_per_tkm") == nil)
        #expect(node.removeValue(atDottedKey: "modes.rail.rate_yuan_per_tkm") == nil)
        #expect(node.removeValue(atDottedKey: "carbon.price") == nil)
    }

    @Test func flattensEverySettingToTheKeyThatReachesIt() throws {
        let flat = try Self.manifest().flattened().map { "\($0.key)=\($0.value)" }
        #expect(
            flat == [
                "modes.rail.rate_yuan_per_tkm=0.15",
                "policy.capacity[process=smelting].process=smelting",
                "policy.capacity[process=smelting].ceiling_t_per_y=45000000",
                "policy.capacity[process=refining].process=refining",
                "policy.capacity[process=refining].ceiling_t_per_y=100",
                "policy.surcharge.processes=[smelting, refining]",
            ])
        // Items whose first keys repeat are named by position instead.
        let twins = try #require(try Yams.compose(yaml: "rows:\n  - kind: a\n    n: 1\n  - kind: a\n    n: 2\n"))
        #expect(twins.flattened().map { "\($0.key)=\($0.value)" } == ["rows[0].kind=a", "rows[0].n=1", "rows[1].kind=a", "rows[1].n=2"])
        // And every flattened key reads back its value.
        let node = try Self.manifest()
        for (key, value) in node.flattened() where !value.hasPrefix("[") {
            #expect(node.value(atDottedKey: key)?.string == value, "\(key)")
        }
    }
}
