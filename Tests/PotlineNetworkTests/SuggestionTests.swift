import Testing
@testable import PotlineNetwork

/// "Did you mean": the closest known name within a third of its length (at least 2 edits); ties
/// go to the first name in order, so the message never depends on hash order.
@Suite struct SuggestionTests {
    @Test func aTieGoesToTheFirstNameInOrder() {
        // 'eest' is one edit from both.
        #expect(Suggestion.closest("eest", among: ["west", "east"]) == "east")
        #expect(Suggestion.closest("eest", among: ["east", "west"]) == "east")
    }

    @Test func tooFarIsNoSuggestion() {
        #expect(Suggestion.closest("shandong", among: ["shangdong"]) == "shangdong")
        #expect(Suggestion.closest("xinjiang", among: ["yunnan"]) == nil)
        #expect(Suggestion.didYouMean("wset", among: ["west"]) == " (did you mean 'west'?)")
    }
}
