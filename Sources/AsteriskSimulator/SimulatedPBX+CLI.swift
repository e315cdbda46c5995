/// The few CLI commands the `Command` action can run, with Asterisk's output.
extension SimulatedPBX {
    /// Runs a CLI command; `succeeded` is false (and the output Asterisk's complaint) for unknown commands.
    public func runCommand(_ command: String) -> (succeeded: Bool, output: [String]) {
        let words = command.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" })
        switch words.joined(separator: " ") {
        case "core show uptime":
            return (true, ["System uptime: \(Self.uptimeText(now - bootTime))", "Last reload: \(Self.uptimeText(now - lastReload))"])
        case "core show uptime seconds":
            return (true, ["System uptime: \((now - bootTime).wholeSeconds)", "Last reload: \((now - lastReload).wholeSeconds)"])
        case "core show channels":
            return (true, channelTable())
        case "core show channels count":
            return (true, channelCounts())
        case "core show version":
            return (true, ["Asterisk \(settings.version) built by ctibridge @ simulator on a x86_64 running Linux"])
        default:
            let text = command.trimmingBlanks()
            return (false, ["No such command '\(text)' (type 'core show help \(text)' for other possible commands)"])
        }
    }

    private func channelTable() -> [String] {
        func column(_ text: String, _ width: Int) -> String {
            let cut = String(text.prefix(width))
            return cut + String(repeating: " ", count: width - cut.count)
        }
        var lines = [column("Channel", 20) + " " + column("Location", 20) + " " + column("State", 7) + " " + column("Application(Data)", 30)]
        for channel in orderedChannels {
            let location = "\(channel.exten)@\(channel.context):\(channel.priority)"
            let application = channel.application.isEmpty ? "(None)" : "\(channel.application)(\(channel.applicationData))"
            lines.append(column(channel.name, 20) + " " + column(location, 20) + " " + column(channel.stateDescription, 7) + " " + column(application, 30))
        }
        return lines + channelCounts()
    }

    private func channelCounts() -> [String] {
        let count = channels.count
        let calls = Set(channels.values.map(\.linkedID)).count
        return [
            "\(count) active channel\(count == 1 ? "" : "s")",
            "\(calls) active call\(calls == 1 ? "" : "s")",
            "\(callsProcessed) call\(callsProcessed == 1 ? "" : "s") processed",
        ]
    }

    /// `14 minutes, 52 seconds`, as `core show uptime`.
    static func uptimeText(_ duration: Duration) -> String {
        var rest = duration.wholeSeconds
        var parts: [String] = []
        for (unit, size) in [("year", Int64(31_536_000)), ("week", 604_800), ("day", 86_400), ("hour", 3_600), ("minute", 60)] {
            let count = rest / size
            rest %= size
            if count > 0 { parts.append("\(count) \(unit)\(count == 1 ? "" : "s")") }
        }
        if rest > 0 || parts.isEmpty { parts.append("\(rest) second\(rest == 1 ? "" : "s")") }
        return parts.joined(separator: ", ")
    }
}
