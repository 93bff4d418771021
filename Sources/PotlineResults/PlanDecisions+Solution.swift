import PotlineFormulation

extension PlanDecisions {
    /// The decisions `solution` took on `network`.
    package init(_ solution: Solution, siting: Bool) {
        self.init()
        if siting {
            for build in solution.plan?.builds ?? [] { values["build \(build.candidate)"] = build.capacityTonnesPerYear }
            for closure in solution.plan?.closures ?? [] { values["close \(closure.plant)"] = 1 }
            for retrofit in solution.plan?.retrofits ?? [] { values["retrofit \(retrofit.retrofit)"] = 1 }
        } else {
            for plant in solution.plants where plant.kind == .existing {
                values["make \(plant.id)"] = plant.productionTonnesPerYear
                production[plant.id] = plant.productionByPeriodT ?? [:]
            }
        }
    }
}
