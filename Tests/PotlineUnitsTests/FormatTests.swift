import Testing
import PotlineUnits

/// Numbers for people: every expected text below is written out by hand from the rule in
/// `Format.swift` (group thousands with ",", round half away from zero, "–" for no value).
@Suite struct FormatTests {
    @Test func groupsThousandsAndRoundsToTheDecimalsAsked() {
        #expect(Format.number(1_234_567.891, decimals: 1) == "1,234,567.9")
        #expect(Format.number(999.5) == "1,000")
        #expect(Format.number(1_000) == "1,000")
        #expect(Format.number(999) == "999")
        #expect(Format.number(12.05, decimals: 3) == "12.050")
        #expect(Format.number(0.04, decimals: 2) == "0.04")
        #expect(Format.number(-45.06, decimals: 1) == "-45.1")
    }

    @Test func negativeValuesThatRoundToZeroHaveNoSign() {
        #expect(Format.number(-0.04, decimals: 1) == "0.0")
        #expect(Format.number(-0.4) == "0")
    }

    @Test func nonFiniteAndHugeValuesStayReadable() {
        #expect(Format.number(.nan) == "–")
        #expect(Format.number(.infinity) == "∞")
        #expect(Format.number(-.infinity) == "−∞")
        #expect(Format.number(2e15) == "2.000e+15")
    }

    @Test func unitHelpersScaleBeforeFormatting() {
        #expect(Format.kilotonnes(1_234_567) == "1,234.6")
        #expect(Format.millionYuan(156_000_000) == "156.0")
        #expect(Format.percent(0.9583) == "95.8%")
        #expect(Format.optional(nil) == "–")
        #expect(Format.optional(2_500.25, decimals: 1) == "2,500.3")
    }

    @Test func signedChangesShowPlusExceptForNothing() {
        #expect(Format.signed(1_126.8, decimals: 1) == "+1,126.8")
        #expect(Format.signed(-45.1, decimals: 1) == "-45.1")
        #expect(Format.signed(0.01, decimals: 1) == "0.0")
        #expect(Format.signed(-0.01, decimals: 1) == "0.0")
    }

    @Test func durationsSwitchFromMillisecondsToSecondsAtOne() {
        #expect(Format.seconds(0.085) == "85 ms")
        #expect(Format.seconds(2.349) == "2.35 s")
        #expect(Format.seconds(1) == "1.00 s")
    }
}

@Suite struct MoneyScaleTests {
    @Test func smallTotalsKeepWholeYuan() {
        let small = Format.MoneyScale(largest: 1_040_444.375)
        #expect(small == .yuan && small.unit == "yuan" && small.text(1_040_444.375) == "1,040,444")
        let large = Format.MoneyScale(largest: 710_530_700_000)
        #expect(large == .millionYuan && large.unit == "M yuan" && large.text(710_530_700_000) == "710,530.7")
        // The switch: 100 M yuan keeps four figures in M yuan; just below it whole yuan.
        #expect(Format.MoneyScale(largest: -100_000_000) == .millionYuan)
        #expect(Format.MoneyScale(largest: 99_999_999) == .yuan)
    }
}
