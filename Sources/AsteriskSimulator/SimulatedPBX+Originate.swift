import AMI

/// Originate: the channel events of the capture (Local halves, `LocalBridge`, Dial events), the
/// destination (a queue context joins the queue), and `OriginateResponse`.
extension SimulatedPBX {
    /// Places the call at once (simulated phones answer immediately); with `announce`, raises
    /// `OriginateResponse` (the async form) between reaching the destination and joining a queue.
    @discardableResult
    public mutating func originate(_ request: OriginateRequest, announce: Bool = true) -> OriginateOutcome {
        let technology = String(request.channel.prefix { $0 != "/" }).lowercased()
        let resource = String(request.channel.drop { $0 != "/" }.dropFirst())
        if let failure = settings.originateFailures[request.channel.lowercased()]
            ?? (settings.technologies.contains(technology) && !resource.isEmpty ? nil : .failed)
        {
            if announce { emitOriginateResponse(request, channel: nil, reason: failure.rawValue) }
            return .failed(failure)
        }
        callsProcessed += 1
        let callerID = request.parsedCallerID
        let one = technology == "local"
            ? dialLocal(resource, request, callerID: callerID)
            : dialPhone(request, callerID: callerID)
        let queue = enterDestination(one, request)
        if announce { emitOriginateResponse(request, channel: one, reason: 4) }
        if let queue { joinQueue(one, queue: queue) }
        if let two = channels[one]?.partnerID { runApplication(two, "Wait", "600") }
        return .answered(channel: channels[one]?.name ?? request.channel, uniqueID: one)
    }

    /// The Local pair of the capture: `;1` dials out (AppDial2), `;2` runs its dialplan and answers.
    private mutating func dialLocal(_ resource: String, _ request: OriginateRequest, callerID: (number: String, name: String)) -> String {
        let (one, two) = makeLocalPair(resource: resource, ids: (request.channelID, request.otherChannelID), linkedID: nil)
        runApplication(one, "AppDial2", "(Outgoing Line)", priority: 1)
        for variable in request.variables { setVariable(one, variable.name, variable.value) }
        let hasCallerID = !callerID.number.isEmpty || !callerID.name.isEmpty
        if hasCallerID {
            setCallerID(one, number: callerID.number, name: callerID.name)
            setConnectedLine(one, number: callerID.number, name: callerID.name)
        }
        for variable in request.variables { setVariable(two, variable.name, variable.value) }
        if hasCallerID {
            channels[two]?.connectedNumber = callerID.number
            channels[two]?.connectedName = callerID.name
            setCallerID(two, number: callerID.number, name: callerID.name)
            setConnectedLine(two, number: callerID.number, name: callerID.name)
        }
        emitLocalBridge(one, two)
        emitDialEvent("DialBegin", dest: one, ["DialString": resource])
        runApplication(two, "Answer", "", priority: 1)
        setState(two, 6)
        setState(one, 6)
        emitDialEvent("DialEnd", dest: one, ["DialStatus": "ANSWER"])
        return one
    }

    /// A single phone channel (`PJSIP/1001-0000000a`) that rings and answers.
    private mutating func dialPhone(_ request: OriginateRequest, callerID: (number: String, name: String)) -> String {
        let one = makeChannel(
            name: "\(request.channel)-\(nextNameSuffix())", uniqueID: request.channelID, state: 0,
            context: request.context ?? "default", exten: request.exten ?? "s")
        emitChannelEvent("Newchannel", one)
        for variable in request.variables { setVariable(one, variable.name, variable.value) }
        if !callerID.number.isEmpty || !callerID.name.isEmpty {
            setCallerID(one, number: callerID.number, name: callerID.name)
            setConnectedLine(one, number: callerID.number, name: callerID.name)
        }
        emitDialEvent("DialBegin", dest: one, ["DialString": String(request.channel.drop { $0 != "/" }.dropFirst())])
        setState(one, 5)
        setState(one, 6)
        emitDialEvent("DialEnd", dest: one, ["DialStatus": "ANSWER"])
        return one
    }

    /// Sends the answered channel to its application or dialplan location; returns the queue it
    /// will join when the location is a queue context.
    private mutating func enterDestination(_ id: String, _ request: OriginateRequest) -> String? {
        if let application = request.application, !application.isEmpty {
            setApplication(id, application, request.data ?? "")
            return nil
        }
        let context = request.context ?? "default"
        let exten = request.exten ?? "s"
        let priority = request.priority ?? 1
        guard let queue = settings.queueContexts[context], queues[queue] != nil else {
            runApplication(id, "Wait", "600", context: context, exten: exten, priority: priority)
            return nil
        }
        runApplication(id, "Answer", "", context: context, exten: exten, priority: priority)
        runApplication(id, "Queue", "\(queue),,,,120")
        startQueueApplication(id)
        return queue
    }

    /// A Dial event naming only the dialled channel, as for an Originate (no caller channel).
    private mutating func emitDialEvent(_ name: String, dest: String, _ extra: KeyValuePairs<String, String>) {
        guard let channel = channels[dest] else { return }
        var event = SimEvents.event(name, "call", at: stamp())
        channel.appendBlock(to: &event, prefix: "Dest")
        for (key, value) in extra { event.append(key, value) }
        emit(event)
    }

    /// `OriginateResponse`, with the ActionID of the Originate.
    private mutating func emitOriginateResponse(_ request: OriginateRequest, channel id: String?, reason: Int) {
        let callerID = request.parsedCallerID
        var event = SimEvents.event("OriginateResponse", "call", at: stamp())
        if let actionID = request.actionID, !actionID.isEmpty { event.append("ActionID", actionID) }
        event.append("Response", id == nil ? "Failure" : "Success")
        event.append("Channel", id.flatMap { channels[$0]?.name } ?? request.channel)
        event.append("Context", request.context ?? "")
        event.append("Exten", request.exten ?? "")
        event.append("Reason", String(reason))
        event.append("Uniqueid", id ?? "<null>")
        event.append("CallerIDNum", SimChannel.number(callerID.number))
        event.append("CallerIDName", callerID.name.isEmpty ? "<unknown>" : callerID.name)
        emit(event)
    }
}
