/// A minimum share of green power in some processes' electricity by region, met with green
/// certificates (绿色电力消费比例, counted in 绿证: 发改办能源〔2024〕598号). Each plant's own
/// renewable share counts; the rest of the target is bought as certificates, so a plant pays
/// `max(0, target − renewable share) × certificate price` on every kWh it uses. The target is
/// per enterprise in the notice, so one plant's surplus does not cover another's shortfall.
public struct GreenPowerTarget: Sendable, Equatable {
    /// The processes the target applies to.
    public var processes: [String]
    /// Yuan per kWh of certificate (one certificate is 1 MWh).
    public var certificatePriceYuanPerKWh: Double
    /// Minimum green share (0…1) by region id; regions without one have no target.
    public var minimumShares: [String: Double]

    public init(processes: [String], certificatePriceYuanPerKWh: Double, minimumShares: [String: Double] = [:]) {
        self.processes = processes
        self.certificatePriceYuanPerKWh = certificatePriceYuanPerKWh
        self.minimumShares = minimumShares
    }

    /// Certificates a plant of `process` in `region` buys per kWh it uses, at its `renewableShare`.
    public func certificateYuanPerKWh(process: String, region: String, renewableShare: Double) -> Double {
        guard processes.contains(process), let target = minimumShares[region] else { return 0 }
        return max(0, target - renewableShare) * certificatePriceYuanPerKWh
    }
}
