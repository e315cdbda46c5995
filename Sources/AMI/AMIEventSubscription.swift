import CTICore

/// A subscriber's bounded stream of ``AMIClientEvent``s; a gap shows up as
/// ``AMIClientEvent/eventsDropped(count:)``.
public typealias AMIEventSubscription = BoundedEventStream<AMIClientEvent>

extension AMIClientEvent: DropMarking {
    public static func dropped(count: Int) -> AMIClientEvent { .eventsDropped(count: count) }
}
