/// Collects problems while a network is read, so that one pass reports all of them.
package final class ProblemLog {
    package private(set) var problems: [NetworkProblem] = []
    /// Tables the parser asked for, so that a table no parser reads can be reported.
    package var tablesRead: Set<String> = []
    /// Ids of rows dropped for a bad field: a reference to one is not also "unknown".
    package var droppedIDs: Set<String> = []
    package init() {}
    package func add(_ problem: NetworkProblem) { problems.append(problem) }
}

/// The manifest's file name: problems with a policy setting (which has no table row) point at it.
package let manifestFileName = "network.yaml"
