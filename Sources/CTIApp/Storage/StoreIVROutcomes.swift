import CTICore
import Logging
import Storage
import Telephony

/// Keeps what callers leave in the IVR (surveys, callback requests, messages) in the store.
/// A failed write is logged with the caller's flow and channel; the call itself goes on.
struct StoreIVROutcomes: IVROutcomeSink {
    let store: CTIStore
    let logger: Logger
    /// Hands stored callback requests to the ACD (none: they are only stored).
    var callbacks: IVRCallbackScheduler?

    func surveyCompleted(_ result: IVRSurveyResult) async {
        do { _ = try await store.ivrOutcomes.record(survey: result) } catch {
            logger.error("survey not stored", metadata: ["ivr.flow": "\(result.flowID)", "ari.channel": "\(result.channelID)", "error": "\(error)"])
        }
    }

    func callbackRequested(_ request: IVRCallbackRequest, channelID: String) async {
        let stored: StoredCallbackRequest
        do { stored = try await store.ivrOutcomes.record(callback: request, channelID: channelID) } catch {
            logger.error("callback request not stored", metadata: ["ivr.queue": "\(request.queue)", "ari.channel": "\(channelID)", "error": "\(error)"])
            return
        }
        await callbacks?.schedule(stored, path: request.path)
    }

    func messageRecorded(_ message: IVRMessage) async {
        do { try await store.ivrOutcomes.record(message: message) } catch {
            logger.error("message not stored", metadata: ["ivr.mailbox": "\(message.mailbox)", "error": "\(error)"])
        }
    }
}
