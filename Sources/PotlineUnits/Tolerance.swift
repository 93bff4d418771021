/// The tolerances with which Potline reads solver output and compares results, in one place,
/// each with the reason for its size.
package enum Tolerance {
    /// A 0/1 decision column is taken when above one half: solvers return 0.9999999 or 1e-10.
    package static let binaryOn = 0.5
    /// Column values (t, kWh) below this are the solver's rounding, not activity, and read as 0.
    package static let zeroValue = 1e-9
    /// Flows, transfers and shortfalls below this (t/y) are not reported: a microgram moves nothing.
    package static let reportedQuantity = 1e-6
    /// A branch-and-bound gap at or below this counts as proven optimal.
    package static let provenGap = 1e-9
    /// Shares that must add up to 1 (periods' shares of the year) may miss it by this much.
    package static let shareSum = 1e-6
    /// Two costs closer than this share of their size are equal: sums of up to 10⁴ terms of up
    /// to 10¹² yuan carry rounding of about 10⁻¹² of the total.
    package static let relativeCostEquality = 1e-11
    /// A model entry that moves on a line in a swept value (sums of products of inputs) matches
    /// the line through its values at the sweep's ends to this share of its size: rounding leaves
    /// about 10⁻¹⁵; a step (a surcharge tier, a dropped term) moves it by far more. Answers solved
    /// through that line and through a full formulation agree to the same share.
    package static let affineModel = 1e-9
}
