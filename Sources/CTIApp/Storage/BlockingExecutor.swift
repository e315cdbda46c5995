import Dispatch

/// A task executor on Dispatch threads, for work that blocks a CPU for a while (password
/// hashing) and must stay off Swift's cooperative pool:
/// `try await withTaskExecutorPreference(BlockingExecutor.shared) { … }`.
final class BlockingExecutor: TaskExecutor {
    static let shared = BlockingExecutor()

    private let queue = DispatchQueue(label: "ctibridge.blocking", attributes: .concurrent)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
