import AMI
import Synchronization

/// The connections: registration, answering their actions under the lock, and event fan-out.
extension AMISimulator {
    func register(_ link: SessionLink) -> Int {
        state.withLock { state in
            state.nextSessionID += 1
            state.sessions[state.nextSessionID] = link
            return state.nextSessionID
        }
    }

    func unregister(_ id: Int) {
        state.withLock { state in
            state.sessions[id] = nil
            state.authenticated.remove(id)
        }
    }

    /// Answers one action of a session: under the lock, run due steps, answer, run steps the answer
    /// made due, and queue the events to every session. The replies are for the caller to write.
    func handle(_ action: AMIMessage, session: inout AMISimulatorSession, id: Int?) -> AMIActionOutcome {
        let now = clock.now()
        let responder = AMIActionResponder(accounts: configuration.accounts, now: now)
        let (outcome, recordings) = state.withLock { state in
            state.pbx.advance(to: now)
            let wasAuthenticated = session.isAuthenticated
            let outcome = responder.respond(to: action, session: &session, pbx: &state.pbx, random: &state.random)
            if !wasAuthenticated, session.isAuthenticated, let id, state.sessions[id] != nil { state.authenticated.insert(id) }
            state.pbx.advance(to: now)
            Self.broadcast(state.pbx.drainEvents(), to: state.sessions)
            return (outcome, state.pbx.drainRecordings())
        }
        writeRecordings(recordings)
        return outcome
    }
}
