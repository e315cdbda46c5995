import CTICore

/// A subscriber's bounded stream of ``ARIClientEvent``s; a gap shows up as
/// ``ARIClientEvent/eventsDropped(count:)``.
public typealias ARIEventSubscription = BoundedEventStream<ARIClientEvent>

extension ARIClientEvent: DropMarking {
    public static func dropped(count: Int) -> ARIClientEvent { .eventsDropped(count: count) }
}
