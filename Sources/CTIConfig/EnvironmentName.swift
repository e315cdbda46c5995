extension CTIBridgeConfig {
    /// The environment variable that overrides a configuration key, as swift-configuration's
    /// `EnvironmentVariablesProvider` spells it: `asterisk.ami.authMethod` → `ASTERISK_AMI_AUTH_METHOD`.
    public static func environmentVariableName(forKey key: String) -> String {
        key.split(separator: ".", omittingEmptySubsequences: false).map { component in
            var word = ""
            var previousIsLower = false
            for character in component {
                if previousIsLower && character.isUppercase { word.append("_") }
                previousIsLower = character.isLowercase
                word.append(character.isLetter || character.isNumber ? String(character).uppercased() : "_")
            }
            return word
        }.joined(separator: "_")
    }
}
