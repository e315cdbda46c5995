/// A call's need for one skill at a minimum level (agents hold skills at levels 1-10).
public struct SkillRequirement: Sendable, Hashable, Codable {
    /// The skill's name, e.g. `billing` or `lang.fr`.
    public var skill: String
    /// The lowest acceptable level, 1-10.
    public var minimumLevel: Int

    /// Requires `skill` at `minimumLevel` or above.
    public init(_ skill: String, atLeast minimumLevel: Int) {
        self.skill = skill
        self.minimumLevel = minimumLevel
    }

    /// Whether an agent with `skills` satisfies this requirement.
    public func isMet(by skills: [String: Int]) -> Bool {
        (skills[skill] ?? 0) >= minimumLevel
    }
}
