import Foundation

/// A calibration round: several evaluators score the same call on the same scorecard version,
/// optionally against an expert's reference score.
public struct CalibrationSession: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var callID: String
    public var scorecardID: String
    public var scorecardVersion: Int
    /// Who is asked to score the call.
    public var evaluatorIDs: [String]
    /// The reference evaluator, when one is named (one of `evaluatorIDs`).
    public var expertID: String?
    public var createdBy: String
    public var createdAt: Date

    public init(
        id: String, callID: String, scorecardID: String, scorecardVersion: Int, evaluatorIDs: [String], expertID: String? = nil,
        createdBy: String, createdAt: Date
    ) {
        self.id = id
        self.callID = callID
        self.scorecardID = scorecardID
        self.scorecardVersion = scorecardVersion
        self.evaluatorIDs = evaluatorIDs
        self.expertID = expertID
        self.createdBy = createdBy
        self.createdAt = createdAt
    }

    /// Every problem with the session; empty when it can be stored.
    public var problems: [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if id.isEmpty { issues.append(ValidationIssue(field: "id", message: "must not be empty")) }
        if callID.isEmpty { issues.append(ValidationIssue(field: "callID", message: "must not be empty")) }
        if Set(evaluatorIDs).count < 2 || Set(evaluatorIDs).count != evaluatorIDs.count {
            issues.append(ValidationIssue(field: "evaluatorIDs", message: "needs at least two different evaluators"))
        }
        if let expertID, !evaluatorIDs.contains(expertID) {
            issues.append(ValidationIssue(field: "expertID", message: "must be one of the evaluators"))
        }
        return issues
    }
}
