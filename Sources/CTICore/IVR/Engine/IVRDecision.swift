/// Something the I/O layer must do for a call, returned by `IVREngine.handle(_:at:into:)` in order.
public enum IVRDecision: Sendable, Hashable {
    /// Answer the channel.
    case answer
    /// Start a playback.
    case play(IVRPlayback)
    /// Stop a playback (barge-in); a 404 because it already ended is fine.
    case stopPlayback(IVRPlaybackID)
    /// Start a timer.
    case startTimer(IVRTimer)
    /// Cancel a timer; it must not fire afterwards (a late fire is ignored anyway).
    case cancelTimer(IVRTimerID)
    /// Look the caller up in the CRM.
    case lookupCustomer(IVRLookupRequest)
    /// Hand the call to the ACD; the IVR is done.
    case enqueue(IVREnqueueRequest)
    /// Book a callback.
    case requestCallback(IVRCallbackRequest)
    /// Continue in the dialplan at an extension; the IVR is done.
    case transfer(IVRTransferRequest)
    /// Start recording the caller.
    case record(IVRRecordRequest)
    /// Stop a recording that overran.
    case stopRecording(name: String)
    /// Store a recorded message.
    case storeMessage(IVRMessage)
    /// Store survey scores.
    case storeSurveyResult(IVRSurveyResult)
    /// Hang the channel up with an ARI reason; the IVR is done.
    case hangUp(reason: String)
}

/// How a call left the IVR.
public enum IVROutcome: Sendable, Hashable {
    case enqueued(queue: String)
    case transferred(extension: String)
    /// The flow hung up.
    case hungUp
    /// The caller hung up at the node.
    case callerHungUp(nodeID: String?)
    /// The engine stopped a runaway flow and hung up.
    case aborted(String)
}
