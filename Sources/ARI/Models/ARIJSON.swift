import CTICore

/// Any JSON value, for the few free-form fields of ARI (event filters, user events, unknown events).
public typealias ARIJSON = JSONValue
