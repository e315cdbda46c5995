extension CTIProtocolError {
    /// An agent action refused by `error`, as the reply frame carries it: the store's typed
    /// refusals by kind, as REST answers them (`forbidden`, `notFound`, `validationFailed`);
    /// anything else (an engine refusing, e.g. a call in the wrong state) is `actionRejected`.
    public init(refusing error: any Error) {
        switch error {
        case RepositoryError.forbidden(let message): self.init(.forbidden, message)
        case RepositoryError.notFound: self.init(.notFound, "\(error)")
        case RepositoryError.validation(let invalid): self.init(.validationFailed, invalid.description)
        case let invalid as CRMValidationError: self.init(.validationFailed, invalid.description)
        default: self.init(.actionRejected, "\(error)")
        }
    }
}
